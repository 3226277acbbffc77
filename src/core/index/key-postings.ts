import { orRiceInto, readRice, slotsAsRice, varintsAsRice } from './rice.ts';
import { readSlots, varintsOf, writeGap } from './varint.ts';

/** What a `KeyPostings` holds, trimmed, as views: how `posting-table-io.ts` writes it. */
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
 * A key's arrays as places in buffers its table's keys share (a snapshot's chunk, see
 * `posting-table-io.ts`): offsets, not views, which took 2.2 MB at 50 MB (37 000 of them).
 */
export interface PackedKey {
  size: number;
  last: number;
  rice: number;
  /** The buffer of its gaps and counts. */
  bytes: Uint8Array;
  gapsAt: number;
  /** -1: a bitset. */
  gapBytes: number;
  bits: Uint32Array | null;
  countsAt: number;
  countCount: number;
  /** The buffer of its count bitmap. */
  words: Uint32Array;
  multiAt: number;
  multiWords: number;
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
 * where those are shorter (`rice.ts`); the key then holds the table's buffers and where its part
 * starts. The next append copies its part out (the gaps as varints again).
 */
export class KeyPostings {
  /** Postings. */
  size = 0;
  #last = -1;
  /** The gaps between slots while sparse, `#used` bytes from `#gapsAt`; null once a bitset. */
  #gaps: Uint8Array | null;
  #gapsAt = 0;
  #used = 0;
  /** The Rice parameter of `#gaps` once packed as Rice codes, else -1 (varints). */
  #rice = -1;
  /** True from a {@link pack} (or a snapshot) to the next append: the arrays are the table's, shared. */
  #packed = false;
  #bits: Uint32Array | null = null;
  /** A bit per posting whose count is not 1 (`#multiWords` words from `#multiAt`)… */
  #multi: Uint32Array | null = null;
  #multiAt = 0;
  #multiWords = 0;
  /** …and those counts, in posting order (`#countsUsed` from `#countsAt`). */
  #counts: Uint8Array | null = null;
  #countsAt = 0;
  #countsUsed = 0;

  constructor(expected: number) {
    this.#gaps = new Uint8Array(Math.max(8, expected));
  }

