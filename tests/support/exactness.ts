/**
 * The exactness check shared by the test (small corpora, in CI) and the benchmark (50 MB):
 * fixed-seed queries, and the brute-force answer every engine is compared with. The brute force
 * folds with the oracle (opencc-js and `includes`, tests/support/oracle.ts), never with
 * `src/core/normalize`, so a wrong fold cannot agree with itself.
 */
import * as OpenCC from 'opencc-js';
import { SearchEngine } from '../../src/core/engine.ts';
import { ingest } from '../../src/core/pipeline.ts';
import { isEmptyQuery, matchesQuery, parseQuery, type SectionView } from '../../src/core/query/parse-query.ts';
import { oracleFold } from './oracle.ts';
import { seededRandom } from './random.ts';

export const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
export const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

const LATIN = ['Transformer', 'RISC-V', 'A100', 'ViT', 'GPU', 'ai', 'IBM', 'x90', '8gen2', 'BN', 'int8', 'https'];
/** Latin and Han in one term, as people type model and product names. */
const MIXED = ['骁龙8Gen2', 'AI芯片', 'Swin Transformer', 'RISC-V架构', 'A100显卡', '第1', '3月'];
/** The query language: AND, OR, phrases, exclusions and filters, checked against the same brute force. */
const OPERATORS = ['芯片 企业', '芯片 OR 晶体管', '"Swin Transformer"', '芯片 -企业', 'title:芯片', 'file:001 AI', 'date:2022-10..2022-11 芯片', 'date:2022-11 ai', 'ai OR', '"芯片', '-', 'title:'];
export const NOT_FOUND = ['龘靐', '齉齾', 'qzxv', '芯片芯片芯片', 'transformerx', '骁龙9Gen9', '𠀀'];

/** A section as the brute force sees it. */
export type BruteSection = SectionView & { id: number; text: string };

/**
 * At least `count` distinct queries: random substrings of 1–6 characters of `texts` (as written
 * and flipped to the other script), Latin, mixed, query-language and not-found strings.
 */
export function exactnessQueries(texts: readonly string[], seed: number, count: number): string[] {
  const rand = seededRandom(seed);
  const out = new Set<string>([...LATIN, ...MIXED, ...NOT_FOUND, ...OPERATORS]);
  while (out.size < count) {
    const text = texts[Math.floor(rand() * texts.length)]!;
    const len = 1 + Math.floor(rand() * 6);
    const start = Math.floor(rand() * Math.max(1, text.length - len));
    const q = text.slice(start, start + len).trim();
    if (!q || /\s/.test(q)) continue;
    out.add(q);
    out.add(rand() < 0.5 ? toTraditional(q) : toSimplified(q));
  }
  return [...out];
}

/** Query-language syntax: quotes, `-`, `OR`, `title:`, `file:`, `date:`. */
const OPERATOR = /["“”„＂]|(^|\s)-|\bOR\b|\b(title|file|date):/;

/**
 * Ids of the sections matching a query, every section checked: no index involved. A plain
 * query (words separated by spaces) matches where the oracle-folded text includes every
 * oracle-folded word; one with operators goes through the query language's predicate, over
 * oracle-folded text.
 */
export function bruteForce(sections: readonly BruteSection[], query: string): number[] {
  let matches: (s: BruteSection) => boolean;
  if (OPERATOR.test(query)) {
    const parsed = parseQuery(query);
    if (isEmptyQuery(parsed)) return [];
    matches = (s) => matchesQuery(s, parsed);
  } else {
    const words = query.split(/\s+/).map(oracleFold).filter(Boolean);
    if (words.length === 0) return [];
    matches = (s) => words.every((w) => s.norm.includes(w));
  }
  return sections.filter(matches).map((s) => s.id).sort((a, b) => a - b);
}

/** Builds an engine over files and keeps each section's brute-force view. */
export function buildWithSections(docs: readonly { name: string; bytes: Uint8Array }[]) {
  const engine = new SearchEngine();
  const sections: BruteSection[] = [];
  docs.forEach(({ name, bytes }, fileId) => {
    const ingested = ingest(bytes, name).sections;
    // The texts as read, not as the engine keeps them (it keeps most as patches of their fold).
    engine.addFile(fileId, name, ingested).forEach((s, k) => {
      const text = ingested[k]!.text;
      sections.push({ id: s.id, norm: oracleFold(text), text, normTitle: oracleFold(s.title), normFile: oracleFold(name), date: s.date });
    });
  });
  return { engine, sections };
}
