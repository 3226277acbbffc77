import { KeyPostings, type PackArena } from './key-postings.ts';
import { PendingPostings, type WriteKey } from './pending-postings.ts';

/**
 * For each key (a UTF-16 code unit by default, or a number below the table's `keys`), the slots
 * (dense section numbers) holding it, each with a count: the storage of `CharIndex` (see
 * `KeyPostings` for one key's).
 *
 * @remarks Slots are only ever appended in increasing order, so a key's postings are in slot
 * order, and its counts in that same order.
 */

/** Bytes packed between two pauses of `trimInSlices` (see there). */
const TRIM_STEP_BYTES = 1 << 18;

export class PostingTable {
  /** By key: an array, since a Map lookup per distinct character was most of the build time. */
  readonly #postings: (KeyPostings | undefined)[];
  /** Words of every bitset: enough for all slots. */
  #words = 1;
  /** True from an append to the next {@link trim}: a trim of nothing new is nothing to do. */
  #appended = true;
  /** Postings not yet written (see `PendingPostings`); dropped by {@link trim}. */
  readonly #stage: PendingPostings;
  /** True between the steps of {@link trimInSlices}, which writes the stage out and sizes its buffers for what the keys hold. */
  #packing = false;

  /** @param keys how many keys there can be (keys are below it) */
  constructor(readonly keys = 0x10000) {
    this.#postings = new Array<KeyPostings | undefined>(keys);
    this.#stage = new PendingPostings(keys, this.#writeKey);
  }

  /** Records that `slot` (larger than every slot recorded before) holds `key`, `count` times. */
  append(key: number, slot: number, count: number): void {
    // A worker saves and imports one after the other: this would be a bug, and it would overrun the packing's buffers.
    if (this.#packing) throw new Error('posting table: appended to while it is trimmed');
    this.#appended = true;
    this.#stage.push(key, slot, count);
  }

  /** Writes the staged postings, a key at a time. */
  flush(): void {
    this.#stage.drain();
  }

  readonly #writeKey: WriteKey = (key, slots, counts, from, to) => {
    // Written while the next postings are staged, as well as when asked: every bitset has a bit for the last slot.
    this.#growFor(slots[to - 1]!);
    let p = this.#postings[key];
    if (!p) this.#postings[key] = p = new KeyPostings(to - from);
    p.append(slots, counts, from, to, this.#words);
  };

  /** Keys whose postings are written, staged ones aside (a search during an import writes only the keys it reads). */
  get keysWritten(): number {
    let keys = 0;
    for (const p of this.#postings) if (p) keys++;
    return keys;
  }

  /** Calls `visit` with each slot holding `key` and its count, in slot order. */
  forEach(key: number, visit: (slot: number, count: number) => void): void {
    this.#stage.drainKey(key);
    this.#postings[key]?.forEach(visit);
  }

  /** ORs into `out` (one bit per slot) the slots holding `key`. */
  orInto(key: number, out: Uint32Array): void {
    this.#stage.drainKey(key);
    this.#postings[key]?.orInto(out);
  }

  /** {@link trimInSlices} in one go. */
  trim(slots: number): void {
    for (const _ of this.trimInSlices(slots));
  }

  /**
   * Gives every key exactly what it holds, packed into two buffers shared by all keys (the
   * gaps as Rice codes where shorter: see `KeyPostings.pack`), and every bitset the words its
   * slots need: appends leave up to half of each array spare.
   * @param slots how many slots are in use (the bitsets' length, rounded up to a word)
   * @param stepBytes bytes packed between two pauses (fewer in tests)
   * @remarks Pauses (`yield`) each time about {@link TRIM_STEP_BYTES} are packed: packed in one
   * go, the text table of a 50 MB library held a search typed as an import ended up for about
   * 250 ms (DESIGN.md, decision 92). Between two steps every key is readable, packed or not
   * yet; nothing may be appended until the last step.
   */
  *trimInSlices(slots: number, stepBytes = TRIM_STEP_BYTES): Generator<void> {
    this.#packing = true;
    try {
      yield* this.#stage.drainInSlices();
      this.#stage.release();
      const words = Math.max(1, Math.ceil(slots / 32));
      if (!this.#appended && words === this.#words) return;
      this.#words = words;
      yield* this.#packAll(words, stepBytes);
      this.#appended = false;
    } finally {
      this.#packing = false;
    }
  }

  /** Packs every key, its bitset `words` long, into buffers of exactly what they hold (see {@link trimInSlices}). */
  *#packAll(words: number, stepBytes: number): Generator<void> {
    let bytes = 0;
    let multiWords = 0;
    for (const p of this.#postings) {
      if (!p) continue;
      p.resize(words);
      bytes += p.packBytes;
      multiWords += p.packWords;
    }
    // Three bytes more: a Rice code's remainder is read four bytes at a time (see `readRice`).
    const arena: PackArena = { bytes: new Uint8Array(bytes + 3), byteAt: 0, words: new Uint32Array(multiWords), wordAt: 0 };
    let paused = 0;
    for (const p of this.#postings) {
      p?.pack(arena);
      if (arena.byteAt - paused < stepBytes) continue;
      paused = arena.byteAt;
      yield;
    }
    // Room the Rice codes saved, given back: what the keys packed is copied to an exact buffer.
    if (arena.byteAt + 3 < arena.bytes.length) {
      const exact = arena.bytes.slice(0, arena.byteAt + 3);
      for (const p of this.#postings) p?.rebase(arena.bytes, exact);
    }
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
    table.#appended = false;
    for (const [key, p] of postings) table.#postings[key] = p;
    return table;
  }

  /** Words a bitset over every slot needs. */
  get words(): number {
    this.#growFor(this.#stage.lastSlot);
    return this.#words;
  }

  /** Doubles every bitset until `slot` has a bit (nothing for -1). */
  #growFor(slot: number): void {
    if (slot < 0 || slot >>> 5 < this.#words) return;
    while (slot >>> 5 >= this.#words) this.#words *= 2;
    for (const p of this.#postings) p?.resize(this.#words);
  }
}
