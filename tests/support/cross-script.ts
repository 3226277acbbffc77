import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SearchEngine } from '../../src/core/engine.ts';
import { normalizeText } from '../../src/core/normalize/normalize.ts';
import { ingest } from '../../src/core/pipeline.ts';
import { CORPUS_DIR } from './corpus.ts';
import { seededRandom } from './random.ts';

/** Result of drawing queries from the Simplified side and searching the Traditional side. */
export interface CrossScriptReport {
  queries: number;
  /** Queries whose normalized form the Traditional twin contains. */
  expected: number;
  /** Of those, how many found the twin. Exactness makes this equal `expected`. */
  found: number;
  /** Queries found in the Simplified page but not in its normalized Traditional twin: wording differs. */
  blocked: number;
  /** A few blocked queries, for the report. */
  blockedExamples: string[];
}

/** Relative paths of the documents present on both sides of a parallel corpus. */
function pairsIn(dir: string): string[] {
  return readdirSync(join(dir, 'cn'), { recursive: true })
    .map(String)
    .filter((n) => /\.(txt|html?)$/i.test(n) && existsSync(join(dir, 'tw', n)))
    .sort();
}

/**
 * Indexes the Traditional side of a parallel corpus, then searches 2–6 character substrings
 * (fixed seed) of the Simplified twins. What normalization cannot unify (regional wording,
 * translation differences) shows up as `blocked`.
 * @param dir a folder with `cn/` and `tw/` holding the same relative paths: by default the 30
 *   man-page pairs in the fixtures; the benchmark passes the full set (scripts/build-parallel-corpus.mjs).
 */
export function crossScript(count = 600, seed = 703, dir = join(CORPUS_DIR, 'parallel')): CrossScriptReport & { pairs: number } {
  const names = pairsIn(dir);
  const engine = new SearchEngine();
  const twNorm = new Map<string, string>();
  const cnText = new Map<string, string>();
  let id = 1;
  names.forEach((name, fileId) => {
    const tw = ingest(new Uint8Array(readFileSync(join(dir, 'tw', name))), name);
    const added = engine.addFile(fileId, name, tw.sections, id);
    id += added.length;
    twNorm.set(name, added.map((s) => s.norm).join('\n'));
    cnText.set(name, ingest(new Uint8Array(readFileSync(join(dir, 'cn', name))), name).sections.map((s) => s.text).join('\n'));
  });
  const rand = seededRandom(seed);
  const report = { pairs: names.length, queries: 0, expected: 0, found: 0, blocked: 0, blockedExamples: [] as string[] };
  while (report.queries < count) {
    const name = names[Math.floor(rand() * names.length)]!;
    const text = cnText.get(name)!;
    const len = 2 + Math.floor(rand() * 5);
    const at = Math.floor(rand() * Math.max(1, text.length - len));
    const q = text.slice(at, at + len);
    // Han-bearing queries only: Latin text is the same on both sides.
    // Quotes would be read as phrase marks; the query is searched as one quoted phrase.
    if (/[\s"“”„＂]/.test(q) || !/\p{Script=Han}/u.test(q)) continue;
    report.queries++;
    const normQ = normalizeText(q);
    if (twNorm.get(name)!.includes(normQ)) {
      report.expected++;
      const hits = engine.search(`"${q.replace(/"/g, '')}"`, { limit: 0 }).hits;
      if (hits.some((h) => h.fileName === name || h.alsoIn.some((a) => a.fileName === name))) report.found++;
    } else {
      report.blocked++;
      if (report.blockedExamples.length < 12) report.blockedExamples.push(q);
    }
  }
  return report;
}
