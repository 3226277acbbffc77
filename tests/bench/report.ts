/** The benchmark's results: the JSON written to bench/results.json and the table printed. */
import { cpus } from 'node:os';
import type { crossScript } from '../support/cross-script.ts';
import type { BrowserResults } from './browser-bench.ts';
import { JUDGED, PINYIN_QUERIES, type NodeResults, type timeCli } from './node-bench.ts';
import { REPEATS, type Corpus } from './options.ts';
import { median, percentile } from './stats.ts';

const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);

/** What the Node run adds beside its own measures. */
export interface NodeExtras {
  mrr: number;
  cross: ReturnType<typeof crossScript>;
  /** `souwen search` over the seeds, ms by query (see `timeCli`). */
  cli: ReturnType<typeof timeCli>;
}

/** The Chromium figures, as written to results.json. */
function chromiumResults(web: BrowserResults, seedCorpus: Corpus, scale: Corpus) {
  const perByte = (bytes: number | null | undefined) => (bytes ? bytes / scale.bytes : null);
  return {
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
    searchWhileImportingP50: median(web.whileImporting.ms),
    searchWhileImportingP95: percentile(web.whileImporting.ms, 95),
    searchWhileImportingCount: web.whileImporting.ms.length,
    searchWhileImportingResultsGrew: web.whileImporting.grew,
    reloadToFirstResultMs: median(web.reloads),
    reloadToFirstResultAll: web.reloads,
    workerHeapBytes: web.heapAfterImport.bytes,
    workerHeapError: 'error' in web.heapAfterImport ? web.heapAfterImport.error : undefined,
    workerHeapPerCorpusByte: perByte(web.heapAfterImport.bytes),
    workerHeapAfterReloadBytes: web.heapAfterReload.bytes,
    workerHeapAfterReloadError: 'error' in web.heapAfterReload ? web.heapAfterReload.error : undefined,
    workerHeapAfterReloadPerCorpusByte: perByte(web.heapAfterReload.bytes),
    workerHeapAtFirstResultBytes: web.heapAtFirstResult.bytes,
    indexedDbBytes: web.idbBytes,
    indexedDbPerCorpusByte: perByte(web.idbBytes),
  };
}

/** The Node figures, as written to results.json. */
function nodeResults(node: NodeResults, extras: NodeExtras, scale: Corpus) {
  const perByte = (bytes: number | null | undefined) => (bytes ? bytes / scale.bytes : null);
  return {
    ingestMBps: mbps(scale.bytes, node.ingestMs),
    buildMBps: mbps(scale.bytes, node.buildMs),
    endToEndMBps: mbps(scale.bytes, node.ingestMs + node.buildMs),
    compactMs: node.compactMs,
    commonAnswersMs: node.commonAnswersMs,
    readingTablesMs: node.readingTablesMs,
    heapBuiltBytes: node.heapBuiltBytes,
    heapBuiltPerCorpusByte: perByte(node.heapBuiltBytes),
    heapBytes: node.heapBytes,
    heapPerCorpusByte: perByte(node.heapBytes),
    queryP50: median(node.queryMs),
    queryP95: percentile(node.queryMs, 95),
    queryFirstPassP95: percentile(node.firstPassMs, 95),
    pinyinQueryP50: median(node.pinyinMs),
    pinyinQueryMax: Math.max(...node.pinyinMs),
    pinyinSlowest: PINYIN_QUERIES[node.pinyinMs.indexOf(Math.max(...node.pinyinMs))],
    precision: node.precision,
    recall: node.recall,
    indexBytes: node.indexBytes,
    indexPerCorpusByte: perByte(node.indexBytes),
    recordBytes: node.recordBytes,
    restoreMs: node.restoreMs,
    characterImportMs: node.charactersImported ? node.characterImportMs : null,
    readingImportMs: node.readingsImported ? node.readingImportMs : null,
    characterIndexMs: node.characterIndexMs,
    judgedMrr: extras.mrr,
    crossScript: extras.cross,
    cliSearchMs: extras.cli,
  };
}

