/**
 * Souwen benchmark: import throughput, query latency, reload-to-first-result, worker heap and
 * IndexedDB size in headless Chromium against the built app, plus the same core in Node.
 * Prints a table and writes bench/results.json. Numbers are medians; nothing is asserted.
 *
 *   npm run bench [-- --mb 10] [--queries 500] [--quick] [--node-only] [--anchors] [--anchor-queries 200] [--parallel full]
 *
 * `--parallel full` measures cross-script search on the full parallel corpus (770 man-page and
 * manual pairs, built once by scripts/build-parallel-corpus.mjs) instead of the 30 sample pairs.
 * `--anchors` also measures FlexSearch (CJK, CJK + context), MiniSearch and Orama on the same
 * sections and queries, each in a process of its own (tests/bench/anchor-run.ts).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { build, preview } from 'vite';
import { SearchEngine } from '../../src/core/engine.ts';
import { ingest } from '../../src/core/pipeline.ts';
import { parseQuery } from '../../src/core/query/parse-query.ts';
import { preparePinyin } from '../../src/core/query/pinyin.ts';
import type { ImportTimings } from '../../src/shared/protocol.ts';
import { launch } from '../e2e/browser.ts';
import { CORPUS_DIR, SEEDS_DIR, seeds } from '../support/corpus.ts';
import { crossScript } from '../support/cross-script.ts';
import { JUDGED, judgedFiles, meanReciprocalRank } from '../support/judged.ts';
import { bruteForce, exactnessQueries, type BruteSection } from '../support/exactness.ts';
import { oracleFold } from '../support/oracle.ts';
import { scaleCorpus } from '../support/scale.ts';
import { ANCHORS, type AnchorName } from './anchor-engines.ts';
import { median, percentile } from './stats.ts';
import { workerHeapBytes } from './worker-heap.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { values: args } = parseArgs({
  options: {
    mb: { type: 'string', default: '10' },
    queries: { type: 'string', default: '500' },
    quick: { type: 'boolean', default: false },
    'node-only': { type: 'boolean', default: false },
    anchors: { type: 'boolean', default: false },
    'anchor-queries': { type: 'string', default: '200' },
    parallel: { type: 'string', default: 'sample' },
  },
});
const MB = Number(args.mb);
const QUERY_COUNT = Number(args.queries);
const REPEATS = args.quick ? 1 : 3;

interface Corpus {
  label: string;
  files: { path: string; name: string; abs: string }[];
  bytes: number;
}

function corpusOf(label: string, dir: string, paths: string[]): Corpus {
  const files = paths.map((abs) => ({ abs, path: relative(dir, abs), name: basename(abs) }));
  return { label, files, bytes: files.reduce((n, f) => n + readFileSync(f.abs).length, 0) };
}

type Souwen = {
  library: { ready: boolean };
  client: { request: (type: string, payload: unknown, options?: { transfer?: Transferable[] }) => Promise<{ ms?: number; total?: number; timings?: ImportTimings }> };
};

async function openApp(browser: Browser, url: string, corpus: Corpus | null): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (corpus) {
    const byPath = new Map(corpus.files.map((f) => [f.path, f.abs]));
    // Serve corpus files from the app's own origin: no network, and the CSP's connect-src 'self' holds.
    await page.route('**/__bench__/**', (route) => {
      const path = decodeURIComponent(new URL(route.request().url()).pathname.split('/__bench__/')[1] ?? '');
      const abs = byPath.get(path);
      return abs ? route.fulfill({ body: readFileSync(abs), contentType: 'text/plain' }) : route.fulfill({ status: 404 });
    });
  }
  await page.goto(url);
  await page.waitForFunction(() => (globalThis as { souwen?: Souwen }).souwen?.library.ready === true);
  return page;
}

/** Fetches the corpus into the page, then times only the worker's import (decode → index → IndexedDB), with its phases. */
async function timeImport(page: Page, corpus: Corpus): Promise<{ ms: number; timings: ImportTimings }> {
  return page.evaluate(async (paths) => {
    const files = await Promise.all(
      paths.map(async (path) => ({ name: path.split('/').pop()!, path, bytes: await (await fetch(`__bench__/${encodeURIComponent(path)}`)).arrayBuffer() })),
    );
    const client = (globalThis as { souwen?: Souwen }).souwen!.client;
    const started = performance.now();
    const { timings } = await client.request('import', { files }, { transfer: files.map((f) => f.bytes) });
    return { ms: performance.now() - started, timings: timings! };
  }, corpus.files.map((f) => f.path));
}

