import { orRiceInto, readRice, slotsAsRice, varintsAsRice } from './rice.ts';
import { readSlots, varintsOf, writeGap } from './varint.ts';

/** What a `KeyPostings` holds, trimmed: how `posting-table-io.ts` writes and reads it. */
export interface KeyState {
  size: number;
  last: number;
  /** The gaps' bytes while sparse, else null. */
  gaps: Uint8Array | null;
  /** The Rice parameter of the gaps (see `rice.ts`), or -1 for varints. */
  rice: number;
  /** The bitset once dense, else null. */
  bits: Uint32Array | null;
  multi: Uint32Array | null;
  counts: Uint8Array | null;
}

/**
 * One key's postings in a `PostingTable`: increasing slots, each with a count.
 *
 * @remarks While the key is sparse its slots are the gaps between them as variable-length
 * integers (7 bits a byte); once those bytes would outweigh a bitset over every slot, a bitset.
 * Most counts are 1 (88 % of the 13.6 M character postings of 50 MB of poems), so only the
 * others are kept: a bit per posting says which, and their counts follow in posting order. At
 * 50 MB this took the character index from 80 to about 45 MB (DESIGN.md, decision 60).
 *
 * A trim packs the arrays into the table's (see `PostingTable.trim`), the gaps as Rice codes
 * where those are shorter (`rice.ts`); the next append unpacks the gaps into varints again.
 */
export class KeyPostings {
  /** Postings. */
  size = 0;
  #last = -1;
  /** Gaps between slots while sparse (`#used` bytes of it), null once a bitset. */
  #gaps: Uint8Array | null;
  #used = 0;
  /** The Rice parameter of `#gaps` once packed as Rice codes, else -1 (varints). */
  #rice = -1;
  /** True from a {@link pack} to the next append: packing again only copies the arrays. */
  #packed = false;
  #bits: Uint32Array | null = null;
  /** A bit per posting whose count is not 1, and those counts, in posting order. */
  #multi: Uint32Array | null = null;
  #counts: Uint8Array | null = null;
  #countsUsed = 0;

  constructor(expected: number) {
    this.#gaps = new Uint8Array(Math.max(8, expected));
  }

