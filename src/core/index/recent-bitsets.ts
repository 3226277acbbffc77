/**
 * The last few bitsets made, by key, for as long as what they were made from is unchanged (the
 * owner's version): typing `mingyue` asks for `ming`'s class at every keystroke, and one query's
 * readings share classes (ming·yue, ming·yu·e). About 25 KB each at 50 MB of poems.
 */
export class RecentBitsets {
  readonly #kept = new Map<string, Uint32Array>();
  #version = -1;

  constructor(readonly capacity: number) {}

  /** The bitset of `key` at `version`, made by `make` unless kept. */
  get(key: string, version: number, make: () => Uint32Array): Uint32Array {
    if (version !== this.#version) {
      this.#kept.clear();
      this.#version = version;
    }
    let bits = this.#kept.get(key);
    if (!bits) {
      this.#kept.set(key, (bits = make()));
      if (this.#kept.size > this.capacity) this.#kept.delete(this.#kept.keys().next().value!);
    }
    return bits;
  }
}