/** Everything measured, as written to bench/results.json. */
export function results(seedCorpus: Corpus, scale: Corpus, queries: readonly string[], node: NodeResults, extras: NodeExtras, web: BrowserResults | null) {
  return {
    date: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model, cores: cpus().length, node: process.version, chromium: web?.chromium },
    corpus: { seedsBytes: seedCorpus.bytes, scaleBytes: scale.bytes, scaleFiles: scale.files.length, sections: node.sections.length, queries: queries.length },
    chromium: web && chromiumResults(web, seedCorpus, scale),
    node: nodeResults(node, extras, scale),
  };
}

type Results = ReturnType<typeof results>;
const times = (v: number | null) => (v === null ? 'n/a' : `${v.toFixed(1)}× text`);

/** The table's Node rows. */
function nodeRows(n: Results['node'], node: NodeResults, scale: Corpus, queries: readonly string[]): [string, string][] {
  const cross = n.crossScript;
  return [
    [`sections of ${scale.label} (${scale.files.length} files)`, `${node.sections.length}  (mean ${(node.sections.reduce((n, s) => n + s.text.length, 0) / Math.max(node.sections.length, 1)).toFixed(0)} characters)`],
    [`ingest ${scale.label} (decode, clean, split; Node)`, `${n.ingestMBps.toFixed(2)} MB/s`],
    [`build ${scale.label} (normalize, tokenize, index; Node)`, `${n.buildMBps.toFixed(2)} MB/s  (${(node.buildMs / 1000).toFixed(1)} s; end to end ${n.endToEndMBps.toFixed(2)} MB/s)`],
    ['heap after build, before / after compaction (Node)', n.heapBytes && n.heapBuiltBytes ? `${(n.heapBuiltBytes / 1e6).toFixed(0)} / ${(n.heapBytes / 1e6).toFixed(0)} MB  (${times(n.heapBuiltPerCorpusByte)} / ${times(n.heapPerCorpusByte)}; compaction ${n.compactMs.toFixed(0)} ms)` : 'n/a (run with --expose-gc)'],
    ['pinyin tables, written when an import ends (Node; not in the Chromium import time)', `${n.readingTablesMs.toFixed(0)} ms`],
    ['first pages of the commonest characters, made when requests pause (Node)', `${n.commonAnswersMs.toFixed(0)} ms`],
    [`query p50 / p95 (Node, top 20 + snippets, ${queries.length} queries, median of ${REPEATS} passes)`, `${n.queryP50.toFixed(2)} / ${n.queryP95.toFixed(2)} ms  (first pass alone: p95 ${n.queryFirstPassP95.toFixed(2)} ms)`],
    [`pinyin query p50 / max (${PINYIN_QUERIES.length} queries, median of ${REPEATS} passes)`, `${n.pinyinQueryP50.toFixed(1)} / ${n.pinyinQueryMax.toFixed(1)} ms  (slowest: ${n.pinyinSlowest})`],
    ['precision / recall vs brute force (Node)', `${n.precision.toFixed(4)} / ${n.recall.toFixed(4)}`],
    ['persisted index / section records', `${(n.indexBytes / 1e6).toFixed(1)} MB (${times(n.indexPerCorpusByte)}) / ${(n.recordBytes / 1e6).toFixed(1)} MB`],
    ['restore (import index + sections, first query)', `${n.restoreMs.toFixed(0)} ms`],
    [
      'character index after restore: taken from the snapshot, then its pinyin tables / written again (between requests)',
      `${[n.characterImportMs, n.readingImportMs].map((ms) => (ms === null ? 'not saved' : `${ms.toFixed(0)} ms`)).join(', then ')} / ${n.characterIndexMs.toFixed(0)} ms`,
    ],
    [`MRR of ${JUDGED.length} judged queries`, n.judgedMrr.toFixed(3)],
    ['`souwen search` over the seeds, a process per query (median of 5)', Object.entries(n.cliSearchMs).map(([q, ms]) => `${q} ${(ms / 1000).toFixed(2)} s`).join(', ')],
    [
      `Simplified query → Traditional twin (${cross.pairs} pairs, ${cross.queries} queries)`,
      `literal ${cross.literalFound}/${cross.literal}, wording ${cross.wordingFound}/${cross.wording}; blocked by wording ${cross.blocked} (${((100 * cross.blocked) / cross.queries).toFixed(2)} %)`,
    ],
  ];
}

