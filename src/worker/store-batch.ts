/**
 * Files indexed but not yet written, written together. One IndexedDB transaction costs about
 * 0.7 ms in Chromium whatever it holds: 4 082 files one per transaction took 2.8 s to write,
 * eight or more per transaction 1.5 s (DESIGN.md, decision 31).
 */
export const BATCH_FILES = 16;
/** Text (UTF-16 code units) that fills a batch before it has {@link BATCH_FILES} files. */
export const BATCH_CHARS = 2_000_000;

export class StoreBatch<T> {
  #items: T[] = [];
  #chars = 0;
  #after: (() => void)[] = [];

  /** What is staged, in order. */
  get items(): readonly T[] {
    return this.#items;
  }

  get empty(): boolean {
    return this.#items.length === 0;
  }

  get full(): boolean {
    return this.#items.length >= BATCH_FILES || this.#chars >= BATCH_CHARS;
  }

  add(item: T, chars: number): void {
    this.#items.push(item);
    this.#chars += chars;
  }

  /**
   * Runs `callback` once what is staged now has been written, or at once when nothing is: a
   * file's progress is reported when it is stored, and reports keep their order.
   */
  after(callback: () => void): void {
    if (this.empty) callback();
    else this.#after.push(callback);
  }

  /** Empties the batch: its items, and the callbacks to run once they are written. */
  take(): { items: T[]; after: (() => void)[] } {
    const taken = { items: this.#items, after: this.#after };
    this.#items = [];
    this.#chars = 0;
    this.#after = [];
    return taken;
  }
}