async function queryLatencies(page: Page, queries: string[]) {
  return page.evaluate(async (qs) => {
    const client = (globalThis as { souwen?: Souwen }).souwen!.client;
    const roundTrip: number[] = [];
    const worker: number[] = [];
    for (const query of qs) {
      const started = performance.now();
      const r = await client.request('search', { query, limit: 20, offset: 0 });
      roundTrip.push(performance.now() - started);
      worker.push(r.ms ?? NaN);
    }
    return { roundTrip, worker };
  }, queries);
}

/** Reloads and returns ms from navigation start until the first search result arrives. */
async function reloadToFirstResult(page: Page, query: string): Promise<number> {
  await page.reload();
  return page.evaluate(async (q) => {
    const g = globalThis as { souwen?: Souwen };
    while (!g.souwen?.library.ready) await new Promise((r) => setTimeout(r, 2));
    await g.souwen.client.request('search', { query: q, limit: 20, offset: 0 });
    return performance.now();
  }, query);
}

async function browserBench(seedCorpus: Corpus, scale: Corpus, queries: string[]) {
  await build({ logLevel: 'warn' });
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const url = server.resolvedUrls!.local[0]!;
  const browser = await launch();
  try {
    const seedMs: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const page = await openApp(browser, url, seedCorpus);
      seedMs.push((await timeImport(page, seedCorpus)).ms);
      await page.context().close();
    }
    const scaleMs: number[] = [];
    const scalePhases: ImportTimings[] = [];
    let page: Page | null = null;
    for (let i = 0; i < REPEATS; i++) {
      await page?.context().close();
      page = await openApp(browser, url, scale);
      const { ms, timings } = await timeImport(page, scale);
      scaleMs.push(ms);
      scalePhases.push(timings);
    }
    const p = page!;
    const heapAfterImport = await workerHeapBytes(browser).catch((e: unknown) => ({ bytes: null, error: String(e) }));
    const latencies = await queryLatencies(p, queries);
    // Dropping the same folder again: every file is read, recognized as a duplicate and skipped.
    const duplicatesMs = (await timeImport(p, scale)).ms;
    const reloads: number[] = [];
    for (let i = 0; i < REPEATS; i++) reloads.push(await reloadToFirstResult(p, queries[0]!));
    const heapAfterReload = await workerHeapBytes(browser).catch((e: unknown) => ({ bytes: null, error: String(e) }));
    // After a reload section texts are read from IndexedDB when a page of results first needs them.
    const latenciesAfterReload = await queryLatencies(p, queries);
    const idbBytes = await p.evaluate(async () => (await navigator.storage.estimate()).usage ?? null);
    const phases = Object.fromEntries(Object.keys(scalePhases[0]!).map((k) => [k, median(scalePhases.map((t) => t[k as keyof ImportTimings]))])) as unknown as ImportTimings;
    return { chromium: browser.version(), seedMs, scaleMs, phases, duplicatesMs, latencies, latenciesAfterReload, reloads, heapAfterImport, heapAfterReload, idbBytes };
  } finally {
    await browser.close();
    await server.close();
  }
}

const PINYIN_QUERIES = ['xinpian', 'xp', 'mingyue', 'my', 'chunfeng', 'zhongguo', 'jiangnan', 'hs', 'yueguang', 'qiuyu'];

