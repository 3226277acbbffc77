import { isSameArticle, K, SAME_ARTICLE, type Signature } from './near-duplicates.ts';

/**
 * Ranked hits searched for copies of one another (five pages of 20); beyond it, hits are listed
 * as they come. At 200, grouping took 2 ms of a query over 50 MB of poems, whose sketches share
 * many common 5-grams.
 */
export const GROUP_WINDOW = 100;

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
  // Leaders by sketch value. Two copies share at least `needed` of their K values, so any
  // K − needed + 1 values of a section include one its copy shares (pigeonhole): only the leader
  // lists of its rarest values are read. Comparing every pair took 5 of the 6 ms of a query with
  // 200 hits, and poems share common 5-grams, which makes the common values' lists long (DESIGN.md).
  const byValue = new Map<number, number[]>();
  // Short texts have no full sketch: they are copies only when equal, looked up by a hash of all of it.
  const byWhole = new Map<number, { id: number; file: number }[]>();
  const needed = Math.ceil(SAME_ARTICLE * K);
  const probes = K - needed + 1;
  const foldShort = (id: number, file: number, whole: number) => {
    if (whole === 0) return;
    const same = byWhole.get(whole) ?? [];
    const leader = same.find((l) => l.file !== file);
    if (leader) {
      groups.delete(id);
      groups.get(leader.id)!.push(id);
    } else byWhole.set(whole, [...same, { id, file }]);
  };
  rankedIds.forEach((id, rank) => {
    if (rank >= window) return void groups.set(id, []);
    groups.set(id, []);
    const sig = signatureOf(id);
    const file = fileOf(id);
    if (sig.mins.length < K) return void foldShort(id, file, sig.whole);
    const lists = Array.from(sig.mins, (v) => byValue.get(v) ?? []).sort((a, b) => a.length - b.length);
    let best = -1;
    for (const list of lists.slice(0, probes)) {
      for (const l of list) {
        if ((best === -1 || l < best) && leaders[l]!.file !== file && isSameArticle(leaders[l]!.sig, sig)) best = l;
      }
    }
    if (best !== -1) {
      groups.delete(id);
      return void groups.get(leaders[best]!.id)!.push(id);
    }
    const index = leaders.push({ id, file, sig }) - 1;
    for (const value of sig.mins) {
      const list = byValue.get(value);
      if (list) list.push(index);
      else byValue.set(value, [index]);
    }
  });
  return groups;
}
