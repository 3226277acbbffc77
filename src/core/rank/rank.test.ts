import { describe, expect, it } from 'vitest';
import { minimalSpan } from './proximity.ts';
import fc from 'fast-check';
import { compareRanked, score, singleTermScore, type Candidate } from './rank.ts';

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
