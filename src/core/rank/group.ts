import { isSameArticle, type Signature } from './near-duplicates.ts';

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
  const leaders: { id: number; sig: Signature }[] = [];
  rankedIds.forEach((id, rank) => {
    if (rank >= window) return void groups.set(id, []);
    const sig = signatureOf(id);
    const leader = leaders.find((l) => fileOf(l.id) !== fileOf(id) && isSameArticle(l.sig, sig));
    if (leader) groups.get(leader.id)!.push(id);
    else {
      leaders.push({ id, sig });
      groups.set(id, []);
    }
  });
  return groups;
}
