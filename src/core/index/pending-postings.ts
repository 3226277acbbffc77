/**
 * Postings staged before a table writes them, so that the table writes them a key at a time:
 * written as they came, each posting touched the list of one of thousands of keys spread over
 * the heap, and most of the build waited on memory (DESIGN.md, decisions 60 and 73).
 *
 * @remarks Slots are staged in increasing order, so a key's staged slots all come after its
 * written ones and in order. A full stage is sorted into key order at once (a counting sort),
 * then written a few thousand postings at a time as the next postings are staged: written whole,
 * 2^18 postings held a search typed during an import up for 40–190 ms (DESIGN.md, decision 91).
 * A search during an import needs a key's postings written: it takes that key's alone
 * (`drainKey`: its sorted range, and a scan of the stage, none when the key has nothing staged),
 * not the whole stage.
 */

import { finish } from '../slices.ts';

/** Postings a stage holds before it is sorted out to be written. */
export const STAGE_SIZE = 1 << 18;

/** Keys taken alone by a scan since the stage was last sorted out, past which it is sorted out. */
const KEY_DRAINS = 16;

/**
 * A sorted stage is written a part at a time: each time a 64th of a stage is staged, twice as
 * many sorted postings are written, so that it is written while half of the next one fills.
 */
const PARTS = 64;

/** A writer of one key's postings: slots increasing, each with its count. */
export type WriteKey = (key: number, slots: Int32Array, counts: Uint8Array, from: number, to: number) => void;

/** A stage sorted into key order: each key's postings from `starts[key]` to `ends[key]`, written up to key `next`. */
interface SortedStage {
  starts: Int32Array;
  ends: Int32Array;
  slots: Int32Array;
  counts: Uint8Array;
  next: number;
}

export class PendingPostings {
  #keys: Uint32Array | null = null;
  #slots: Int32Array | null = null;
  #counts: Uint8Array | null = null;
  #size = 0;
  /** The last slot staged (-1: none since the stage was last drained). */
  #last = -1;
  /** Keys taken alone by a scan (their entries' slots set to -1) since the stage was last sorted out. */
  #keyDrains = 0;
  /** Postings staged per key: a key with none is taken without a scan. */
  #staged: Uint32Array | null = null;
  /** The stage sorted out before this one, while it is written; its arrays are kept for the next. */
  #sorted: SortedStage | null = null;
  /** Whether {@link #sorted} still has postings to write. */
  #writing = false;
  /** Postings staged since sorted ones were last written. */
  #sinceWrite = 0;
  /** Postings staged between two writes of sorted ones (2^12 for a stage of 2^18). */
  readonly #writeEvery: number;

  /**
   * @param keys how many keys there can be (keys are below it)
   * @param write where postings go, a key at a time
   * @param size postings staged before they are sorted out (smaller in tests)
   */
  constructor(
    readonly keys: number,
    readonly write: WriteKey,
    readonly size = STAGE_SIZE,
  ) {
    this.#writeEvery = Math.max(1, Math.floor(size / PARTS));
  }

  /** The largest slot staged since the stage was last drained, or -1. */
  get lastSlot(): number {
    return this.#last;
  }