/** The core in Node: ingest, build, heap, query latency, exactness against brute force, persistence. */
async function nodeBench(scale: Corpus, queries: string[]) {
  const gc = (globalThis as { gc?: () => void }).gc;
  const inputs = scale.files.map((f) => ({ path: f.path, bytes: new Uint8Array(readFileSync(f.abs)) }));
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let started = performance.now();
  const decoded = inputs.map((f) => ({ path: f.path, sections: ingest(f.bytes, f.path).sections }));
  const ingestMs = performance.now() - started;
  const engine = new SearchEngine();
  started = performance.now();
  let nextId = 1;
  const stored = decoded.map((f, fileId) => {
    const sections = engine.addFile(fileId, f.path, f.sections, nextId);
    nextId += sections.length;
    return { fileId, path: f.path, sections };
  });
  engine.flushIndex();
  const buildMs = performance.now() - started;
  decoded.length = 0;
  gc?.();
  const heapBuiltBytes = process.memoryUsage().heapUsed - heapBefore;
  // As the worker does before it saves a snapshot: posting lists trimmed to their exact size.
  started = performance.now();
  engine.compactIndex();
  const compactMs = performance.now() - started;
  gc?.();
  const heapBytes = process.memoryUsage().heapUsed - heapBefore;

  const sections: BruteSection[] = stored.flatMap((f) =>
    // Folded by the oracle (opencc-js), not by the engine's own fold: see tests/support/oracle.ts.
    f.sections.map((s) => ({ id: s.id, norm: oracleFold(s.text), text: s.text, normTitle: oracleFold(s.title), normFile: oracleFold(f.path), date: s.date })),
  );
  const times: number[] = [];
  let truePositives = 0;
  let returned = 0;
  let expected = 0;
  // As the worker does once a library is open (not part of any query's time).
  preparePinyin();
  engine.search(queries[0]!, { limit: 20 });
  // Timed in passes of their own: the brute-force check allocates, and its garbage collections
  // would land inside the next query's time. Each query's time is its median over the passes
  // (the machine is shared and noisy); the first pass alone is reported too.
  const passes: number[][] = [];
  for (let pass = 0; pass < REPEATS; pass++) {
    passes.push(
      queries.map((q) => {
        const t = performance.now();
        engine.search(q, { limit: 20 });
        return performance.now() - t;
      }),
    );
  }
  times.push(...queries.map((_, i) => median(passes.map((p) => p[i]!))));
  const firstPassMs = passes[0]!;
  for (const q of queries) {
    const got = new Set(engine.matching(parseQuery(q)));
    const want = bruteForce(sections, q);
    returned += got.size;
    expected += want.length;
    truePositives += want.filter((id) => got.has(id)).length;
  }
  const pinyinMs = PINYIN_QUERIES.map((q) => {
    const t = performance.now();
    engine.search(q, { limit: 20 });
    return performance.now() - t;
  });

  const chunks = await engine.exportIndex();
  const indexBytes = chunks.reduce((n, [k, d]) => n + Buffer.byteLength(k) + Buffer.byteLength(d), 0);
  const recordBytes = stored.reduce((n, f) => n + Buffer.byteLength(JSON.stringify(f.sections)), 0);
  started = performance.now();
  const restored = new SearchEngine();
  restored.importIndex(chunks);
  for (const f of stored) restored.restoreFile(f.fileId, f.path, f.sections, true);
  restored.search(queries[0]!, { limit: 20 });
  const restoreMs = performance.now() - started;
  // The worker does this between requests after a reload; queries scan until it is done.
  started = performance.now();
  restored.indexCharacters();
  const characterIndexMs = performance.now() - started;

  return {
    ingestMs,
    buildMs,
    compactMs,
    heapBuiltBytes: gc ? heapBuiltBytes : null,
    heapBytes: gc ? heapBytes : null,
    queryMs: times,
    firstPassMs,
    pinyinMs,
    precision: returned ? truePositives / returned : 1,
    recall: expected ? truePositives / expected : 1,
    indexBytes,
    recordBytes,
    restoreMs,
    characterIndexMs,
    sections,
  };
}

/** Builds (once) and returns the full parallel corpus folder. */
function fullParallelCorpus(): string {
  const out = join(ROOT, '.cache', 'parallel-full');
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-parallel-corpus.mjs'), '--out', out], { stdio: 'inherit' });
  return out;
}

/** Mean reciprocal rank of the judged queries over the seeds and parallel pairs (tests/fixtures/judged-queries.json). */
function judgedMrr(): number {
  const engine = new SearchEngine();
  let id = 1;
  judgedFiles().forEach((file, fileId) => {
    id += engine.addFile(fileId, file, ingest(new Uint8Array(readFileSync(join(CORPUS_DIR, file))), file).sections, id).length;
  });
  return meanReciprocalRank(engine);
}

