/**
 * Which sections contain each character (UTF-16 code unit) of their normalized text: an exact
 * answer for one-character queries, which the pair index cannot narrow, and the candidates of a
 * pinyin query (sections holding a character of every syllable's class).
 *
 * @remarks A section gets a dense slot; a character's sections are a list of slots while it is
 * rare and a bitset over all slots once the list would be larger (more than one section in 32),
 * so memory is at most about 4 bytes per (character, section) and never more than one bit per
 * (distinct character, section). At 50 MB of poems this is under 5 MB, where putting single
 * characters into the FlexSearch pair index would have added 37 % to its keys (DESIGN.md).
 * Removing a section frees its slot lazily: stale slots are skipped and dropped by `rebuild`.
 */

interface Postings {
  /** Slots, in insertion order, while the character is rare. */
  list: Uint32Array | null;
  size: number;
  /** One bit per slot once common. */
  bits: Uint32Array | null;
}

export class CharIndex {
  /** By code unit: an array, since a Map lookup per distinct character was most of the build time. */
  #postings: (Postings | undefined)[] = new Array<Postings | undefined>(0x10000);
  /** Slot → section id; -1 once removed. */
  #ids: number[] = [];
  #slots = new Map<number, number>();
  /** Words of every bitset: enough for all slots. */
  #words = 1;
  #removed = 0;
  /**
   * Marks characters already seen in the section being added (stamped: nothing to clear between
   * sections). Per instance, so two indexes in one process share nothing mutable.
   */
  readonly #seen = new Uint32Array(0x10000);
  #stamp = 0;

  /** Sections indexed (removed ones excluded). */
  get size(): number {
    return this.#slots.size;
  }

  /** Slots held by removed sections; `rebuild` when this grows large. */
  get stale(): number {
    return this.#removed;
  }

  /** Records the characters of a section's normalized text. */
  add(id: number, normalized: string): void {
    if (this.#slots.has(id)) this.remove(id);
    const slot = this.#ids.push(id) - 1;
    this.#slots.set(id, slot);
    if (slot >>> 5 >= this.#words) this.#grow();
    const seen = this.#seen;
    if (++this.#stamp === 0xffffffff) {
      seen.fill(0);
      this.#stamp = 1;
    }
    const current = this.#stamp;
    for (let i = 0; i < normalized.length; i++) {
      const code = normalized.charCodeAt(i);
      if (seen[code] === current) continue;
      seen[code] = current;
      this.#append(code, slot);
    }
  }

  /** Forgets a section. */
  remove(id: number): void {
    const slot = this.#slots.get(id);
    if (slot === undefined) return;
    this.#slots.delete(id);
    this.#ids[slot] = -1;
    this.#removed++;
  }

  /** Replaces the content with the given sections, dropping stale slots. */
  rebuild(sections: Iterable<{ id: number; norm: string }>): void {
    this.clear();
    for (const s of sections) this.add(s.id, s.norm);
  }

  clear(): void {
    this.#postings = new Array<Postings | undefined>(0x10000);
    this.#ids = [];
    this.#slots.clear();
    this.#words = 1;
    this.#removed = 0;
  }

  /** Ids of the sections containing the code unit. */
  sectionsWith(code: number): number[] {
    const p = this.#postings[code];
    if (!p) return [];
    if (p.list) {
      const out: number[] = [];
      for (let k = 0; k < p.size; k++) {
        const id = this.#ids[p.list[k]!]!;
        if (id !== -1) out.push(id);
      }
      return out;
    }
    return this.#idsOf(p.bits!);
  }

  /**
   * Ids of the sections that, for at least one sequence, hold a character of each of its
   * classes (anywhere, in any order): a superset of the sections a pinyin reading matches.
   * @param sequences each a list of character classes (strings of code units)
   */
  sectionsWithClasses(sequences: readonly (readonly string[])[]): number[] {
    const result = new Uint32Array(this.#words);
    for (const classes of sequences) {
      let all: Uint32Array | null = null;
      for (const chars of classes) {
        const any = this.#anyOf(chars);
        if (all) for (let w = 0; w < all.length; w++) all[w]! &= any[w]!;
        else all = any;
      }
      if (all) for (let w = 0; w < result.length; w++) result[w]! |= all[w]!;
    }
    return this.#idsOf(result);
  }

  /** Bitset of the slots holding any of the characters. */
  #anyOf(chars: string): Uint32Array {
    const out = new Uint32Array(this.#words);
    for (let i = 0; i < chars.length; i++) {
      const p = this.#postings[chars.charCodeAt(i)];
      if (!p) continue;
      if (p.bits) for (let w = 0; w < out.length; w++) out[w]! |= p.bits[w]!;
      else for (let k = 0; k < p.size; k++) out[p.list![k]! >>> 5]! |= 1 << (p.list![k]! & 31);
    }
    return out;
  }

  #idsOf(bits: Uint32Array): number[] {
    const out: number[] = [];
    for (let w = 0; w < bits.length; w++) {
      let word = bits[w]!;
      while (word !== 0) {
        const low = word & -word;
        const id = this.#ids[(w << 5) + 31 - Math.clz32(low)];
        if (id !== undefined && id !== -1) out.push(id);
        word ^= low;
      }
    }
    return out;
  }

  #append(code: number, slot: number): void {
    let p = this.#postings[code];
    if (!p) this.#postings[code] = p = { list: new Uint32Array(4), size: 0, bits: null };
    if (p.bits) {
      p.bits[slot >>> 5]! |= 1 << (slot & 31);
      return;
    }
    const list = p.list!;
    if (p.size === list.length) {
      // A list longer than the bitset would be: switch to the bitset.
      if (p.size >= this.#words) {
        p.bits = new Uint32Array(this.#words);
        for (let k = 0; k < p.size; k++) p.bits[list[k]! >>> 5]! |= 1 << (list[k]! & 31);
        p.bits[slot >>> 5]! |= 1 << (slot & 31);
        p.list = null;
        return;
      }
      p.list = new Uint32Array(list.length * 2);
      p.list.set(list);
    }
    p.list![p.size++] = slot;
  }

  /** Doubles every bitset, so that the new slot has a bit. */
  #grow(): void {
    this.#words *= 2;
    for (const p of this.#postings) {
      if (!p?.bits) continue;
      const bits = new Uint32Array(this.#words);
      bits.set(p.bits);
      p.bits = bits;
    }
  }
}
