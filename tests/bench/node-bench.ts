/** The core in Node: ingest, build, heap, query latency, exactness against brute force, persistence. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VerifiedTerms } from '../../src/core/search/verified-terms.ts';
import { SearchEngine } from '../../src/core/engine.ts';
import { ingest } from '../../src/core/pipeline.ts';
import { parseQuery } from '../../src/core/query/parse-query.ts';
import { preparePinyin } from '../../src/core/query/pinyin.ts';
import { finish } from '../../src/core/slices.ts';
import { ReadingTables } from '../../src/core/index/reading-tables.ts';
import { normalizeText } from '../../src/core/normalize/normalize.ts';
import { CORPUS_DIR, SEEDS_DIR } from '../support/corpus.ts';
import { bruteForce, type BruteSection } from '../support/exactness.ts';
import { JUDGED, judgedFiles, meanReciprocalRank } from '../support/judged.ts';
import { oracleFold } from '../support/oracle.ts';
import { REPEATS, ROOT, type Corpus } from './options.ts';
import { median } from './stats.ts';

/** Latin queries read as pinyin, timed apart (a slower class: DESIGN.md, decision 27). */
export const PINYIN_QUERIES = ['xinpian', 'xp', 'mingyue', 'my', 'chunfeng', 'zhongguo', 'jiangnan', 'hs', 'yueguang', 'qiuyu'];

export { JUDGED };

const gc = (globalThis as { gc?: () => void }).gc;