  /** The postings as they are held, without room to spare (views, not copies). */
  get state(): KeyState {
    const multi = this.#multi?.subarray(0, (this.size + 31) >>> 5) ?? null;
    return { size: this.size, last: this.#last, gaps: this.#gaps?.subarray(0, this.#used) ?? null, rice: this.#rice, bits: this.#bits, multi, counts: this.#counts?.subarray(0, this.#countsUsed) ?? null };
  }

  /** Postings holding `state` (checked by the caller), its arrays used as they are. */
  static from(state: KeyState): KeyPostings {
    const p = new KeyPostings(0);
    p.size = state.size;
    p.#last = state.last;
    p.#gaps = state.gaps;
    p.#used = state.gaps?.length ?? 0;
    p.#rice = state.rice;
    p.#packed = true;
    p.#bits = state.bits;
    p.#multi = state.multi;
    p.#counts = state.counts;
    p.#countsUsed = state.counts?.length ?? 0;
    return p;
  }

  /** Appends `slot` (above every slot so far) with its count; `words` is the table's bitset length. */
  append(slot: number, count: number, words: number): void {
    this.#packed = false;
    if (count !== 1) this.#addCount(this.size, count);
    if (this.#bits) this.#bits[slot >>> 5]! |= 1 << (slot & 31);
    else {
      if (this.#rice >= 0) this.#unpack();
      if (this.#used + 5 > this.#gaps!.length) this.#gaps = grownTo(this.#gaps!, this.#used + 5);
      this.#used = writeGap(this.#gaps!, this.#used, slot - this.#last);
      if (this.#used > words * 4) this.#toBits(words);
    }
    this.#last = slot;
    this.size++;
  }

  #addCount(posting: number, count: number): void {
    if (!this.#multi || posting >>> 5 >= this.#multi.length) this.#multi = grownTo(this.#multi ?? new Uint32Array(1), (posting >>> 5) + 1);
    this.#multi[posting >>> 5]! |= 1 << (posting & 31);
    if (!this.#counts || this.#countsUsed === this.#counts.length) this.#counts = grownTo(this.#counts ?? new Uint8Array(4), this.#countsUsed + 1);
    this.#counts[this.#countsUsed++] = count;
  }

  /** Turns the gaps into a bitset of `words` words. */
  #toBits(words: number): void {
    const bits = new Uint32Array(words);
    // The gaps hold the slot just appended: one more than `size` says.
    this.#forEachSlot((s) => (bits[s >>> 5]! |= 1 << (s & 31)), this.size + 1);
    this.#bits = bits;
    this.#gaps = null;
    this.#used = 0;
  }

  /** Calls `visit` with the first `count` slots, in order. */
  #forEachSlot(visit: (slot: number, posting: number) => void, count = this.size): void {
    if (this.#bits) {
      const bits = this.#bits;
      let k = 0;
      for (let w = 0; w < bits.length && k < count; w++) {
        for (let word = bits[w]!; word !== 0 && k < count; word ^= word & -word) visit((w << 5) + 31 - Math.clz32(word & -word), k++);
      }
      return;
    }
    if (this.#rice >= 0) readRice(this.#gaps!, count, this.#rice, visit, 0, this.#used);
    else readSlots(this.#gaps!.subarray(0, this.#used), count, visit);
  }

  /** The gaps as varints again, with room to append. */
  #unpack(): void {
    ({ bytes: this.#gaps, used: this.#used } = varintsOf(this.size, (visit) => this.#forEachSlot(visit)));
    this.#rice = -1;
  }

  /** Calls `visit` with each slot and its count, in slot order. */
  forEach(visit: (slot: number, count: number) => void): void {
    const multi = this.#multi;
    const counts = this.#counts;
    let next = 0;
    this.#forEachSlot((slot, k) => visit(slot, multi && (multi[k >>> 5]! >>> (k & 31)) & 1 ? counts![next++]! : 1));
  }

  /** ORs the slots into `out` (one bit per slot). */
  orInto(out: Uint32Array): void {
    if (this.#bits) for (let w = 0; w < this.#bits.length; w++) out[w]! |= this.#bits[w]!;
    else if (this.#rice >= 0) orRiceInto(this.#gaps!, this.size, this.#rice, out, 0, this.#used);
    else this.#forEachSlot((slot) => (out[slot >>> 5]! |= 1 << (slot & 31)));
  }

  /** Gives the bitset `words` words (more when the table grew, exact after a trim). */
  resize(words: number): void {
    if (this.#bits && this.#bits.length !== words) {
      const bits = new Uint32Array(words);
      bits.set(this.#bits.subarray(0, Math.min(words, this.#bits.length)));
      this.#bits = bits;
    }
  }

  /** The most {@link pack} takes of the table's bytes: the gaps as they are (a bitset's, shorter), and the counts. */
  get packBytes(): number {
    return (this.#gaps ? this.#used : (this.#bits?.byteLength ?? 0)) + this.#countsUsed;
  }

  /** Words of the count bitmap that a pack keeps: up to the last posting. */
  get packWords(): number {
    return Math.min(this.#multi?.length ?? 0, (this.size + 31) >>> 5);
  }

  /**
   * Moves the gaps, counts and count bitmap into `arena` from its cursors (zero bytes), without
   * room to spare, the gaps as Rice codes where those are shorter than the varints: a table's
   * keys then share its buffers (at 50 MB, a buffer per array was 36 600 of them). A bitset, too,
   * becomes Rice codes where those are shorter: a character in a tenth to a third of the sections
   * takes about two thirds of its bitset's bytes that way (at 50 MB, 7.0 → 4.9 MB over 275 keys).
   */
  pack(arena: PackArena): void {
    if (this.#bits && !this.#packed) this.#bitsAsRice(arena);
    if (this.#gaps) {
      const from = arena.byteAt;
      if (this.#packed || this.#rice >= 0) arena.bytes.set(this.#gaps.subarray(0, this.#used), from);
      else {
        const rice = varintsAsRice(arena.bytes, from, this.#gaps, this.size, this.#last, 0, this.#used);
        if (rice) [this.#rice, this.#used] = [rice.k, rice.bytes];
        else arena.bytes.set(this.#gaps.subarray(0, this.#used), from);
      }
      this.#gaps = arena.bytes.subarray(from, from + this.#used);
      arena.byteAt += this.#used;
    }
    if (this.#counts) {
      const from = arena.byteAt;
      arena.bytes.set(this.#counts.subarray(0, this.#countsUsed), from);
      this.#counts = arena.bytes.subarray(from, from + this.#countsUsed);
      arena.byteAt += this.#countsUsed;
    }
    if (this.#multi) {
      const from = arena.wordAt;
      const words = this.packWords;
      arena.words.set(this.#multi.subarray(0, words), from);
      this.#multi = words === 0 ? null : arena.words.subarray(from, from + words);
      arena.wordAt += words;
    }
    this.#packed = true;
  }

  /** The bitset as Rice codes at the arena's cursor, when those are shorter (see {@link pack}). */
  #bitsAsRice(arena: PackArena): void {
    const rice = slotsAsRice(arena.bytes, arena.byteAt, this.size, this.#last, (visit) => this.#forEachSlot(visit), this.#bits!.byteLength);
    if (!rice) return;
    // Copied in place by `pack`, as any Rice-coded gaps are.
    this.#gaps = arena.bytes.subarray(arena.byteAt, arena.byteAt + rice.bytes);
    [this.#rice, this.#used] = [rice.k, rice.bytes];
    this.#bits = null;
  }

  /** Views `bytes` where this key viewed `packed` (a copy of its first part: see `PostingTable.trim`). */
  rebase(packed: Uint8Array, bytes: Uint8Array): void {
    if (this.#gaps?.buffer === packed.buffer) this.#gaps = bytes.subarray(this.#gaps.byteOffset, this.#gaps.byteOffset + this.#gaps.length);
    if (this.#counts?.buffer === packed.buffer) this.#counts = bytes.subarray(this.#counts.byteOffset, this.#counts.byteOffset + this.#counts.length);
  }
}

/** The buffers a table's keys are packed into, with where the next key's arrays go. */
export interface PackArena {
  bytes: Uint8Array;
  byteAt: number;
  words: Uint32Array;
  wordAt: number;
}

/** A copy of `a` with room for at least `length` (doubling, so appends stay linear overall). */
function grownTo<T extends Uint8Array | Uint32Array>(a: T, length: number): T {
  const out = new (a.constructor as new (n: number) => T)(Math.max(length, a.length * 2));
  out.set(a);
  return out;
}
