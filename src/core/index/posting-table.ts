import { KeyPostings } from './key-postings.ts';

/**
 * For each key (a UTF-16 code unit by default, or a number below the table's `keys`), the slots
 * (dense section numbers) holding it, each with a count: the storage of `CharIndex` (see
 * `KeyPostings` for one key's).
 *
 * @remarks Slots are only ever appended in increasing order, so a key's postings are in slot
 * order, and its counts in that same order.
 */

/**
 * Postings buffered before they are written. Written one key at a time, a batch touches each
 * key's arrays once instead of once per section: at 50 MB of poems, writing every posting as it
 * came took 2.4 s, most of it waiting on memory (DESIGN.md, decision 60); batches of 2^18
 * rather than 2^16 took the build 7.4 → 6.7 s (decision 73). Small enough that a search in the
 * middle of an import, which writes what is buffered first, waits a few ms.
 */
const PENDING = 1 << 18;

export class PostingTable {
  /** By key: an array, since a Map lookup per distinct character was most of the build time. */
  readonly #postings: (KeyPostings | undefined)[];
  /** Words of every bitset: enough for all slots. */
  #words = 1;
  /**
   * Postings not yet written, in the order they came (so slots increase within a key); made by
   * the first append and dropped by {@link trim}, so a table no longer appended to holds none.
   */
  #pendingKeys: Uint32Array | null = null;
  #pendingSlots: Int32Array | null = null;
  #pendingCounts: Uint8Array | null = null;
  #pending = 0;

  /** @param keys how many keys there can be (keys are below it) */
  constructor(readonly keys = 0x10000) {
    this.#postings = new Array<KeyPostings | undefined>(keys);
  }

  /** Records that `slot` (larger than every slot recorded before) holds `key`, `count` times. */
  append(key: number, slot: number, count: number): void {
    if (this.#pendingKeys === null) {
      this.#pendingKeys = new Uint32Array(PENDING);
      this.#pendingSlots = new Int32Array(PENDING);
      this.#pendingCounts = new Uint8Array(PENDING);
    } else if (this.#pending === PENDING) this.flush();
    this.#pendingKeys[this.#pending] = key;
    this.#pendingSlots![this.#pending] = slot;
    this.#pendingCounts![this.#pending++] = count;
  }

  /** Writes the buffered postings, grouped by key (a stable counting sort keeps slots in order). */
  flush(): void {
    const n = this.#pending;
    if (n === 0) return;
    this.#pending = 0;
    const keys = this.#pendingKeys!;
    const slots = this.#pendingSlots!;
    const counts = this.#pendingCounts!;
    const starts = new Int32Array(this.keys + 1);
    for (let i = 0; i < n; i++) starts[keys[i]! + 1]!++;
    for (let k = 1; k <= this.keys; k++) starts[k]! += starts[k - 1]!;
    // Scattered into key order once, then read in order: gathering through a permutation
    // missed the cache on every posting.
    const sortedSlots = new Int32Array(n);
    const sortedCounts = new Uint8Array(n);
    const next = starts.slice(0, this.keys);
    for (let i = 0; i < n; i++) {
      const at = next[keys[i]!]!++;
      sortedSlots[at] = slots[i]!;
      sortedCounts[at] = counts[i]!;
    }
    const last = slots[n - 1]!;
    if (last >>> 5 >= this.#words) this.#grow(last);
    for (let key = 0; key < this.keys; key++) {
      const from = starts[key]!;
      const to = starts[key + 1]!;
      if (from === to) continue;
      let p = this.#postings[key];
      if (!p) this.#postings[key] = p = new KeyPostings(to - from);
      for (let k = from; k < to; k++) p.append(sortedSlots[k]!, sortedCounts[k]!, this.#words);
    }
  }

  /** Calls `visit` with each slot holding `key` and its count, in slot order. */
  forEach(key: number, visit: (slot: number, count: number) => void): void {
    this.flush();
    this.#postings[key]?.forEach(visit);
  }

  /** ORs into `out` (one bit per slot) the slots holding `key`. */
  orInto(key: number, out: Uint32Array): void {
    this.flush();
    this.#postings[key]?.orInto(out);
  }

  /**
   * Gives every key exactly what it holds, and every bitset the words its slots need: appends
   * leave up to half of each array spare.
   * @param slots how many slots are in use (the bitsets' length, rounded up to a word)
   */
  trim(slots: number): void {
    this.flush();
    this.#pendingKeys = null;
    this.#pendingSlots = null;
    this.#pendingCounts = null;
    this.#words = Math.max(1, Math.ceil(slots / 32));
    for (const p of this.#postings) p?.trim(this.#words);
  }

  /** Each key holding postings, with them, in key order (pending ones written first). */
  *entries(): IterableIterator<[number, KeyPostings]> {
    this.flush();
    for (let key = 0; key < this.keys; key++) {
      const p = this.#postings[key];
      if (p) yield [key, p];
    }
  }

  /** A table of `keys` keys holding `postings`, bitsets of `words` words (see `posting-table-io.ts`). */
  static from(keys: number, words: number, postings: Iterable<[number, KeyPostings]>): PostingTable {
    const table = new PostingTable(keys);
    table.#words = words;
    for (const [key, p] of postings) table.#postings[key] = p;
    return table;
  }

  /** Words a bitset over every slot needs. */
  get words(): number {
    this.flush();
    return this.#words;
  }

  /** Doubles every bitset until `slot` has a bit. */
  #grow(slot: number): void {
    while (slot >>> 5 >= this.#words) this.#words *= 2;
    for (const p of this.#postings) p?.resize(this.#words);
  }
}
