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

export class PostingTable {
  /** By code unit: an array, since a Map lookup per distinct character was most of the build time. */
  #postings: (Postings | undefined)[] = new Array<Postings | undefined>(0x10000);
  /** Words of every bitset: enough for all slots. */
  #words = 1;

  /** Records that `slot` (larger than every slot recorded before) holds `code`, `count` times. */
  append(code: number, slot: number, count: number): void {
    if (slot >>> 5 >= this.#words) this.#grow(slot);
    let p = this.#postings[code];
    if (!p) this.#postings[code] = p = { list: new Uint32Array(4), size: 0, bits: null, counts: new Uint8Array(4) };
    if (p.size === p.counts.length) p.counts = doubled(p.counts);
    p.counts[p.size] = count;
    if (p.bits) p.bits[slot >>> 5]! |= 1 << (slot & 31);
    else {
      let list = p.list!;
      if (p.size === list.length) {
        // A list longer than the bitset would be: switch to the bitset.
        if (p.size >= this.#words) {
          p.bits = new Uint32Array(this.#words);
          for (let k = 0; k < p.size; k++) p.bits[list[k]! >>> 5]! |= 1 << (list[k]! & 31);
          p.bits[slot >>> 5]! |= 1 << (slot & 31);
          p.list = null;
          p.size++;
          return;
        }
        p.list = list = doubled(list);
      }
      list[p.size] = slot;
    }
    p.size++;
  }

  /** Calls `visit` with each slot holding `code` and its count, in slot order. */
  forEach(code: number, visit: (slot: number, count: number) => void): void {
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

function doubled<T extends Uint8Array | Uint32Array>(a: T): T {
  const out = new (a.constructor as new (n: number) => T)(a.length * 2);
  out.set(a);
  return out;
}
