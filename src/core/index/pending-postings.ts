/**
 * Postings staged before a table writes them, so that the table writes them a key at a time:
 * written as they came, each posting touched the list of one of thousands of keys spread over
 * the heap, and most of the build waited on memory (DESIGN.md, decisions 60 and 73).
 *
 * @remarks Slots are staged in increasing order, so a key's staged slots all come after its
 * written ones and in order. A search during an import needs a key's postings written: it takes
 * that key's alone (`drainKey`, a scan of the stage, none when the key has nothing staged), not
 * the whole stage, which at 2^18 postings took a table 10–15 ms to write.
 */

/** Postings a stage holds before the table must write them all. */
export const STAGE_SIZE = 1 << 18;

/** Keys taken alone since the stage was last written whole, past which it is written whole. */
const KEY_DRAINS = 16;

/** A writer of one key's postings: slots increasing, each with its count. */
export type WriteKey = (key: number, slots: Int32Array, counts: Uint8Array, from: number, to: number) => void;

export class PendingPostings {
  #keys: Uint32Array | null = null;
  #slots: Int32Array | null = null;
  #counts: Uint8Array | null = null;
  #size = 0;
  /** The last slot staged (-1: none since the stage was written whole). */
  #last = -1;
  /** Keys taken alone (their entries' slots set to -1) since the stage was last written whole. */
  #keyDrains = 0;
  /** Postings staged per key: a key with none is taken without a scan. */
  #staged: Uint32Array | null = null;

  /** @param keys how many keys there can be (keys are below it) */
  constructor(readonly keys: number) {}

  /** True when nothing more can be staged before the stage is written. */
  get full(): boolean {
    return this.#size === STAGE_SIZE;
  }

  /** The largest slot staged since the stage was last written whole, or -1. */
  get lastSlot(): number {
    return this.#last;
  }

  /** True when a key taken alone should rather be written with the whole stage. */
  get drainWhole(): boolean {
    return this.#keyDrains >= KEY_DRAINS;
  }

  /** Stages `slot` of `key` (larger than every slot staged before), with its count. */
  push(key: number, slot: number, count: number): void {
    if (this.#keys === null) {
      this.#keys = new Uint32Array(STAGE_SIZE);
      this.#slots = new Int32Array(STAGE_SIZE);
      this.#counts = new Uint8Array(STAGE_SIZE);
      this.#staged = new Uint32Array(this.keys);
    }
    this.#staged![key]!++;
    this.#last = slot;
    this.#keys[this.#size] = key;
    this.#slots![this.#size] = slot;
    this.#counts![this.#size++] = count;
  }

  /**
   * Hands every staged posting to `write`, a key at a time in key order, and empties the stage.
   * A stable counting sort scatters them into key order once, so that they are then read in order.
   */
  drain(write: WriteKey): void {
    const n = this.#size;
    this.#size = 0;
    this.#last = -1;
    this.#keyDrains = 0;
    if (n === 0) return;
    this.#staged!.fill(0);
    const keys = this.#keys!;
    const slots = this.#slots!;
    const counts = this.#counts!;
    const starts = new Int32Array(this.keys + 1);
    for (let i = 0; i < n; i++) if (slots[i] !== -1) starts[keys[i]! + 1]!++;
    for (let k = 1; k <= this.keys; k++) starts[k]! += starts[k - 1]!;
    const sortedSlots = new Int32Array(starts[this.keys]!);
    const sortedCounts = new Uint8Array(sortedSlots.length);
    const next = starts.slice(0, this.keys);
    for (let i = 0; i < n; i++) {
      if (slots[i] === -1) continue;
      const at = next[keys[i]!]!++;
      sortedSlots[at] = slots[i]!;
      sortedCounts[at] = counts[i]!;
    }
    for (let key = 0; key < this.keys; key++) if (starts[key] !== starts[key + 1]) write(key, sortedSlots, sortedCounts, starts[key]!, starts[key + 1]!);
  }

  /** Hands the staged postings of `key` to `write` and drops them from the stage. */
  drainKey(key: number, write: WriteKey): void {
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
    write(key, taken, counts, 0, found);
  }

  /** Drops the stage's arrays (2.4 MB) once nothing is appended any more; they are made again by the next push. */
  release(): void {
    if (this.#size > 0) throw new Error('pending postings: released before they were written');
    this.#keys = null;
    this.#slots = null;
    this.#counts = null;
    this.#staged = null;
  }
}