/** The table's Chromium rows. */
function chromiumRows(c: NonNullable<Results['chromium']>, web: BrowserResults, scale: Corpus): [string, string][] {
  return [
    ['import seeds (Chromium)', `${c.importSeedsMBps.toFixed(2)} MB/s`],
    [`import ${scale.label} (Chromium)`, `${c.importScaleMBps.toFixed(2)} MB/s  (${(median(web.scaleMs) / 1000).toFixed(1)} s)`],
    [
      'import phases (Chromium; s; read and store overlap the indexing)',
      `${Object.entries(web.phases).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ')}; build from decoded text (index + snapshot) ${c.buildMBps.toFixed(2)} MB/s`,
    ],
    [`import ${scale.label} again (every file a duplicate; Chromium)`, `${(web.duplicatesMs / 1000).toFixed(1)} s`],
    ['query round trip p50 / p95 (top 20 + snippets)', `${c.queryRoundTripP50.toFixed(2)} / ${c.queryRoundTripP95.toFixed(2)} ms`],
    ['query in worker p50 / p95', `${c.queryWorkerP50.toFixed(2)} / ${c.queryWorkerP95.toFixed(2)} ms`],
    [
      `search while importing ${scale.label} p50 / p95 (round trip)`,
      `${c.searchWhileImportingP50.toFixed(1)} / ${c.searchWhileImportingP95.toFixed(1)} ms  (${c.searchWhileImportingCount} searches; results grew as files arrived: ${c.searchWhileImportingResultsGrew ? 'yes' : 'no'})`,
    ],
    ['page load → first result after reload', `${c.reloadToFirstResultMs.toFixed(0)} ms`],
    ['query round trip p50 / p95 after reload (500 queries, typed at once)', `${c.queryRoundTripAfterReloadP50.toFixed(2)} / ${c.queryRoundTripAfterReloadP95.toFixed(2)} ms`],
    ['worker JS heap after import (idle work done)', c.workerHeapBytes ? `${(c.workerHeapBytes / 1e6).toFixed(0)} MB  (${times(c.workerHeapPerCorpusByte)})` : `n/a (${c.workerHeapError})`],
    ['worker JS heap after reload (idle work done; at the first result)', c.workerHeapAfterReloadBytes ? `${(c.workerHeapAfterReloadBytes / 1e6).toFixed(0)} MB  (${times(c.workerHeapAfterReloadPerCorpusByte)}; ${((c.workerHeapAtFirstResultBytes ?? 0) / 1e6).toFixed(0)} MB)` : `n/a (${c.workerHeapAfterReloadError})`],
    ['IndexedDB usage', c.indexedDbBytes ? `${(c.indexedDbBytes / 1e6).toFixed(0)} MB  (${times(c.indexedDbPerCorpusByte)})` : 'n/a'],
  ];
}

/** Prints the results as a two-column table. */
export function printTable(r: Results, node: NodeResults, web: BrowserResults | null, scale: Corpus, queries: readonly string[]): void {
  const rows = [...(r.chromium && web ? chromiumRows(r.chromium, web, scale) : []), ...nodeRows(r.node, node, scale, queries)];
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  console.log(`\n${'metric'.padEnd(width)}value`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}${v}`);
  console.log(`  blocked by wording, e.g.: ${r.node.crossScript.blockedExamples.slice(0, 8).join(' · ')}`);
}
