/**
 * Exactness: for every query, the set of matching sections equals what a brute-force
 * `includes` over the normalized text finds (Ctrl-F semantics, in either script).
 */
import * as OpenCC from 'opencc-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { SearchEngine } from '../../src/core/engine.ts';
import { normalizeText } from '../../src/core/normalize/normalize.ts';
import { ingest } from '../../src/core/pipeline.ts';
import { isEmptyQuery, matchesQuery, parseQuery, type SectionView } from '../../src/core/query/parse-query.ts';
import { seeds } from '../support/corpus.ts';
import { seededRandom } from '../support/random.ts';
import { readBytes, scaleCorpus } from '../support/scale.ts';

interface Doc {
  name: string;
  bytes: Uint8Array;
}

function build(docs: Doc[]) {
  const engine = new SearchEngine();
  const sections: (SectionView & { id: number; text: string })[] = [];
  let nextId = 1;
  docs.forEach(({ name, bytes }, fileId) => {
    const added = engine.addFile(fileId, name, ingest(bytes, name).sections, nextId);
    nextId += added.length;
    for (const s of added) sections.push({ id: s.id, norm: s.norm, text: s.text, normTitle: normalizeText(s.title), normFile: normalizeText(name), date: s.date });
  });
  return { engine, sections };
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const LATIN = ['Transformer', 'RISC-V', 'A100', 'ViT', 'GPU', 'ai', 'IBM', 'x90', '8gen2', 'BN', 'int8', 'https'];
/** The query language: AND, OR, phrases, exclusions and filters, checked against the same brute force. */
const OPERATORS = ['芯片 企业', '芯片 OR 晶体管', '"Swin Transformer"', '芯片 -企业', 'title:芯片', 'file:001 AI', 'date:2022-10..2022-11 芯片', 'date:2022-11 ai', 'ai OR', '"芯片', '-', 'title:'];
const NOT_FOUND = ['龘靐', '齉齾', 'qzxv', '芯片芯片芯片', 'transformerx', '骁龙9Gen9', '𠀀'];

/** ≥ 200 queries: random 1–4 character substrings (as written, and flipped to the other script), Latin, not-found. */
function queries(texts: string[], seed: number, count: number): string[] {
  const rand = seededRandom(seed);
  const out = new Set<string>([...LATIN, ...NOT_FOUND, ...OPERATORS]);
  while (out.size < count) {
    const text = texts[Math.floor(rand() * texts.length)]!;
    const len = 1 + Math.floor(rand() * 4);
    const start = Math.floor(rand() * Math.max(1, text.length - len));
    const q = text.slice(start, start + len).trim();
    if (!q || /\s/.test(q)) continue;
    out.add(q);
    out.add(rand() < 0.5 ? toTraditional(q) : toSimplified(q));
  }
  return [...out];
}

/** Every section checked with the query's predicate: no index involved. */
function bruteForce(sections: (SectionView & { id: number })[], query: string): number[] {
  const parsed = parseQuery(query);
  if (isEmptyQuery(parsed)) return [];
  return sections.filter((s) => matchesQuery(s, parsed)).map((s) => s.id).sort((a, b) => a - b);
}

function checkAll(built: ReturnType<typeof build>, qs: string[]) {
  let withHits = 0;
  for (const q of qs) {
    const expected = bruteForce(built.sections, q);
    const actual = built.engine.matching(parseQuery(q)).sort((a, b) => a - b);
    expect(actual, `query ${JSON.stringify(q)}`).toEqual(expected);
    expect(built.engine.search(q, { limit: 1 }).matches, `matches for ${JSON.stringify(q)}`).toBe(expected.length);
    if (expected.length > 0) withHits++;
  }
  return withHits;
}

describe('exactness against brute force', () => {
  it('on the seeds: 300 queries', () => {
    const docs = seeds().map(({ name, bytes }) => ({ name, bytes }));
    const built = build(docs);
    const qs = queries(built.sections.map((s) => s.text), 20221125, 300);
    expect(qs.length).toBeGreaterThanOrEqual(300);
    const withHits = checkAll(built, qs);
    // The check is only meaningful if both outcomes occur often.
    expect(withHits).toBeGreaterThan(200);
    expect(qs.length - withHits).toBeGreaterThanOrEqual(NOT_FOUND.length);
  });

  describe('on a 1 MB scale corpus (mostly Traditional poems)', () => {
    let built: ReturnType<typeof build>;
    beforeAll(() => {
      built = build(scaleCorpus(1).map((path) => ({ name: path, bytes: readBytes(path) })));
    }, 120_000);

    it('250 queries', () => {
      expect(built.sections.length).toBeGreaterThan(20);
      const qs = queries(built.sections.map((s) => s.text), 42, 250);
      const withHits = checkAll(built, qs);
      expect(withHits).toBeGreaterThan(150);
    });

    it('finds a Traditional poem line by its Simplified form', () => {
      const line = built.sections[3]!.text.split('\n')[2]!.slice(0, 5);
      const simplified = toSimplified(line);
      expect(normalizeText(simplified)).toBe(normalizeText(line));
      expect(built.engine.matchingIds(parseQuery(simplified).terms)).toContain(built.sections[3]!.id);
    });
  });
});
