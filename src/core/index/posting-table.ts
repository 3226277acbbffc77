/**
 * For each UTF-16 code unit, the slots (dense section numbers) whose text holds it, each with a
 * count: the storage of `CharIndex`.
 *
 * @remarks Slots are only ever appended in increasing order, so a character's postings are in
 * slot order whether kept as a list (while rare) or as a bitset (once the list would be larger:
 * more than one slot in 32). The counts are one byte per posting in that same order, so a bitset
 * is read with its counts by walking its bits. Memory is at most about 5 bytes per (character,
 * section), and never more than one bit plus one byte per posting.
 */
interface Postings {
  /** Slots, in increasing order, while the character is rare. */
  list: Uint32Array | null;
  size: number;
  /** One bit per slot once common. */
  bits: Uint32Array | null;
  /** A count per posting, in slot order (see the class remarks). */
  counts: Uint8Array;
}

/**
 * Postings buffered before they are written, per table. Written one key at a time, a batch
 * touches each key's arrays once instead of once per section: at 50 MB of poems, writing every
 * posting as it came took 2.4 s, most of it waiting on memory (DESIGN.md).
 */
const PENDING = 1 << 18;

export class PostingTable {
  /** By code unit: an array, since a Map lookup per distinct character was most of the build time. */
  #postings: (Postings | undefined)[] = new Array<Postings | undefined>(0x10000);
  /** Words of every bitset: enough for all slots. */
  #words = 1;
  /** Postings not yet written, in the order they came (so slots increase within a key). */
  readonly #pendingKeys = new Uint16Array(PENDING);
  readonly #pendingSlots = new Int32Array(PENDING);
  readonly #pendingCounts = new Uint8Array(PENDING);
  #pending = 0;

  /** Records that `slot` (larger than every slot recorded before) holds `code`, `count` times. */
  append(code: number, slot: number, count: number): void {
    if (this.#pending === PENDING) this.flush();
    this.#pendingKeys[this.#pending] = code;
    this.#pendingSlots[this.#pending] = slot;
    this.#pendingCounts[this.#pending++] = count;
  }

  /** Writes the buffered postings, grouped by key (a stable counting sort keeps slots in order). */
  flush(): void {
    const n = this.#pending;
    if (n === 0) return;
    this.#pending = 0;
    const keys = this.#pendingKeys;
    const starts = new Int32Array(0x10001);
    for (let i = 0; i < n; i++) starts[keys[i]! + 1]!++;
    for (let k = 1; k <= 0x10000; k++) starts[k]! += starts[k - 1]!;
    const order = new Int32Array(n);
    const next = starts.slice(0, 0x10000);
    for (let i = 0; i < n; i++) order[next[keys[i]!]!++] = i;
    const last = this.#pendingSlots[n - 1]!;
    if (last >>> 5 >= this.#words) this.#grow(last);
    for (let code = 0; code < 0x10000; code++) if (starts[code + 1]! > starts[code]!) this.#writeRun(code, order, starts[code]!, starts[code + 1]!);
  }

  /** Writes the pending postings `order[from…to)`, all of `code`, in one go. */
  #writeRun(code: number, order: Int32Array, from: number, to: number): void {
    const n = to - from;
    let p = this.#postings[code];
    if (!p) this.#postings[code] = p = { list: new Uint32Array(Math.max(4, n)), size: 0, bits: null, counts: new Uint8Array(Math.max(4, n)) };
    const size = p.size;
    if (size + n > p.counts.length) p.counts = grownTo(p.counts, size + n);
    for (let k = 0; k < n; k++) p.counts[size + k] = this.#pendingCounts[order[from + k]!]!;
    // A list longer than the bitset would be: switch to the bitset.
    if (p.list && size + n > this.#words) {
      p.bits = new Uint32Array(this.#words);
      for (let k = 0; k < size; k++) p.bits[p.list[k]! >>> 5]! |= 1 << (p.list[k]! & 31);
      p.list = null;
    }
    if (p.bits) {
      for (let k = from; k < to; k++) {
        const slot = this.#pendingSlots[order[k]!]!;
        p.bits[slot >>> 5]! |= 1 << (slot & 31);
      }
    } else {
      if (size + n > p.list!.length) p.list = grownTo(p.list!, size + n);
      for (let k = 0; k < n; k++) p.list![size + k] = this.#pendingSlots[order[from + k]!]!;
    }
    p.size = size + n;
  }

  /** Calls `visit` with each slot holding `code` and its count, in slot order. */
  forEach(code: number, visit: (slot: number, count: number) => void): void {
    this.flush();
    const p = this.#postings[code];
    if (!p) return;
    if (p.list) {
      for (let k = 0; k < p.size; k++) visit(p.list[k]!, p.counts[k]!);
      return;
    }
    const bits = p.bits!;
    let k = 0;
    for (let w = 0; w < bits.length; w++) {
      let word = bits[w]!;
      while (word !== 0) {
        const low = word & -word;
        visit((w << 5) + 31 - Math.clz32(low), p.counts[k++]!);
        word ^= low;
      }
    }
  }

  /** ORs into `out` (one bit per slot) the slots holding `code`. */
  orInto(code: number, out: Uint32Array): void {
    this.flush();
    const p = this.#postings[code];
    if (!p) return;
    if (p.bits) for (let w = 0; w < p.bits.length; w++) out[w]! |= p.bits[w]!;
    else for (let k = 0; k < p.size; k++) out[p.list![k]! >>> 5]! |= 1 << (p.list![k]! & 31);
  }

  /**
   * Gives every list and count array exactly its postings, and every bitset the words its slots
   * need: appends leave up to half of each spare (at 50 MB of poems, about 40 % of the table).
   * @param slots how many slots are in use (the bitsets' length, rounded up to a word)
   */
  trim(slots: number): void {
    this.flush();
    const words = Math.max(1, Math.ceil(slots / 32));
    for (const p of this.#postings) {
      if (!p) continue;
      if (p.counts.length !== p.size) p.counts = p.counts.slice(0, p.size);
      if (p.list && p.list.length !== p.size) p.list = p.list.slice(0, p.size);
      if (p.bits && p.bits.length !== words) p.bits = p.bits.slice(0, words);
    }
    this.#words = words;
  }

  /** Words a bitset over every slot needs. */
  get words(): number {
    this.flush();
    return this.#words;
  }

  /** Doubles every bitset until `slot` has a bit. */
  #grow(slot: number): void {
    while (slot >>> 5 >= this.#words) this.#words *= 2;
    for (const p of this.#postings) {
      if (!p?.bits) continue;
      const bits = new Uint32Array(this.#words);
      bits.set(p.bits);
      p.bits = bits;
    }
  }
}

/** A copy of `a` with room for at least `length` (doubling, so appends stay linear overall). */
function grownTo<T extends Uint8Array | Uint32Array>(a: T, length: number): T {
  const out = new (a.constructor as new (n: number) => T)(Math.max(length, a.length * 2));
  out.set(a);
  return out;
}
