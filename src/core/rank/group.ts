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
  const byValue = new LeadersByValue(Math.min(rankedIds.length, window) * K);
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
  const rarest = new Int32Array(K);
  const counts = new Int32Array(K);
  rankedIds.forEach((id, rank) => {
    if (rank >= window) return void groups.set(id, []);
    groups.set(id, []);
    const sig = signatureOf(id);
    const file = fileOf(id);
    if (sig.mins.length < K) return void foldShort(id, file, sig.whole);
    // The values whose leader lists are shortest first.
    for (let k = 0; k < K; k++) {
      rarest[k] = k;
      counts[k] = byValue.count(sig.mins[k]!);
    }
    rarest.sort((a, b) => counts[a]! - counts[b]!);
    let best = -1;
    for (let p = 0; p < probes; p++) {
      byValue.forEach(sig.mins[rarest[p]!]!, (l) => {
        if ((best === -1 || l < best) && leaders[l]!.file !== file && isSameArticle(leaders[l]!.sig, sig)) best = l;
      });
    }
    if (best !== -1) {
      groups.delete(id);
      return void groups.get(leaders[best]!.id)!.push(id);
    }
    const index = leaders.push({ id, file, sig }) - 1;
    for (const value of sig.mins) byValue.add(value, index);
  });
  return groups;
}

/**
 * Leaders by sketch value, in an open-addressed table of typed arrays: a `Map` of arrays keyed by
 * 32-bit values (most beyond the small integers a `Map` hashes fastest) made grouping about half
 * a millisecond of every query with a hundred hits or more (DESIGN.md, decision 76).
 */
class LeadersByValue {
  readonly #mask: number;
  readonly #values: Uint32Array;
  /** Per slot: the last entry of its value (-1: the slot is free), and how many it has. */
  readonly #last: Int32Array;
  readonly #counts: Int32Array;
  /** Per entry: its leader, and the entry before it of the same value (-1: none). */
  #leaders: number[] = [];
  #before: number[] = [];

  /** @param entries how many values may be added, at most */
  constructor(entries: number) {
    const size = 1 << Math.max(4, 32 - Math.clz32(entries * 2));
    this.#mask = size - 1;
    this.#values = new Uint32Array(size);
    this.#last = new Int32Array(size).fill(-1);
    this.#counts = new Int32Array(size);
  }

  /** The slot of `value`: where it is, or the free one it would take. */
  #slot(value: number): number {
    let at = (Math.imul(value, 0x9e3779b1) >>> 0) & this.#mask;
    while (this.#last[at] !== -1 && this.#values[at] !== value) at = (at + 1) & this.#mask;
    return at;
  }

  count(value: number): number {
    const at = this.#slot(value);
    return this.#last[at] === -1 ? 0 : this.#counts[at]!;
  }

  add(value: number, leader: number): void {
    const at = this.#slot(value);
    this.#values[at] = value;
    this.#before.push(this.#last[at]!);
    this.#leaders.push(leader);
    this.#last[at] = this.#leaders.length - 1;
    this.#counts[at]!++;
  }

  /** Calls `visit` with each leader of `value`, latest first. */
  forEach(value: number, visit: (leader: number) => void): void {
    for (let entry = this.#last[this.#slot(value)]!; entry !== -1; entry = this.#before[entry]!) visit(this.#leaders[entry]!);
  }
}