  /** The postings as they are held, without room to spare (views, not copies). */
  get state(): KeyState {
    const size = this.size;
    const words = Math.min(this.#multiWords, (size + 31) >>> 5);
    return {
      size,
      last: this.#last,
      gaps: this.#gaps?.subarray(this.#gapsAt, this.#gapsAt + this.#used) ?? null,
      rice: this.#rice,
      bits: this.#bits,
      multi: this.#multi?.subarray(this.#multiAt, this.#multiAt + words) ?? null,
      counts: this.#counts?.subarray(this.#countsAt, this.#countsAt + this.#countsUsed) ?? null,
    };
  }

  /** Postings in the shared buffers `packed` points into (checked by the caller), used as they are. */
  static from(packed: PackedKey): KeyPostings {
    const p = new KeyPostings(0);
    p.size = packed.size;
    p.#last = packed.last;
    p.#gaps = packed.gapBytes === -1 ? null : packed.bytes;
    p.#gapsAt = packed.gapsAt;
    p.#used = Math.max(0, packed.gapBytes);
    p.#rice = packed.rice;
    p.#packed = true;
    p.#bits = packed.bits;
    p.#multi = packed.multiWords === 0 ? null : packed.words;
    p.#multiAt = packed.multiAt;
    p.#multiWords = packed.multiWords;
    p.#counts = packed.countCount === 0 ? null : packed.bytes;
    p.#countsAt = packed.countsAt;
    p.#countsUsed = packed.countCount;
    return p;
  }

  /**
   * Appends `slots[from..to)` (increasing, above every slot so far) with their counts; `words` is
   * the table's bitset length. A key's postings come in runs (`PendingPostings`): while sparse,
   * its list's state is kept in locals over the run.
   */
  append(slots: Int32Array, counts: Uint8Array, from: number, to: number, words: number): void {
    if (this.#packed) this.#own();
    let k = from;
    if (!this.#bits) {
      let gaps = this.#gaps!;
      let used = this.#used;
      let last = this.#last;
      for (; k < to; k++) {
        const slot = slots[k]!;
        if (counts[k] !== 1) this.#addCount(this.size, counts[k]!);
        if (used + 5 > gaps.length) gaps = grownTo(gaps, used + 2 * (to - k) + 5);
        used = writeGap(gaps, used, slot - last);
        last = slot;
        if (used > words * 4) break;
        this.size++;
      }
      [this.#gaps, this.#used, this.#last] = [gaps, used, last];
      if (k === to) return;
      // Turned dense at `slot` k, which the gaps hold and `size` does not count yet.
      this.#toBits(words);
      this.size++;
      k++;
    }
    const bits = this.#bits!;
    for (; k < to; k++) {
      const slot = slots[k]!;
      if (counts[k] !== 1) this.#addCount(this.size, counts[k]!);
      bits[slot >>> 5]! |= 1 << (slot & 31);
      this.#last = slot;
      this.size++;
    }
  }

  /** Copies this key's part of the table's buffers into arrays of its own, to append to (Rice codes as varints). */
  #own(): void {
    if (this.#gaps && this.#rice >= 0) this.#unpack();
    else if (this.#gaps) this.#gaps = this.#gaps.slice(this.#gapsAt, this.#gapsAt + this.#used);
    if (this.#counts) this.#counts = this.#counts.slice(this.#countsAt, this.#countsAt + this.#countsUsed);
    if (this.#multi) this.#multi = this.#multi.slice(this.#multiAt, this.#multiAt + this.#multiWords);
    // Arrays it has none of yet start at 0 too, when made.
    [this.#gapsAt, this.#countsAt, this.#multiAt, this.#packed] = [0, 0, 0, false];
  }

  #addCount(posting: number, count: number): void {
    const word = posting >>> 5;
    if (!this.#multi || word >= this.#multi.length) this.#multi = grownTo(this.#multi ?? new Uint32Array(1), word + 1);
    this.#multi[word]! |= 1 << (posting & 31);
    this.#multiWords = Math.max(this.#multiWords, word + 1);
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
    this.#gapsAt = 0;
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
    const end = this.#gapsAt + this.#used;
    if (this.#rice >= 0) readRice(this.#gaps!, count, this.#rice, visit, this.#gapsAt, end);
    else readSlots(this.#gaps!, count, visit, this.#gapsAt, end);
  }

  /** The gaps as varints again, in an array of their own with room to append. */
  #unpack(): void {
    ({ bytes: this.#gaps, used: this.#used } = varintsOf(this.size, (visit) => this.#forEachSlot(visit)));
    this.#gapsAt = 0;
    this.#rice = -1;
  }

  /** Calls `visit` with each slot and its count, in slot order. */
  forEach(visit: (slot: number, count: number) => void): void {
    const multi = this.#multi;
    const [at, words, counts] = [this.#multiAt, this.#multiWords, this.#counts];
    let next = this.#countsAt;
    this.#forEachSlot((slot, k) => visit(slot, multi && k >>> 5 < words && (multi[at + (k >>> 5)]! >>> (k & 31)) & 1 ? counts![next++]! : 1));
  }

  /** ORs the slots into `out` (one bit per slot). */
  orInto(out: Uint32Array): void {
    if (this.#bits) for (let w = 0; w < this.#bits.length; w++) out[w]! |= this.#bits[w]!;
    else if (this.#rice >= 0) orRiceInto(this.#gaps!, this.size, this.#rice, out, this.#gapsAt, this.#gapsAt + this.#used);
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
    return Math.min(this.#multiWords, (this.size + 31) >>> 5);
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
      const [from, gaps, at, end] = [arena.byteAt, this.#gaps, this.#gapsAt, this.#gapsAt + this.#used];
      const rice = this.#packed || this.#rice >= 0 ? null : varintsAsRice(arena.bytes, from, gaps, this.size, this.#last, at, end);
      if (rice) [this.#rice, this.#used] = [rice.k, rice.bytes];
      else if (gaps !== arena.bytes || at !== from) arena.bytes.set(gaps.subarray(at, end), from);
      [this.#gaps, this.#gapsAt] = [arena.bytes, from];
      arena.byteAt += this.#used;
    }
    if (this.#counts) {
      arena.bytes.set(this.#counts.subarray(this.#countsAt, this.#countsAt + this.#countsUsed), arena.byteAt);
      [this.#counts, this.#countsAt] = [arena.bytes, arena.byteAt];
      arena.byteAt += this.#countsUsed;
    }
    if (this.#multi) {
      const words = this.packWords;
      arena.words.set(this.#multi.subarray(this.#multiAt, this.#multiAt + words), arena.wordAt);
      [this.#multi, this.#multiAt, this.#multiWords] = [words === 0 ? null : arena.words, arena.wordAt, words];
      arena.wordAt += words;
    }
    this.#packed = true;
  }

  /** The bitset as Rice codes at the arena's cursor, when those are shorter (see {@link pack}). */
  #bitsAsRice(arena: PackArena): void {
    const rice = slotsAsRice(arena.bytes, arena.byteAt, this.size, this.#last, (visit) => this.#forEachSlot(visit), this.#bits!.byteLength);
    if (!rice) return;
    // Where `pack` finds them, as Rice-coded gaps already in place.
    [this.#gaps, this.#gapsAt, this.#rice, this.#used] = [arena.bytes, arena.byteAt, rice.k, rice.bytes];
    this.#bits = null;
  }

  /** Holds `bytes` where this key held `packed` (a copy of its first part: see `PostingTable.trim`). */
  rebase(packed: Uint8Array, bytes: Uint8Array): void {
    if (this.#gaps === packed) this.#gaps = bytes;
    if (this.#counts === packed) this.#counts = bytes;
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
