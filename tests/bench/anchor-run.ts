/**
 * Measures one engine in a process of its own, so heap figures are not mixed: build time and
 * heap, precision and recall against the brute-force truth, query latency, export size and
 * restore time. Prints one JSON line. Run by bench.ts:
 *
 *   node --expose-gc --import tsx tests/bench/anchor-run.ts <engine> <mb> <truth.json> [build-only]
 */
import { readFileSync } from 'node:fs';
import { normalize } from '../../src/core/normalize/normalize.ts';
import { ingest } from '../../src/core/pipeline.ts';
import { readBytes, scaleCorpus } from '../support/scale.ts';
import { ANCHORS, type AnchorName, type BenchFile } from './anchor-engines.ts';
import { median, percentile } from './stats.ts';

const [name, mb, truthFile, buildOnly] = process.argv.slice(2) as [AnchorName, string, string, string | undefined];
const gc = (globalThis as { gc?: () => void }).gc!;
/** Query → ids of the sections whose normalized text contains it. */
const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as [string, number[]][];

const paths = scaleCorpus(Number(mb));
gc();
const heapBase = process.memoryUsage().heapUsed;
const files: BenchFile[] = paths.map((path) => {
  const { sections } = ingest(readBytes(path), path);
  return { path, sections, norms: sections.map((s) => normalize(s.text).text) };
});
const textBytes = paths.reduce((n, p) => n + readBytes(p).length, 0);
gc();
const heapBefore = process.memoryUsage().heapUsed;

const engine = ANCHORS[name]();
let started = performance.now();
await engine.build(files);
const buildMs = performance.now() - started;
// A build alone, timed again in a fresh process (see `anchors`): no heap, query or restore.
if (buildOnly === 'build-only') {
  console.log(JSON.stringify({ engine: name, buildMs }));
  process.exit(0);
}
started = performance.now();
await engine.idle?.();
const idleMs = performance.now() - started;
gc();
const heapAfter = process.memoryUsage().heapUsed;

let returned = 0;
let expected = 0;
let correct = 0;
const times: number[] = [];
for (const [q, want] of truth) {
  const got = new Set(await engine.ids(q));
  const wanted = new Set(want);
  returned += got.size;
  expected += wanted.size;
  for (const id of got) if (wanted.has(id)) correct++;
  started = performance.now();
  await engine.timed(q);
  times.push(performance.now() - started);
}
const exportBytes = await engine.exportBytes();
started = performance.now();
await engine.restore();
const restoreMs = performance.now() - started;

console.log(
  JSON.stringify({
    engine: name,
    textBytes,
    queries: truth.length,
    precision: returned ? correct / returned : 1,
    recall: expected ? correct / expected : 1,
    buildMs,
    buildMBps: textBytes / 1e6 / (buildMs / 1000),
    /** Work done after the build, once requests pause (see `AnchorEngine.idle`). */
    idleMs,
    /** Heap the engine adds to the loaded sections (their original and normalized text). */
    indexHeapBytes: heapAfter - heapBefore,
    /** Heap of the loaded sections: what an engine that keeps the text for snippets holds anyway. */
    sectionsHeapBytes: heapBefore - heapBase,
    queryP50: median(times),
    queryP95: percentile(times, 95),
    exportBytes,
    restoreMs,
  }),
);
