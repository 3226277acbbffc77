import { ByteSlab } from './byte-slab.ts';
import { PendingPostings, type WriteKey } from './pending-postings.ts';
import { readRice, varintsAsRice } from './rice.ts';
import { decodeRange, encodeRange } from './varint-postings-io.ts';
import { readSlots, varintsOf, writeGap } from './varint.ts';

/** Keys per buffer that `trim` packs their lists into: a snapshot's shard of pair postings. */
const PACK_KEYS = 4096;

/**
 * Posting lists of slots (dense section numbers) per key, each list the gaps between increasing
 * slots written as variable-length integers (7 bits a byte): a common key's gap is one byte, a
 * rare one's two or three. At 50 MB of poems the pair postings take about 1.5 bytes each, where
 * FlexSearch held 8 in memory and wrote 7 as text (DESIGN.md). Packed (`trim`), a list is written
 * as Rice codes where those are shorter (`rice.ts`): 23.1 → 18.9 MB at 50 MB (decision 77).
 *
 * @remarks Slots are appended in increasing order only (a section gets a new slot when added
 * again). A packed list (read from a snapshot, or packed by `trim`) is exactly as long as its
 * bytes: its first append copies it out, as varints (see `#room`), so a pack is never written to.
 */

export class VarintPostings {
  /** Lists appended to since they were packed, each in a buffer of its own with room to grow. */
  readonly #loose: (Uint8Array | undefined)[];
  /**
   * The other lists, packed into a few buffers (a snapshot's chunks, or what `trim` packed): per
   * key, its buffer (index + 1; 0: none) and where its bytes start. At 50 MB, a view per key held
   * 3.9 MB of the index worker's heap, and after an import a buffer per key as much again
   * (DESIGN.md, decision 69).
   */
  #packs: Uint8Array[] = [];
  readonly #packOf: Uint16Array;
  readonly #start: Int32Array;
  /** Per key: bytes used, postings, last slot (-1: none). */
  readonly #used: Int32Array;
  readonly #counts: Int32Array;
  readonly #last: Int32Array;
  /** Per key: the Rice parameter of its packed list, or -1 for varints (a loose list's always). */
  readonly #rice: Int8Array;
  /** Postings appended but not yet written (see `PendingPostings`). */
  readonly #stage: PendingPostings;
  /** Where loose lists get their room. */
  #slab = new ByteSlab();

  constructor(readonly keys: number) {
    this.#loose = new Array<Uint8Array | undefined>(keys);
    this.#packOf = new Uint16Array(keys);
    this.#start = new Int32Array(keys);
    this.#used = new Int32Array(keys);
    this.#counts = new Int32Array(keys);
    this.#last = new Int32Array(keys).fill(-1);
    this.#rice = new Int8Array(keys).fill(-1);
    this.#stage = new PendingPostings(keys, this.#writeKey);
  }