/** The JS heap with the backing stores of ArrayBuffers, where the indexes keep their postings. */
function usedMemory(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** The sections of one file as the engine returned them for storage. */
type StoredFile = { fileId: number; path: string; sections: ReturnType<SearchEngine['addFile']> };

/** Ingests and indexes the corpus, measuring time and heap (heap only with `--expose-gc`). */
function buildEngine(scale: Corpus) {
  const inputs = scale.files.map((f) => ({ path: f.path, bytes: new Uint8Array(readFileSync(f.abs)) }));
  gc?.();
  const heapBefore = usedMemory();
  let started = performance.now();
  const decoded = inputs.map((f) => ({ path: f.path, sections: ingest(f.bytes, f.path).sections }));
  const ingestMs = performance.now() - started;
  // Nothing kept from one query to the next (`VerifiedTerms`): each pass times a query as typed
  // the first time, not the same query asked again.
  const engine = new SearchEngine(new VerifiedTerms(0, Infinity));
  started = performance.now();
  const stored: StoredFile[] = decoded.map((f, fileId) => {
    const sections = engine.addFile(fileId, f.path, f.sections);
    return { fileId, path: f.path, sections };
  });
  const buildMs = performance.now() - started;
  decoded.length = 0;
  gc?.();
  const heapBuiltBytes = usedMemory() - heapBefore;
  // As the worker does before it saves a snapshot: posting lists trimmed to their exact size.
  started = performance.now();
  engine.compactIndex();
  const compactMs = performance.now() - started;
  gc?.();
  const heapBytes = usedMemory() - heapBefore;
  return { engine, stored, ingestMs, buildMs, compactMs, heapBuiltBytes: gc ? heapBuiltBytes : null, heapBytes: gc ? heapBytes : null };
}

/**
 * Each query's time, the median over {@link REPEATS} passes of its own: the brute-force check
 * allocates, and its garbage collections would land inside the next query's time.
 */
function timeQueries(engine: SearchEngine, queries: readonly string[]) {
  // As the worker does once a library is open and requests pause (not part of any query's time).
  preparePinyin();
  const started = performance.now();
  engine.prepareCommonAnswers();
  const commonAnswersMs = performance.now() - started;
  engine.search(queries[0]!, { limit: 20 });
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
  return { queryMs: queries.map((_, i) => median(passes.map((p) => p[i]!))), firstPassMs: passes[0]!, commonAnswersMs };
}

/**
 * Each pinyin query's time, the median over {@link REPEATS} passes, as for the other queries:
 * timed once right after the brute-force check, a query took its garbage collection (24 ms
 * where it takes 13 the first time and 8 after).
 */
function timePinyin(engine: SearchEngine): number[] {
  (globalThis as { gc?: () => void }).gc?.();
  const passes = Array.from({ length: REPEATS }, () =>
    PINYIN_QUERIES.map((q) => {
      const t = performance.now();
      engine.search(q, { limit: 20 });
      return performance.now() - t;
    }),
  );
  return PINYIN_QUERIES.map((_, i) => median(passes.map((p) => p[i]!)));
}

/**
 * The pinyin tables alone, written as the worker's idle work writes them once an import ends
 * (decision 85: the Chromium import leaves them out of its time).
 */
function timeReadings(stored: readonly StoredFile[]): number {
  const tables = new ReadingTables();
  let slot = 0;
  const started = performance.now();
  for (const f of stored) for (const s of f.sections) tables.add(slot++, s.norm, s.normTitle ?? normalizeText(s.title));
  return performance.now() - started;
}

/** Precision and recall of matching against the brute force, which folds with the oracle. */
function exactness(engine: SearchEngine, sections: readonly BruteSection[], queries: readonly string[]) {
  let truePositives = 0;
  let returned = 0;
  let expected = 0;
  for (const q of queries) {
    const got = new Set(engine.matching(parseQuery(q)));
    const want = bruteForce(sections, q);
    returned += got.size;
    expected += want.length;
    truePositives += want.filter((id) => got.has(id)).length;
  }
  return { precision: returned ? truePositives / returned : 1, recall: expected ? truePositives / expected : 1 };
}

/** Export size, and a restore as a reload does it (index imported, sections restored, first query). */
async function persistence(engine: SearchEngine, stored: readonly StoredFile[], firstQuery: string) {
  const chunks = await engine.exportIndex();
  const indexBytes = chunks.reduce((n, [k, d]) => n + Buffer.byteLength(k) + d.byteLength, 0);
  const recordBytes = stored.reduce((n, f) => n + Buffer.byteLength(JSON.stringify(f.sections)), 0);
  let started = performance.now();
  const restored = new SearchEngine();
  restored.importIndex(chunks);
  for (const f of stored) restored.restoreFile(f.fileId, f.path, f.sections, true);
  restored.search(firstQuery, { limit: 20 });
  const restoreMs = performance.now() - started;
  // After its first result a reload takes the character index saved with the snapshot, then its
  // pinyin tables; what could not be taken is written again between requests. Queries that
  // need them read every section until then.
  const drain = finish;
  const timed = <T>(run: () => T): [T, number] => {
    const t = performance.now();
    return [run(), performance.now() - t];
  };
  const [charactersImported, characterImportMs] = timed(() => drain(restored.importCharacters(chunks)));
  const [readingsImported, readingImportMs] = timed(() => drain(restored.importReadings(chunks)));
  const [, characterIndexMs] = timed(() => restored.indexCharacters());
  return { indexBytes, recordBytes, restoreMs, charactersImported, characterImportMs, readingsImported, readingImportMs, characterIndexMs };
}

/** The core in Node: ingest, build, heap, query latency, exactness against brute force, persistence. */
export async function nodeBench(scale: Corpus, queries: string[]) {
  const { engine, stored, ...build } = buildEngine(scale);
  const sections: BruteSection[] = stored.flatMap((f, i) => {
    // The texts as read again (the engine keeps most as patches of their fold), folded by the
    // oracle (opencc-js), not by the engine's own fold: see tests/support/oracle.ts.
    const texts = ingest(new Uint8Array(readFileSync(scale.files[i]!.abs)), f.path).sections.map((s) => s.text);
    return f.sections.map((s, k) => ({ id: s.id, norm: oracleFold(texts[k]!), text: texts[k]!, normTitle: oracleFold(s.title), normFile: oracleFold(f.path), date: s.date }));
  });
  const times = timeQueries(engine, queries);
  const exact = exactness(engine, sections, queries);
  const pinyinMs = timePinyin(engine);
  const readingTablesMs = timeReadings(stored);
  return { ...build, ...times, pinyinMs, readingTablesMs, ...exact, ...(await persistence(engine, stored, queries[0]!)), sections };
}

/** What `nodeBench` measured. */
export type NodeResults = Awaited<ReturnType<typeof nodeBench>>;

/** Builds (once) and returns the full parallel corpus folder. */
export function fullParallelCorpus(): string {
  const out = join(ROOT, '.cache', 'parallel-full');
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-parallel-corpus.mjs'), '--out', out], { stdio: 'inherit' });
  return out;
}

/** Mean reciprocal rank of the judged queries over the seeds and parallel pairs (tests/fixtures/judged-queries.json). */
export function judgedMrr(): number {
  const engine = new SearchEngine();
  judgedFiles().forEach((file, fileId) => {
    engine.addFile(fileId, file, ingest(new Uint8Array(readFileSync(join(CORPUS_DIR, file))), file).sections);
  });
  return meanReciprocalRank(engine);
}

/** Queries the command line is timed on: one Han, one read as pinyin. */
export const CLI_QUERIES = ['芯片', 'xinpian'] as const;

/**
 * Wall time of `souwen search <query> <seeds>` as a person runs it (a process each, prebuilt as
 * `npm install` leaves it), median of five per query: the issue asks for ≤ 0.5 s.
 */
export function timeCli(): Record<(typeof CLI_QUERIES)[number], number> {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')]);
  const bin = join(ROOT, 'bin/souwen.mjs');
  const timed = (query: string) => {
    const ms = Array.from({ length: 5 }, () => {
      const started = performance.now();
      execFileSync(process.execPath, [bin, 'search', query, SEEDS_DIR, '--json'], { stdio: 'ignore' });
      return performance.now() - started;
    });
    return median(ms);
  };
  return Object.fromEntries(CLI_QUERIES.map((q) => [q, timed(q)])) as Record<(typeof CLI_QUERIES)[number], number>;
}
