/**
 * Section id → slot, as an array by id (ids are dense): what `CharIndex` and `SearchIndex` ask
 * when a section is added again or removed. A Map of the 204 000 sections of 50 MB of poems held 3.7 MB of the
 * index worker's heap; this array holds 0.8 MB (DESIGN.md, decision 69).
 */
export class SlotOf {
  /** By id: its slot + 1, 0 for none. */
  #slots: Int32Array;
  #size = 0;

  /** @param capacity ids expected (below it): the array grows past it by doubling */
  constructor(capacity = 1024) {
    this.#slots = new Int32Array(Math.max(1, capacity));
  }

  /** Ids the array holds room for. */
  get capacity(): number {
    return this.#slots.length;
  }

  /** Ids with a slot. */
  get size(): number {
    return this.#size;
  }

  get(id: number): number | undefined {
    const slot = (this.#slots[id] ?? 0) - 1;
    return slot === -1 ? undefined : slot;
  }

  has(id: number): boolean {
    return (this.#slots[id] ?? 0) !== 0;
  }

  set(id: number, slot: number): void {
    if (id >= this.#slots.length) {
      const grown = new Int32Array(Math.max(this.#slots.length * 2, id + 1));
      grown.set(this.#slots);
      this.#slots = grown;
    }
    if (this.#slots[id] === 0) this.#size++;
    this.#slots[id] = slot + 1;
  }

  /**
   * Drops the room past the largest id with a slot: the array doubles as it grows, and at 50 MB
   * of poems (204 085 ids) held 262 144.
   */
  fit(): void {
    let end = this.#slots.length;
    while (end > 1 && this.#slots[end - 1] === 0) end--;
    if (end < this.#slots.length) this.#slots = this.#slots.slice(0, end);
  }

  delete(id: number): void {
    if (!this.has(id)) return;
    this.#slots[id] = 0;
    this.#size--;
  }
}
