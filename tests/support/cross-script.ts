import * as OpenCC from 'opencc-js';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SearchEngine } from '../../src/core/engine.ts';
import { ingest } from '../../src/core/pipeline.ts';
import { CORPUS_DIR } from './corpus.ts';
import { oracleFold } from './oracle.ts';
import { seededRandom } from './random.ts';

/** Mainland text in Taiwan's script and wording, by opencc-js itself: the reference for "another wording". */
const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'twp' });

/** Result of drawing queries from the Simplified side and searching the Traditional side. */
export interface CrossScriptReport {
  queries: number;
  /** Queries the Traditional twin contains literally (the oracle's fold). */
  literal: number;
  /** Of those, how many found the twin. Exactness makes this equal `literal`. */
  literalFound: number;
  /** Queries the twin does not contain literally but does in Taiwan's wording (opencc-js `cn → twp`). */
  wording: number;
  /** Of those, how many found the twin (as a wording match). */
  wordingFound: number;
  /** Wording queries that did not find the twin: what wording matching misses. */
  blocked: number;
  /** Queries the twin holds neither way (the translations differ): no search could find them. */
  unrelated: number;
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

const read = (dir: string, side: string, name: string) => ingest(new Uint8Array(readFileSync(join(dir, side, name))), name);

/**
 * Indexes the Traditional side of a parallel corpus, then searches 2–6 character substrings
 * (fixed seed) of the Simplified twins, each as one quoted phrase. Expectations come from
 * opencc-js and `includes`, never from the engine's own folding (tests/support/oracle.ts).
 * @param dir a folder with `cn/` and `tw/` holding the same relative paths: by default the 30
 *   man-page pairs in the fixtures; the benchmark passes the full set (scripts/build-parallel-corpus.mjs).
 */
export function crossScript(count = 600, seed = 703, dir = join(CORPUS_DIR, 'parallel')): CrossScriptReport & { pairs: number } {
  const names = pairsIn(dir);
  const engine = new SearchEngine();
  const twFolded = new Map<string, string>();
  const cnText = new Map<string, string>();
  names.forEach((name, fileId) => {
    const tw = read(dir, 'tw', name);
    engine.addFile(fileId, name, tw.sections);
    twFolded.set(name, oracleFold(tw.sections.map((s) => s.text).join('\n')));
    cnText.set(name, read(dir, 'cn', name).sections.map((s) => s.text).join('\n'));
  });
  const rand = seededRandom(seed);
  const report = { pairs: names.length, queries: 0, literal: 0, literalFound: 0, wording: 0, wordingFound: 0, blocked: 0, unrelated: 0, blockedExamples: [] as string[] };
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
    const twin = twFolded.get(name)!;
    const literal = twin.includes(oracleFold(q));
    const wording = !literal && twin.includes(oracleFold(toTaiwan(q)));
    if (!literal && !wording) {
      report.unrelated++;
      continue;
    }
    const hits = engine.search(`"${q}"`, { limit: 0 }).hits;
    const found = hits.some((h) => h.fileName === name || h.alsoIn.some((a) => a.fileName === name));
    if (literal) {
      report.literal++;
      if (found) report.literalFound++;
    } else {
      report.wording++;
      if (found) report.wordingFound++;
      else {
        report.blocked++;
        if (report.blockedExamples.length < 12) report.blockedExamples.push(q);
      }
    }
  }
  return report;
}
