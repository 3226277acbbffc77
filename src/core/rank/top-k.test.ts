import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRanked } from './rank.ts';
import { topK } from './top-k.ts';

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
