import { isSameArticle, K, SAME_ARTICLE, type Signature } from './near-duplicates.ts';

/** Ranked hits searched for copies of one another; beyond it, hits are listed as they come. */
export const GROUP_WINDOW = 200;

/**
 * Folds copies of the same article (in other files) into the best-ranked one. Returns, for every
 * id still listed, the ids folded into it; folded ids are absent.
 * @param rankedIds section ids, best first
 */
export function groupCopies(
  rankedIds: readonly number[],
  signatureOf: (id: number) => Signature,
  fileOf: (id: number) => number,
  window = GROUP_WINDOW,
): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  const leaders: { id: number; file: number; sig: Signature }[] = [];
  // Leaders by sketch value. Copies share at least SAME_ARTICLE × K values of their sketches, so
  // only leaders reaching that count are compared. Comparing every pair took 5 of the 6 ms of a
  // query with 200 hits (DESIGN.md); poems share common 5-grams, so the count matters too.
  const byValue = new Map<number, number[]>();
  const shared = new Int32Array(Math.min(window, rankedIds.length));
  const needed = Math.ceil(SAME_ARTICLE * K);
  rankedIds.forEach((id, rank) => {
    if (rank >= window) return void groups.set(id, []);
    const sig = signatureOf(id);
    const file = fileOf(id);
    const touched: number[] = [];
    let best = -1;
    for (const value of sig.mins) {
      for (const l of byValue.get(value) ?? []) {
        const count = ++shared[l]!;
        if (count === 1) touched.push(l);
        if (count === needed && (best === -1 || l < best) && leaders[l]!.file !== file && isSameArticle(leaders[l]!.sig, sig)) best = l;
      }
    }
    for (const l of touched) shared[l] = 0;
    if (best !== -1) return void groups.get(leaders[best]!.id)!.push(id);
    const index = leaders.push({ id, file, sig }) - 1;
    groups.set(id, []);
    for (const value of sig.mins) {
      const list = byValue.get(value);
      if (list) list.push(index);
      else byValue.set(value, [index]);
    }
  });
  return groups;
}
