/**
 * Exactness: for every query, the set of matching sections equals what a brute-force
 * `includes` over the normalized text finds (Ctrl-F semantics, in either script).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/core/normalize/normalize.ts';
import { parseQuery } from '../../src/core/query/parse-query.ts';
import { seeds } from '../support/corpus.ts';
import { bruteForce, buildWithSections as build, exactnessQueries as queries, NOT_FOUND, toSimplified } from '../support/exactness.ts';
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

    it('500 queries of 1–6 characters, Latin, mixed and not found', () => {
      expect(built.sections.length).toBeGreaterThan(20);
      const qs = queries(built.sections.map((s) => s.text), 42, 500);
      const withHits = checkAll(built, qs);
      expect(withHits).toBeGreaterThan(300);
    });

    it('finds a Traditional poem line by its Simplified form', () => {
      const line = built.sections[3]!.text.split('\n')[2]!.slice(0, 5);
      const simplified = toSimplified(line);
      expect(normalizeText(simplified)).toBe(normalizeText(line));
      expect(built.engine.matchingIds(parseQuery(simplified).terms)).toContain(built.sections[3]!.id);
    });
  });
});
