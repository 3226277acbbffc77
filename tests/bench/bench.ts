/**
 * Souwen benchmark: import throughput, query latency, reload-to-first-result, worker heap and
 * IndexedDB size in headless Chromium against the built app, plus the same core in Node.
 * Prints a table and writes bench/results.json. Numbers are medians; nothing is asserted.
 *
 *   npm run bench [-- --mb 10] [--queries 200] [--quick]
 */
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
import { launch } from '../e2e/browser.ts';
import { CORPUS_DIR, SEEDS_DIR, seeds } from '../support/corpus.ts';
import { crossScript } from '../support/cross-script.ts';
import { JUDGED, judgedFiles, meanReciprocalRank } from '../support/judged.ts';
import { seededRandom } from '../support/random.ts';
import { scaleCorpus } from '../support/scale.ts';
import { workerHeapBytes } from './worker-heap.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { values: args } = parseArgs({
  options: { mb: { type: 'string', default: '10' }, queries: { type: 'string', default: '200' }, quick: { type: 'boolean', default: false } },
});
const MB = Number(args.mb);
const QUERY_COUNT = Number(args.queries);
const REPEATS = args.quick ? 1 : 3;

interface Corpus {
  label: string;
  files: { path: string; name: string; abs: string }[];
  bytes: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2 : NaN;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

function corpusOf(label: string, dir: string, paths: string[]): Corpus {
  const files = paths.map((abs) => ({ abs, path: relative(dir, abs), name: basename(abs) }));
  return { label, files, bytes: files.reduce((n, f) => n + readFileSync(f.abs).length, 0) };
}

/** Fixed-seed queries: 1–4 character substrings of the corpus, Latin strings, not-found strings. */
function makeQueries(texts: string[], count: number): string[] {
  const rand = seededRandom(2022);
  const out = new Set(['ai', 'GPU', 'Transformer', 'RISC-V', '龘靐', 'qzxv', '月明星稀不存在']);
  while (out.size < count) {
    const t = texts[Math.floor(rand() * texts.length)]!;
    const len = 1 + Math.floor(rand() * 4);
    const at = Math.floor(rand() * Math.max(1, t.length - len));
    const q = t.slice(at, at + len);
    if (q.trim() === q && q && !/\s/.test(q)) out.add(q);
  }
  return [...out];
}

type Souwen = {
  library: { ready: boolean };
  client: { request: (type: string, payload: unknown, options?: { transfer?: Transferable[] }) => Promise<{ ms?: number; total?: number }> };
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

/** Fetches the corpus into the page, then times only the worker's import (decode → index → IndexedDB). */
async function timeImport(page: Page, corpus: Corpus): Promise<number> {
  return page.evaluate(async (paths) => {
    const files = await Promise.all(
      paths.map(async (path) => ({ name: path.split('/').pop()!, path, bytes: await (await fetch(`__bench__/${encodeURIComponent(path)}`)).arrayBuffer() })),
    );
    const client = (globalThis as { souwen?: Souwen }).souwen!.client;
    const started = performance.now();
    await client.request('import', { files }, { transfer: files.map((f) => f.bytes) });
    return performance.now() - started;
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
      seedMs.push(await timeImport(page, seedCorpus));
      await page.context().close();
    }
    const scaleMs: number[] = [];
    let page: Page | null = null;
    for (let i = 0; i < REPEATS; i++) {
      await page?.context().close();
      page = await openApp(browser, url, scale);
      scaleMs.push(await timeImport(page, scale));
    }
    const p = page!;
    const heapAfterImport = await workerHeapBytes(browser).catch((e: unknown) => ({ bytes: null, error: String(e) }));
    const latencies = await queryLatencies(p, queries);
    const reloads: number[] = [];
    for (let i = 0; i < REPEATS; i++) reloads.push(await reloadToFirstResult(p, queries[0]!));
    const heapAfterReload = await workerHeapBytes(browser).catch((e: unknown) => ({ bytes: null, error: String(e) }));
    const idbBytes = await p.evaluate(async () => (await navigator.storage.estimate()).usage ?? null);
    return { chromium: browser.version(), seedMs, scaleMs, latencies, reloads, heapAfterImport, heapAfterReload, idbBytes };
  } finally {
    await browser.close();
    await server.close();
  }
}

function nodeBench(scale: Corpus, queries: string[]) {
  const gc = (globalThis as { gc?: () => void }).gc;
  const inputs = scale.files.map((f) => ({ path: f.path, bytes: new Uint8Array(readFileSync(f.abs)) }));
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const engine = new SearchEngine();
  const started = performance.now();
  let nextId = 1;
  inputs.forEach((f, fileId) => {
    nextId += engine.addFile(fileId, f.path, ingest(f.bytes, f.path).sections, nextId).length;
  });
  const buildMs = performance.now() - started;
  gc?.();
  const heapBytes = process.memoryUsage().heapUsed - heapBefore;
  const times: number[] = [];
  let truePositives = 0;
  let returned = 0;
  let expected = 0;
  const norms = collectNorms(engine, nextId);
  for (const q of queries) {
    const t = performance.now();
    engine.search(q, { limit: 20 });
    times.push(performance.now() - t);
    const { terms } = parseQuery(q);
    const got = new Set(engine.matchingIds(terms));
    const want = norms.filter((s) => terms.length > 0 && terms.every((term) => s.norm.includes(term))).map((s) => s.id);
    returned += got.size;
    expected += want.length;
    truePositives += want.filter((id) => got.has(id)).length;
  }
  return {
    buildMs,
    heapBytes: gc ? heapBytes : null,
    queryMs: times,
    precision: returned ? truePositives / returned : 1,
    recall: expected ? truePositives / expected : 1,
  };
}

/** The normalized text of every section, for the brute-force check. */
function collectNorms(engine: SearchEngine, nextId: number): { id: number; norm: string }[] {
  const out: { id: number; norm: string }[] = [];
  for (let id = 1; id < nextId; id++) {
    const norm = engine.normalizedTextOf(id);
    if (norm !== undefined) out.push({ id, norm });
  }
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

async function main() {
  const scalePaths = scaleCorpus(MB);
  const scaleDir = join(scalePaths[0]!, '..', '..');
  const seedCorpus = corpusOf('seeds', SEEDS_DIR, seeds().map((s) => join(SEEDS_DIR, s.name)));
  const scale = corpusOf(`scale ${MB} MB`, scaleDir, scalePaths);
  const queries = makeQueries(scale.files.slice(0, 200).map((f) => readFileSync(f.abs, 'utf8')), QUERY_COUNT);

  console.log(`Souwen benchmark: seeds ${(seedCorpus.bytes / 1e6).toFixed(2)} MB, ${scale.label} (${scale.files.length} files), ${queries.length} queries, ${REPEATS} repeat(s)`);
  const node = nodeBench(scale, queries);
  const mrr = judgedMrr();
  const cross = crossScript();
  const web = await browserBench(seedCorpus, scale, queries);

  const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);
  const heapBytes = web.heapAfterImport.bytes;
  const heapReloadBytes = web.heapAfterReload.bytes;
  const results = {
    date: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model, cores: cpus().length, node: process.version, chromium: web.chromium },
    corpus: { seedsBytes: seedCorpus.bytes, scaleBytes: scale.bytes, scaleFiles: scale.files.length, queries: queries.length },
    chromium: {
      importSeedsMBps: mbps(seedCorpus.bytes, median(web.seedMs)),
      importScaleMBps: mbps(scale.bytes, median(web.scaleMs)),
      importSeedsMs: web.seedMs,
      importScaleMs: web.scaleMs,
      queryRoundTripP50: median(web.latencies.roundTrip),
      queryRoundTripP95: percentile(web.latencies.roundTrip, 95),
      queryWorkerP50: median(web.latencies.worker),
      queryWorkerP95: percentile(web.latencies.worker, 95),
      reloadToFirstResultMs: median(web.reloads),
      reloadToFirstResultAll: web.reloads,
      workerHeapBytes: heapBytes,
      workerHeapError: 'error' in web.heapAfterImport ? web.heapAfterImport.error : undefined,
      workerHeapPerCorpusByte: heapBytes ? heapBytes / scale.bytes : null,
      workerHeapAfterReloadBytes: heapReloadBytes,
      workerHeapAfterReloadPerCorpusByte: heapReloadBytes ? heapReloadBytes / scale.bytes : null,
      indexedDbBytes: web.idbBytes,
      indexedDbPerCorpusByte: web.idbBytes ? web.idbBytes / scale.bytes : null,
    },
    node: {
      buildMBps: mbps(scale.bytes, node.buildMs),
      heapBytes: node.heapBytes,
      heapPerCorpusByte: node.heapBytes ? node.heapBytes / scale.bytes : null,
      queryP50: median(node.queryMs),
      queryP95: percentile(node.queryMs, 95),
      precision: node.precision,
      recall: node.recall,
      judgedMrr: mrr,
      crossScript: cross,
    },
  };

  const c = results.chromium;
  const n = results.node;
  const rows: [string, string][] = [
    ['import seeds (Chromium)', `${c.importSeedsMBps.toFixed(2)} MB/s`],
    [`import ${scale.label} (Chromium)`, `${c.importScaleMBps.toFixed(2)} MB/s  (${(median(web.scaleMs) / 1000).toFixed(1)} s)`],
    ['query round trip p50 / p95 (top 20 + snippets)', `${c.queryRoundTripP50.toFixed(2)} / ${c.queryRoundTripP95.toFixed(2)} ms`],
    ['query in worker p50 / p95', `${c.queryWorkerP50.toFixed(2)} / ${c.queryWorkerP95.toFixed(2)} ms`],
    ['page load → first result after reload', `${c.reloadToFirstResultMs.toFixed(0)} ms`],
    ['worker JS heap after import', heapBytes ? `${(heapBytes / 1e6).toFixed(0)} MB  (${c.workerHeapPerCorpusByte!.toFixed(1)}× text)` : `n/a (${c.workerHeapError})`],
    ['worker JS heap after reload (index restored)', heapReloadBytes ? `${(heapReloadBytes / 1e6).toFixed(0)} MB  (${c.workerHeapAfterReloadPerCorpusByte!.toFixed(1)}× text)` : 'n/a'],
    ['IndexedDB usage', c.indexedDbBytes ? `${(c.indexedDbBytes / 1e6).toFixed(0)} MB  (${c.indexedDbPerCorpusByte!.toFixed(1)}× text)` : 'n/a'],
    [`build ${scale.label} (Node)`, `${n.buildMBps.toFixed(2)} MB/s`],
    ['heap after build (Node)', n.heapBytes ? `${(n.heapBytes / 1e6).toFixed(0)} MB  (${n.heapPerCorpusByte!.toFixed(1)}× text)` : 'n/a (run with --expose-gc)'],
    ['query p50 / p95 (Node, top 20 + snippets)', `${n.queryP50.toFixed(2)} / ${n.queryP95.toFixed(2)} ms`],
    ['precision / recall vs brute force (Node)', `${n.precision.toFixed(4)} / ${n.recall.toFixed(4)}`],
    [`MRR of ${JUDGED.length} judged queries`, n.judgedMrr.toFixed(3)],
    [
      'Simplified query → Traditional twin (30 pairs)',
      `${cross.found}/${cross.expected} found; ${cross.blocked}/${cross.queries} blocked by wording`,
    ],
  ];
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  console.log(`\n${'metric'.padEnd(width)}value`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}${v}`);
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwrote bench/results.json');
}

await main();