type AnchorResult = Record<string, number | string>;

/** Runs every anchor engine, one process each, on single-term queries with their brute-force answers. */
function anchors(sections: readonly BruteSection[], queries: readonly string[], count: number): AnchorResult[] {
  const single = queries.map((q) => parseQuery(q)).filter((q) => q.clauses.length === 1 && q.clauses[0]!.length === 1 && q.exclude.length + q.title.length + q.file.length === 0 && !q.date);
  const terms = [...new Set(single.map((q) => q.clauses[0]![0]!).filter((t) => !/\s/.test(t)))].slice(0, count);
  const truth = terms.map((t) => [t, sections.filter((s) => s.norm.includes(t)).map((s) => s.id)]);
  const truthFile = join(ROOT, '.cache', 'anchor-truth.json');
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  writeFileSync(truthFile, JSON.stringify(truth));
  return (Object.keys(ANCHORS) as AnchorName[]).map((name) => {
    process.stdout.write(`  anchor ${name}… `);
    const started = performance.now();
    try {
      const out = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', join(ROOT, 'tests/bench/anchor-run.ts'), name, String(MB), truthFile], {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      console.log(`${((performance.now() - started) / 1000).toFixed(0)} s`);
      return JSON.parse(out.trim().split('\n').pop()!) as AnchorResult;
    } catch (e) {
      console.log('failed');
      return { engine: name, error: String(e).slice(0, 300) };
    }
  });
}

function anchorTable(results: readonly AnchorResult[]): string[] {
  const n = (v: number | string | undefined, digits: number) => (typeof v === 'number' ? v.toFixed(digits) : '—');
  const lines = ['| engine | precision | recall | build MB/s | index heap MB | query p95 ms | export MB | restore s |', '|---|---|---|---|---|---|---|---|'];
  for (const r of results) {
    if (r.error) {
      lines.push(`| ${r.engine} | failed: ${r.error} |`);
      continue;
    }
    const mb = (v: number | string | undefined) => (typeof v === 'number' ? (v / 1e6).toFixed(0) : '—');
    lines.push(
      `| ${r.engine} | ${n(r.precision, 2)} | ${n(r.recall, 2)} | ${n(r.buildMBps, 2)} | ${mb(r.indexHeapBytes)} | ${n(r.queryP95, 1)} | ${mb(r.exportBytes)} | ${n(typeof r.restoreMs === 'number' ? r.restoreMs / 1000 : undefined, 2)} |`,
    );
  }
  return lines;
}