  /** The buffer holding a key's list (from {@link #startOf} on, `#used` bytes), if any. */
  #bufferOf(key: number): Uint8Array | undefined {
    const pack = this.#packOf[key]!;
    return this.#loose[key] ?? (pack === 0 ? undefined : this.#packs[pack - 1]);
  }

  #startOf(key: number): number {
    return this.#loose[key] ? 0 : this.#start[key]!;
  }

  /** A key's bytes, as a view. */
  #bytes(key: number): Uint8Array {
    const from = this.#startOf(key);
    return this.#bufferOf(key)?.subarray(from, from + this.#used[key]!) ?? new Uint8Array(0);
  }

  /** Calls `visit` with the slots of `key`, in order, until it returns false. */
  #read(key: number, visit: (slot: number, k: number) => boolean | void): void {
    const buffer = this.#bufferOf(key);
    const from = this.#startOf(key);
    const k = this.#rice[key]!;
    if (!buffer) return;
    if (k >= 0) readRice(buffer, this.#counts[key]!, k, visit, from, from + this.#used[key]!);
    else readSlots(buffer, this.#counts[key]!, visit, from, from + this.#used[key]!);
  }

  /**
   * Places holding lists: one per key appended to since the last {@link trim} (in a slab or a
   * buffer of its own), and the packs (postings still staged are in none: a search during an
   * import writes only the keys it reads).
   */
  get buffers(): number {
    let loose = 0;
    for (const list of this.#loose) if (list) loose++;
    return loose + this.#packs.length;
  }

  /** Postings of a key. */
  count(key: number): number {
    this.#stage.drainKey(key);
    return this.#counts[key]!;
  }

  /** Records `slot`, larger than every slot of `key` so far (staged: see `PendingPostings`). */
  append(key: number, slot: number): void {
    this.#stage.push(key, slot, 1);
  }

  /** Writes every staged posting. */
  #flush(): void {
    this.#stage.drain();
  }

  readonly #writeKey: WriteKey = (key, slots, _counts, from, to) => {
    // Room for them at once, at two bytes a posting (most gaps take one or two): a list grown
    // a posting at a time was copied again and again. The key's state is kept in locals while
    // its postings are written: a 50 MB build and compaction, 4.51–4.67 → 4.31–4.46 s (Node).
    let list = this.#room(key, this.#used[key]! + 2 * (to - from) + 5);
    let at = this.#used[key]!;
    let last = this.#last[key]!;
    for (let k = from; k < to; k++) {
      const slot = slots[k]!;
      if (at + 5 > list.length) {
        this.#used[key] = at;
        list = this.#room(key, at + 2 * (to - k) + 5);
      }
      at = writeGap(list, at, slot - last);
      last = slot;
    }
    this.#used[key] = at;
    this.#last[key] = last;
    this.#counts[key]! += to - from;
  };

  /** Writes `slot`, larger than every slot of `key` so far, at the end of its list. */
  #write(key: number, slot: number): void {
    const gap = slot - this.#last[key]!;
    this.#last[key] = slot;
    this.#counts[key]!++;
    const at = this.#used[key]!;
    this.#used[key] = writeGap(this.#room(key, at + 5), at, gap);
  }

  /**
   * The loose list of `key`, with at least `bytes` of room (a packed list is copied out first).
   * Grown to twice its length: by half, growing and copying was about a tenth of a build's profile
   * (50 MB, Node build and compaction, alternated: 4.28–4.71 → 4.07–4.33 s). The room is dropped
   * when the index is compacted.
   */
  #room(key: number, bytes: number): Uint8Array {
    if (this.#rice[key]! >= 0) this.#unpack(key);
    const list = this.#loose[key];
    if (list && list.length >= bytes) return list;
    const used = this.#used[key]!;
    const grown = this.#slab.alloc(Math.max(8, bytes, Math.max(list?.length ?? 0, used) * 2));
    if (used > 0) grown.set(this.#bytes(key));
    this.#loose[key] = grown;
    this.#packOf[key] = 0;
    return grown;
  }

  /** Makes the packed Rice codes of `key` a loose list of varints again (its staged postings are the caller's). */
  #unpack(key: number): void {
    const { bytes, used } = varintsOf(this.#counts[key]!, (visit) => this.#read(key, visit));
    this.#loose[key] = bytes;
    this.#packOf[key] = 0;
    this.#used[key] = used;
    this.#rice[key] = -1;
  }

  /** The slots of `key`, increasing. */
  slots(key: number): Int32Array {
    this.#stage.drainKey(key);
    const out = new Int32Array(this.#counts[key]!);
    this.#read(key, (slot, k) => void (out[k] = slot));
    return out;
  }

  /**
   * The slots of `sorted` (increasing) that `key` also holds, decoding its list as it goes: no
   * array of a common key's 150 000 slots is made to intersect a short list with it.
   */
  keep(key: number, sorted: Int32Array): Int32Array {
    this.#stage.drainKey(key);
    const out = new Int32Array(Math.min(sorted.length, this.#counts[key]!));
    let kept = 0;
    let next = 0;
    this.#read(key, (slot) => {
      while (next < sorted.length && sorted[next]! < slot) next++;
      if (sorted[next] === slot) out[kept++] = sorted[next++]!;
      return next < sorted.length;
    });
    return out.subarray(0, kept);
  }

  /**
   * Packs every list into one buffer per `PACK_KEYS` keys, exactly its bytes (appends leave up to
   * a third spare), so that neither a buffer nor a view is held per key. A range none of whose
   * lists was appended to since, all in one buffer, keeps it: a snapshot after a few files are
   * added to a library read back copies only the ranges they touched.
   */
  trim(): void {
    for (const _ of this.trimInSlices());
  }

  /**
   * {@link trim}, a pack at a time (`yield` between two: at 50 MB packing the pair lists as Rice
   * codes took 170 ms, four times that at 200 MB). Between two steps every list is readable: a
   * new pack is added to the packs, and the packs no list is in any more are dropped at the end.
   */
  *trimInSlices(): Generator<void> {
    yield* this.#stage.drainInSlices();
    // Appends are over until the next import: the stage's arrays are not kept.
    this.#stage.release();
    for (let from = 0; from < this.keys; from += PACK_KEYS) {
      const to = Math.min(this.keys, from + PACK_KEYS);
      if (this.#onePack(from, to) !== undefined) continue;
      const pack = this.#packs.push(this.#packed(from, to));
      for (let key = from; key < to; key++) {
        this.#loose[key] = undefined;
        this.#packOf[key] = this.#used[key]! > 0 ? pack : 0;
      }
      yield;
    }
    this.#dropUnusedPacks();
    // No loose list is left: nor is any slab it was in.
    this.#slab = new ByteSlab();
  }

  /** Drops the packs no key's list is in, numbering the others again. */
  #dropUnusedPacks(): void {
    // Pack numbers count from 1 (0: no list), and 0 stays 0.
    const renumbered = new Int32Array(this.#packs.length + 1);
    for (let key = 0; key < this.keys; key++) if (this.#used[key]! > 0) renumbered[this.#packOf[key]!] = 1;
    renumbered[0] = 0;
    const packs: Uint8Array[] = [];
    for (let p = 1; p <= this.#packs.length; p++) if (renumbered[p] === 1) renumbered[p] = packs.push(this.#packs[p - 1]!);
    for (let key = 0; key < this.keys; key++) this.#packOf[key] = renumbered[this.#packOf[key]!]!;
    this.#packs = packs;
  }

  /** The buffer holding the lists of keys `from` to `to`, if one does and none is loose (an empty one for no list). */
  #onePack(from: number, to: number): Uint8Array | undefined {
    let pack = 0;
    for (let key = from; key < to; key++) {
      if (this.#used[key] === 0) continue;
      if (this.#loose[key] || (pack !== 0 && this.#packOf[key] !== pack)) return undefined;
      pack = this.#packOf[key]!;
    }
    return pack === 0 ? new Uint8Array(0) : this.#packs[pack - 1];
  }

  /**
   * The lists of keys `from` to `to` copied into one buffer, each key's start set in it: a loose
   * list as Rice codes where those are shorter, a packed one as it is.
   */
  #packed(from: number, to: number): Uint8Array {
    let bytes = 0;
    for (let key = from; key < to; key++) bytes += this.#used[key]!;
    // Three bytes more: a Rice code's remainder is read four bytes at a time (see `readRice`).
    const pack = new Uint8Array(bytes + 3);
    let at = 0;
    for (let key = from; key < to; key++) {
      if (this.#used[key] === 0) continue;
      const list = this.#loose[key];
      const rice = list ? varintsAsRice(pack, at, list, this.#counts[key]!, this.#last[key]!, 0, this.#used[key]!) : null;
      if (rice) [this.#rice[key], this.#used[key]] = [rice.k, rice.bytes];
      else pack.set(this.#bytes(key), at);
      this.#start[key] = at;
      at += this.#used[key]!;
    }
    return at + 3 < pack.length ? pack.slice(0, at + 3) : pack;
  }

  /** Keeps only the slots `renumber` maps to a new slot (-1: dropped), in their new numbers. */
  renumber(renumber: Int32Array): void {
    this.#flush();
    for (let key = 0; key < this.keys; key++) {
      if (this.#counts[key] === 0) continue;
      const slots = this.slots(key);
      this.#loose[key] = undefined;
      this.#packOf[key] = 0;
      this.#used[key] = 0;
      this.#counts[key] = 0;
      this.#last[key] = -1;
      this.#rice[key] = -1;
      for (const slot of slots) if (renumber[slot]! !== -1) this.#write(key, renumber[slot]!);
    }
    this.trim();
  }

  /** Keys `from` to `to` (excluded) as one buffer of a snapshot (see `varint-postings-io.ts`). */
  exportRange(from: number, to: number): Uint8Array {
    this.#flush();
    return encodeRange(Array.from({ length: to - from }, (_, k) => ({ bytes: this.#bytes(from + k), count: this.#counts[from + k]!, last: this.#last[from + k]!, rice: this.#rice[from + k]! })));
  }

  /**
   * Loads keys from `from` on from a buffer of {@link exportRange}; the lists stay in it.
   * @param slots the slots in use: no list may end past them
   * @throws on a damaged buffer (see `decodeRange`)
   */
  importRange(from: number, data: Uint8Array, slots: number): void {
    this.#flush();
    const fields = decodeRange(data, slots, this.keys - from);
    const pack = this.#packs.push(data);
    for (let k = 0; k < fields.keys; k++) {
      const key = from + k;
      this.#used[key] = fields.used[k]!;
      this.#counts[key] = fields.count[k]!;
      this.#last[key] = fields.last[k]!;
      this.#rice[key] = fields.rice[k]!;
      this.#loose[key] = undefined;
      this.#packOf[key] = fields.used[k]! > 0 ? pack : 0;
      this.#start[key] = fields.start[k]!;
    }
  }
}
