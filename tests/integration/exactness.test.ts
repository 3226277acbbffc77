/**
 * Exactness: for every query, the set of matching sections equals what a brute-force
 * `includes` over oracle-folded text finds (Ctrl-F semantics, in either script). The oracle
 * is opencc-js's own converters (tests/support/oracle.ts), not `src/core/normalize`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/core/query/parse-query.ts';
import { CORPUS_DIR, seeds } from '../support/corpus.ts';
import { bruteForce, buildWithSections as build, exactnessQueries as queries, NOT_FOUND, toSimplified } from '../support/exactness.ts';
import { oracleFold } from '../support/oracle.ts';
import { readBytes, scaleCorpus } from '../support/scale.ts';

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

const files = (dir: string) => readdirSync(dir).sort().map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));

describe('exactness against brute force', () => {
  it('on the seeds: 300 queries', () => {
    const built = build(seeds().map(({ name, bytes }) => ({ name, bytes })));
    const qs = queries(built.sections.map((s) => s.text), 20221125, 300);
    expect(qs.length).toBeGreaterThanOrEqual(300);
    const withHits = checkAll(built, qs);
    // The check is only meaningful if both outcomes occur often.
    expect(withHits).toBeGreaterThan(200);
    expect(qs.length - withHits).toBeGreaterThanOrEqual(NOT_FOUND.length);
  });

  it('on the Simplified man pages (zh_CN, 30 files): 400 queries, and the words a vocabulary fold would rewrite', () => {
    const built = build(files(join(CORPUS_DIR, 'parallel/cn')));
    const qs = [...queries(built.sections.map((s) => s.text), 7, 400), '进程', '程序', '文件', '文档', '串行', '序列', '件', '内存', '软件'];
    expect(checkAll(built, qs)).toBeGreaterThan(300);
    // Exact on Simplified text: 程序 finds what says 程序, and 进程 never finds a text that only says 程序.
    const says = (word: string) => built.sections.filter((s) => s.text.includes(word)).map((s) => s.id).sort((a, b) => a - b);
    for (const word of ['程序', '文件', '序列', '进程']) expect(built.engine.matching(parseQuery(word)).sort((a, b) => a - b), word).toEqual(says(word));
  });

  describe('on a 1 MB scale corpus (mostly Traditional poems)', () => {
    let built: ReturnType<typeof build>;
    beforeAll(() => {
      built = build(scaleCorpus(1).map((path) => ({ name: path, bytes: readBytes(path) })));
    }, 120_000);

    it('500 queries of 1–6 characters, Latin, mixed and not found', () => {
      expect(built.sections.length).toBeGreaterThan(20);
      const qs = queries(built.sections.map((s) => s.text), 42, 500);
      const withHits = checkAll(built, qs);
      expect(withHits).toBeGreaterThan(300);
    });

    it('finds a Traditional poem line by its Simplified form', () => {
      const section = built.sections.find((s) => s.text.length > 40)!;
      const line = section.text.split('\n').find((l) => l.length >= 5)!.slice(0, 5);
      const simplified = toSimplified(line);
      expect(oracleFold(simplified)).toBe(oracleFold(line));
      expect(built.engine.matching(parseQuery(simplified))).toContain(section.id);
    });
  });
});