async function main() {
  const scalePaths = scaleCorpus(MB);
  const scaleDir = join(scalePaths[0]!, '..', '..');
  const seedCorpus = corpusOf('seeds', SEEDS_DIR, seeds().map((s) => join(SEEDS_DIR, s.name)));
  const scale = corpusOf(`scale ${MB} MB`, scaleDir, scalePaths);
  const sampleTexts = scale.files.filter((_, i) => i % Math.max(1, Math.floor(scale.files.length / 200)) === 0).map((f) => readFileSync(f.abs, 'utf8'));
  const queries = exactnessQueries(sampleTexts, 2022, QUERY_COUNT);

  console.log(`Souwen benchmark: seeds ${(seedCorpus.bytes / 1e6).toFixed(2)} MB, ${scale.label} (${scale.files.length} files), ${queries.length} queries, ${REPEATS} repeat(s)`);
  const node = await nodeBench(scale, queries);
  const mrr = judgedMrr();
  const cross = args.parallel === 'full' ? crossScript(3000, 703, fullParallelCorpus()) : crossScript();
  const anchorResults = args.anchors ? anchors(node.sections, queries, Number(args['anchor-queries'])) : [];
  const web = args['node-only'] ? null : await browserBench(seedCorpus, scale, queries);

  const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);
  const perByte = (bytes: number | null | undefined) => (bytes ? bytes / scale.bytes : null);
  const results = {
    date: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model, cores: cpus().length, node: process.version, chromium: web?.chromium },
    corpus: { seedsBytes: seedCorpus.bytes, scaleBytes: scale.bytes, scaleFiles: scale.files.length, sections: node.sections.length, queries: queries.length },
    chromium: web && {
      importSeedsMBps: mbps(seedCorpus.bytes, median(web.seedMs)),
      importScaleMBps: mbps(scale.bytes, median(web.scaleMs)),
      importSeedsMs: web.seedMs,
      importScaleMs: web.scaleMs,
      importPhasesMs: web.phases,
      reimportDuplicatesMs: web.duplicatesMs,
      buildMBps: mbps(scale.bytes, web.phases.index + web.phases.snapshot),
      queryRoundTripP50: median(web.latencies.roundTrip),
      queryRoundTripP95: percentile(web.latencies.roundTrip, 95),
      queryWorkerP50: median(web.latencies.worker),
      queryWorkerP95: percentile(web.latencies.worker, 95),
      queryRoundTripAfterReloadP50: median(web.latenciesAfterReload.roundTrip),
      queryRoundTripAfterReloadP95: percentile(web.latenciesAfterReload.roundTrip, 95),
      reloadToFirstResultMs: median(web.reloads),
      reloadToFirstResultAll: web.reloads,
      workerHeapBytes: web.heapAfterImport.bytes,
      workerHeapError: 'error' in web.heapAfterImport ? web.heapAfterImport.error : undefined,
      workerHeapPerCorpusByte: perByte(web.heapAfterImport.bytes),
      workerHeapAfterReloadBytes: web.heapAfterReload.bytes,
      workerHeapAfterReloadPerCorpusByte: perByte(web.heapAfterReload.bytes),
      indexedDbBytes: web.idbBytes,
      indexedDbPerCorpusByte: perByte(web.idbBytes),
    },
    node: {
      ingestMBps: mbps(scale.bytes, node.ingestMs),
      buildMBps: mbps(scale.bytes, node.buildMs),
      endToEndMBps: mbps(scale.bytes, node.ingestMs + node.buildMs),
      compactMs: node.compactMs,
      heapBuiltBytes: node.heapBuiltBytes,
      heapBuiltPerCorpusByte: perByte(node.heapBuiltBytes),
      heapBytes: node.heapBytes,
      heapPerCorpusByte: perByte(node.heapBytes),
      queryP50: median(node.queryMs),
      queryP95: percentile(node.queryMs, 95),
      queryFirstPassP95: percentile(node.firstPassMs, 95),
      pinyinQueryP50: median(node.pinyinMs),
      pinyinQueryMax: Math.max(...node.pinyinMs),
      precision: node.precision,
      recall: node.recall,
      indexBytes: node.indexBytes,
      indexPerCorpusByte: perByte(node.indexBytes),
      recordBytes: node.recordBytes,
      restoreMs: node.restoreMs,
      characterIndexMs: node.characterIndexMs,
      judgedMrr: mrr,
      crossScript: cross,
    },
    anchors: anchorResults,
  };

  const c = results.chromium;
  const n = results.node;
  const times = (v: number | null) => (v === null ? 'n/a' : `${v.toFixed(1)}× text`);
  const rows: [string, string][] = [
    [`sections of ${scale.label} (${scale.files.length} files)`, `${node.sections.length}  (mean ${(node.sections.reduce((n, s) => n + s.text.length, 0) / Math.max(node.sections.length, 1)).toFixed(0)} characters)`],
    [`ingest ${scale.label} (decode, clean, split; Node)`, `${n.ingestMBps.toFixed(2)} MB/s`],
    [`build ${scale.label} (normalize, tokenize, index; Node)`, `${n.buildMBps.toFixed(2)} MB/s  (${(node.buildMs / 1000).toFixed(1)} s; end to end ${n.endToEndMBps.toFixed(2)} MB/s)`],
    ['heap after build, before / after compaction (Node)', n.heapBytes && n.heapBuiltBytes ? `${(n.heapBuiltBytes / 1e6).toFixed(0)} / ${(n.heapBytes / 1e6).toFixed(0)} MB  (${times(n.heapBuiltPerCorpusByte)} / ${times(n.heapPerCorpusByte)}; compaction ${n.compactMs.toFixed(0)} ms)` : 'n/a (run with --expose-gc)'],
    [`query p50 / p95 (Node, top 20 + snippets, ${queries.length} queries, median of ${REPEATS} passes)`, `${n.queryP50.toFixed(2)} / ${n.queryP95.toFixed(2)} ms  (first pass alone: p95 ${n.queryFirstPassP95.toFixed(2)} ms)`],
    [`pinyin query p50 / max (${PINYIN_QUERIES.length} queries)`, `${n.pinyinQueryP50.toFixed(1)} / ${n.pinyinQueryMax.toFixed(1)} ms`],
    ['precision / recall vs brute force (Node)', `${n.precision.toFixed(4)} / ${n.recall.toFixed(4)}`],
    ['persisted index / section records', `${(n.indexBytes / 1e6).toFixed(1)} MB (${times(n.indexPerCorpusByte)}) / ${(n.recordBytes / 1e6).toFixed(1)} MB`],
    ['restore (import index + sections, first query)', `${n.restoreMs.toFixed(0)} ms`],
    ['character index after restore (between requests)', `${n.characterIndexMs.toFixed(0)} ms`],
    [`MRR of ${JUDGED.length} judged queries`, n.judgedMrr.toFixed(3)],
    [
      `Simplified query → Traditional twin (${cross.pairs} pairs, ${cross.queries} queries)`,
      `literal ${cross.literalFound}/${cross.literal}, wording ${cross.wordingFound}/${cross.wording}; blocked by wording ${cross.blocked} (${((100 * cross.blocked) / cross.queries).toFixed(2)} %)`,
    ],
  ];
  if (c && web) {
    rows.unshift(
      ['import seeds (Chromium)', `${c.importSeedsMBps.toFixed(2)} MB/s`],
      [`import ${scale.label} (Chromium)`, `${c.importScaleMBps.toFixed(2)} MB/s  (${(median(web.scaleMs) / 1000).toFixed(1)} s)`],
      [
        'import phases (Chromium; s)',
        `${Object.entries(web.phases).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ')}; build from decoded text (index + snapshot) ${c.buildMBps.toFixed(2)} MB/s`,
      ],
      [`import ${scale.label} again (every file a duplicate; Chromium)`, `${(web.duplicatesMs / 1000).toFixed(1)} s`],
      ['query round trip p50 / p95 (top 20 + snippets)', `${c.queryRoundTripP50.toFixed(2)} / ${c.queryRoundTripP95.toFixed(2)} ms`],
      ['query in worker p50 / p95', `${c.queryWorkerP50.toFixed(2)} / ${c.queryWorkerP95.toFixed(2)} ms`],
      ['page load → first result after reload', `${c.reloadToFirstResultMs.toFixed(0)} ms`],
      ['query round trip p50 / p95 after reload (texts read when first shown)', `${c.queryRoundTripAfterReloadP50.toFixed(2)} / ${c.queryRoundTripAfterReloadP95.toFixed(2)} ms`],
      ['worker JS heap after import', c.workerHeapBytes ? `${(c.workerHeapBytes / 1e6).toFixed(0)} MB  (${times(c.workerHeapPerCorpusByte)})` : `n/a (${c.workerHeapError})`],
      ['worker JS heap after reload (index restored)', c.workerHeapAfterReloadBytes ? `${(c.workerHeapAfterReloadBytes / 1e6).toFixed(0)} MB  (${times(c.workerHeapAfterReloadPerCorpusByte)})` : 'n/a'],
      ['IndexedDB usage', c.indexedDbBytes ? `${(c.indexedDbBytes / 1e6).toFixed(0)} MB  (${times(c.indexedDbPerCorpusByte)})` : 'n/a'],
    );
  }
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  console.log(`\n${'metric'.padEnd(width)}value`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}${v}`);
  console.log(`  blocked by wording, e.g.: ${cross.blockedExamples.slice(0, 8).join(' · ')}`);
  if (anchorResults.length > 0) console.log(`\nAnchors on ${scale.label}, ${anchorResults[0]!.queries ?? '?'} single-term queries:\n${anchorTable(anchorResults).join('\n')}`);
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwrote bench/results.json');
}

await main();