  /** Stages `slot` of `key` (larger than every slot staged before), with its count. */
  push(key: number, slot: number, count: number): void {
    if (this.#keys === null) {
      this.#keys = new Uint32Array(this.size);
      this.#slots = new Int32Array(this.size);
      this.#counts = new Uint8Array(this.size);
      this.#staged = new Uint32Array(this.keys);
    }
    if (this.#size === this.size) this.#sortOut();
    this.#staged![key]!++;
    this.#last = slot;
    this.#keys[this.#size] = key;
    this.#slots![this.#size] = slot;
    this.#counts![this.#size++] = count;
    if (this.#writing && ++this.#sinceWrite >= this.#writeEvery) this.#writeSorted(2 * this.#writeEvery);
  }

  /** Hands every staged posting to `write`, a key at a time in key order, and empties the stage. */
  drain(): void {
    finish(this.drainInSlices());
  }

  /**
   * {@link drain}, pausing (`yield`) each time an eighth of a stage is written: a full stage
   * written at once, as a snapshot begins, held a search up for about 80 ms. Nothing may be
   * staged until it ends.
   */
  *drainInSlices(): Generator<void> {
    for (let sorted = false; ; sorted = true) {
      while (this.#writing) {
        this.#writeSorted(this.size / 8);
        yield;
      }
      if (sorted) break;
      this.#sortOut();
    }
    this.#last = -1;
  }

  /**
   * Writes what is left of the sorted stage, then sorts the stage out into key order (a stable
   * counting sort scatters its postings once, so that they are then read in order) and empties it.
   */
  #sortOut(): void {
    this.#writeSorted(Infinity);
    const n = this.#size;
    this.#size = 0;
    this.#keyDrains = 0;
    if (n === 0) return;
    this.#staged!.fill(0);
    const sorted = (this.#sorted ??= { starts: new Int32Array(this.keys), ends: new Int32Array(this.keys), slots: new Int32Array(this.size), counts: new Uint8Array(this.size), next: 0 });
    const { starts, ends } = sorted;
    const keys = this.#keys!;
    const slots = this.#slots!;
    const counts = this.#counts!;
    ends.fill(0);
    for (let i = 0; i < n; i++) if (slots[i] !== -1) ends[keys[i]!]!++;
    let at = 0;
    for (let k = 0; k < this.keys; k++) {
      starts[k] = at;
      at += ends[k]!;
      ends[k] = starts[k]!;
    }
    for (let i = 0; i < n; i++) {
      if (slots[i] === -1) continue;
      const to = ends[keys[i]!]!++;
      sorted.slots[to] = slots[i]!;
      sorted.counts[to] = counts[i]!;
    }
    sorted.next = 0;
    this.#writing = true;
  }

  /** Writes the sorted stage's keys in order until about `budget` postings are written. */
  #writeSorted(budget: number): void {
    this.#sinceWrite = 0;
    const sorted = this.#sorted;
    if (!this.#writing || !sorted) return;
    let key = sorted.next;
    for (; key < this.keys && budget > 0; key++) {
      const from = sorted.starts[key]!;
      const to = sorted.ends[key]!;
      if (from === to) continue;
      this.write(key, sorted.slots, sorted.counts, from, to);
      budget -= to - from;
    }
    sorted.next = key;
    this.#writing = key < this.keys;
  }

  /**
   * Hands the staged postings of `key` to `write` and drops them from the stage: from the sorted
   * stage, and by a scan of the stage, which is sorted out instead once many keys were taken
   * since and the last sorted one is written (a sort costs about what 16 scans do; written all
   * at once, as it was, it held a search for up to 0.1 s).
   */
  drainKey(key: number): void {
    if (this.#keyDrains >= KEY_DRAINS && !this.#writing) this.#sortOut();
    const sorted = this.#sorted;
    if (this.#writing && sorted && key >= sorted.next && sorted.starts[key] !== sorted.ends[key]) {
      this.write(key, sorted.slots, sorted.counts, sorted.starts[key]!, sorted.ends[key]!);
      sorted.starts[key] = sorted.ends[key]!;
    }
    const n = this.#size;
    const keys = this.#keys;
    const slots = this.#slots;
    const found = this.#staged?.[key] ?? 0;
    if (n === 0 || !keys || !slots || found === 0) return;
    this.#keyDrains++;
    this.#staged![key] = 0;
    const taken = new Int32Array(found);
    const counts = new Uint8Array(found);
    for (let i = 0, k = 0; i < n; i++) {
      if (keys[i] !== key || slots[i] === -1) continue;
      taken[k] = slots[i]!;
      counts[k++] = this.#counts![i]!;
      slots[i] = -1;
    }
    this.write(key, taken, counts, 0, found);
  }

  /** Drops the stage's arrays (about 4 MB) once nothing is appended any more; they are made again by the next push. */
  release(): void {
    if (this.#size > 0 || this.#writing) throw new Error('pending postings: released before they were written');
    this.#keys = null;
    this.#slots = null;
    this.#counts = null;
    this.#staged = null;
    this.#sorted = null;
  }
}
