import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRanked } from './rank.ts';
import { topK, topKByScore } from './top-k.ts';

describe('topK', () => {
  it('returns what scoring and sorting every candidate would, scoring fewer', () => {
    const candidate = fc.record({
      // Few distinct scores and dates: ties are where an early stop could go wrong.
      score: fc.integer({ min: 0, max: 8 }),
      slack: fc.integer({ min: 0, max: 3 }),
      date: fc.option(fc.constantFrom('2022-10-01', '2022-11-25', '2023-01-02'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 200 }), fc.oneof(fc.nat({ max: 12 }), fc.nat({ max: 220 })), (cands, k) => {
        const all = cands.map((c, id) => ({ id, score: c.score, date: c.date }));
        const bound = (i: number) => cands[i]!.score + cands[i]!.slack;
        const scored = new Set<number>();
        const top = topK(all.length, k, bound, (i) => {
          expect(scored.has(i), 'scored twice').toBe(false);
          scored.add(i);
          return all[i]!;
        });
        expect(top).toEqual([...all].sort(compareRanked).slice(0, k));
        // Scoring stopped early only where it had to: a candidate left unscored could not have
        // entered, its bound below the k-th best score; with fewer than k, every one was scored.
        if (k > 0 && top.length < k) expect(scored.size).toBe(all.length);
        for (let i = 0; i < all.length; i++) if (k > 0 && !scored.has(i)) expect(bound(i)).toBeLessThan(top[k - 1]!.score);
      }),
      { numRuns: 300 },
    );
  });

  it('scores only the candidates whose bound can still reach the top', () => {
    // Exact bounds: the best 10 of 1 000 are found after scoring 10 (and looking at the 11th bound).
    let scored = 0;
    const top = topK(1000, 10, (i) => i, (i) => (scored++, { id: i, score: i }));
    expect(top.map((t) => t.id)).toEqual([999, 998, 997, 996, 995, 994, 993, 992, 991, 990]);
    expect(scored).toBe(10);
  });
});

describe('topKByScore', () => {
  it('returns what sorting every candidate would, making entries only for those that may enter', () => {
    const candidate = fc.record({
      score: fc.integer({ min: 0, max: 6 }),
      date: fc.option(fc.constantFrom('2022-10-01', '2022-11-25', '2023-01-02'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 300 }), fc.oneof(fc.nat({ max: 12 }), fc.nat({ max: 320 })), (cands, k) => {
        const all = cands.map((c, id) => ({ id, score: c.score, date: c.date }));
        let made = 0;
        const top = topKByScore(all.length, k, (i) => all[i]!.score, (i) => (made++, all[i]!));
        const sorted = [...all].sort(compareRanked);
        expect(top).toEqual(sorted.slice(0, k));
        expect(made).toBeLessThanOrEqual(all.length);
      }),
      { numRuns: 300 },
    );
  });

  it('makes no entry for a candidate scoring below the k best so far', () => {
    let made = 0;
    const top = topKByScore(1000, 10, (i) => 1000 - i, (i) => (made++, { id: i, score: 1000 - i }));
    expect(top.map((t) => t.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(made).toBe(10);
  });
});
