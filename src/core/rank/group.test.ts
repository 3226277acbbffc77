import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupCopies } from './group.ts';
import { isSameArticle, K, type Signature } from './near-duplicates.ts';

/**
 * The plain reading of `groupCopies`: each ranked hit is folded into the first hit before it, in
 * another file, that leads a group and is the same article; short texts only into an equal one.
 */
function reference(ids: readonly number[], sig: (id: number) => Signature, file: (id: number) => number): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  const leaders: number[] = [];
  for (const id of ids) {
    const s = sig(id);
    const same = (l: number) => {
      const t = sig(l);
      if (s.mins.length < K || t.mins.length < K) return s.mins.length < K && t.mins.length < K && s.whole !== 0 && s.whole === t.whole;
      return isSameArticle(t, s);
    };
    const leader = leaders.find((l) => file(l) !== file(id) && same(l));
    if (leader === undefined) {
      leaders.push(id);
      groups.set(id, []);
    } else groups.get(leader)!.push(id);
  }
  return groups;
}

/** Signatures drawn from a few base sketches, each perturbed a little: many copies, and near misses. */
const signatures = fc.array(
  fc.record({
    base: fc.nat(5),
    changed: fc.nat(20),
    seed: fc.nat(1000),
    short: fc.boolean(),
    file: fc.nat(3),
  }),
  { minLength: 1, maxLength: 120 },
);

describe('groupCopies', () => {
  it('folds each hit into the first earlier leader of another file that is the same article, as comparing every pair would', () => {
    fc.assert(
      fc.property(signatures, (drawn) => {
        const sigs = drawn.map(({ base, changed, seed, short }): Signature => {
          if (short) return { length: 10, mins: new Uint32Array([base, seed % 3]), whole: 1 + base };
          const values = new Set<number>();
          for (let k = 0; values.size < K; k++) values.add(k < K - changed ? base * 1000 + k : 100_000 + seed * 50 + k);
          return { length: 500 + (seed % 3), mins: Uint32Array.from([...values].sort((a, b) => a - b)), whole: 0 };
        });
        const ids = drawn.map((_, i) => i);
        const sig = (id: number) => sigs[id]!;
        const file = (id: number) => drawn[id]!.file;
        expect(groupCopies(ids, sig, file, 200)).toEqual(reference(ids, sig, file));
      }),
      { numRuns: 300 },
    );
  });
});
