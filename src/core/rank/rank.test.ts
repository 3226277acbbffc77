import { describe, expect, it } from 'vitest';
import { minimalSpan } from './proximity.ts';
import fc from 'fast-check';
import { compareRanked, PROXIMITY_BONUS, score, scoreBound, singleTermScore, TF_CAP, type Candidate } from './rank.ts';

describe('minimalSpan', () => {
  it('finds the shortest window holding one occurrence of every term', () => {
    expect(minimalSpan([[0, 50, 100], [60, 200]], [2, 2])).toBe(12); // 50..62
    expect(minimalSpan([[5]], [3])).toBe(3);
    expect(minimalSpan([[1], []], [1, 1])).toBe(Infinity);
  });
});

describe('score', () => {
  it('of one term equals singleTermScore, to the last bit', () => {
    fc.assert(
      fc.property(fc.nat(300_000), fc.integer({ min: 1, max: 300_000 }), fc.integer({ min: 1, max: 16 }), fc.nat(1_000_000), fc.boolean(), fc.double({ min: 1, max: 1e5, noNaN: true }), (df, total, tf, length, inTitle, avg) => {
        const stats = [{ df }];
        expect(singleTermScore(stats, total, avg)(tf, length, inTitle)).toBe(score({ id: 1, tf: [tf], inTitle: [inTitle], length }, stats, total, avg));
      }),
    );
  });

  const base: Candidate = { id: 1, tf: [2, 2], inTitle: [false, false], length: 1000 };
  const stats = [{ df: 10 }, { df: 10 }];

  it('puts title hits first', () => {
    expect(score({ ...base, inTitle: [true, false] }, stats, 100, 1000)).toBeGreaterThan(score({ ...base, tf: [20, 20] }, stats, 100, 1000));
  });

  it('prefers terms side by side to the same terms far apart', () => {
    const near = score({ ...base, span: 4, termChars: 4 }, stats, 100, 1000);
    const far = score({ ...base, span: 800, termChars: 4 }, stats, 100, 1000);
    expect(near).toBeGreaterThan(far);
  });

  it('normalizes for length: the same frequency counts more in a short section', () => {
    expect(score({ ...base, length: 300 }, stats, 100, 1000)).toBeGreaterThan(score({ ...base, length: 30000 }, stats, 100, 1000));
  });

  it('breaks ties by newest date, then import order', () => {
    const ranked = [
      { id: 3, score: 1, date: '2022-01-01' },
      { id: 2, score: 1, date: '2022-10-14' },
      { id: 1, score: 1 },
      { id: 4, score: 2 },
    ].sort(compareRanked);
    expect(ranked.map((r) => r.id)).toEqual([4, 2, 3, 1]);
  });
});

describe('scoreBound', () => {
  const section = fc.record({
    /** Each term's share of the sections holding it (a document frequency is at most the total). */
    shares: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
    total: fc.integer({ min: 1, max: 300_000 }),
    length: fc.nat(100_000),
    avg: fc.double({ min: 1, max: 1e5, noNaN: true }),
    seed: fc.array(fc.tuple(fc.integer({ min: 1, max: TF_CAP }), fc.boolean(), fc.boolean()), { minLength: 4, maxLength: 4 }),
    span: fc.integer({ min: 1, max: 100_000 }),
  });

  it('never falls below the score, whatever counts it knows', () => {
    fc.assert(
      fc.property(section, ({ shares, total, length, avg, seed, span }) => {
        const dfs = shares.map((share) => Math.floor(share * total));
        const terms = seed.slice(0, dfs.length);
        const stats = dfs.map((df) => ({ df }));
        const candidate = { id: 1, tf: terms.map(([tf]) => tf), inTitle: terms.map(([, t]) => t), length, span: Math.max(span, terms.length), termChars: terms.length };
        const known = terms.map(([tf, , isKnown]) => (isKnown ? tf : 0));
        const titleHits = candidate.inTitle.filter(Boolean).length;
        expect(scoreBound(stats, total, avg, terms.length, 1)(length, titleHits, known)).toBeGreaterThanOrEqual(score(candidate, stats, total, avg));
      }),
    );
  });

  it('with every count known, is the score but for the closest proximity (ranking 山 水 counts few sections)', () => {
    fc.assert(
      fc.property(section, ({ shares, total, length, avg, seed }) => {
        const dfs = shares.map((share) => Math.floor(share * total));
        const terms = seed.slice(0, dfs.length);
        const stats = dfs.map((df) => ({ df }));
        const tf = terms.map(([count]) => count);
        const inTitle = terms.map(([, t]) => t);
        const exact = score({ id: 1, tf, inTitle, length }, stats, total, avg);
        const proximity = terms.length > 1 ? PROXIMITY_BONUS * terms.length : 0;
        const bound = scoreBound(stats, total, avg, terms.length, 1)(length, inTitle.filter(Boolean).length, tf);
        expect(bound).toBeLessThanOrEqual((exact + proximity) * (1 + 1e-6));
      }),
    );
  });
});
