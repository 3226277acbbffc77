import { readSlots, writeGap } from './varint.ts';

/**
 * Posting lists of slots (dense section numbers) per key, each list the gaps between increasing
 * slots written as variable-length integers (7 bits a byte): a common key's gap is one byte, a
 * rare one's two or three. At 50 MB of poems the pair postings take about 1.5 bytes each, where
 * FlexSearch held 8 in memory and wrote 7 as text (DESIGN.md).
 *
 * @remarks Slots are appended in increasing order only (a section gets a new slot when added
 * again). A list read from a snapshot is a view into the snapshot's buffer, exactly as long as its
 * bytes: its first append copies it (see `#room`), so a view is never written to.
 */
export class VarintPostings {
  readonly #lists: (Uint8Array | undefined)[];
  /** Per key: bytes used, postings, last slot (-1: none). */
  readonly #used: Int32Array;
  readonly #counts: Int32Array;
  readonly #last: Int32Array;

  constructor(readonly keys: number) {
    this.#lists = new Array<Uint8Array | undefined>(keys);
    this.#used = new Int32Array(keys);
    this.#counts = new Int32Array(keys);
    this.#last = new Int32Array(keys).fill(-1);
  }

  /** Postings of a key. */
  count(key: number): number {
    return this.#counts[key]!;
  }

  /** Records `slot`, larger than every slot of `key` so far. */
  append(key: number, slot: number): void {
    const gap = slot - this.#last[key]!;
    this.#last[key] = slot;
    this.#counts[key]!++;
    const at = this.#used[key]!;
    this.#used[key] = writeGap(this.#room(key, at + 5), at, gap);
  }

  /** The list of `key`, with at least `bytes` of room. */
  #room(key: number, bytes: number): Uint8Array {
    const list = this.#lists[key];
    if (list && list.length >= bytes) return list;
    const grown = new Uint8Array(Math.max(8, bytes, Math.ceil((list?.length ?? 0) * 1.5)));
    if (list) grown.set(list.subarray(0, this.#used[key]!));
    this.#lists[key] = grown;
    return grown;
  }

  /** The slots of `key`, increasing. */
  slots(key: number): Int32Array {
    const out = new Int32Array(this.#counts[key]!);
    const list = this.#lists[key];
    if (list) readSlots(list, out.length, (slot, k) => void (out[k] = slot));
    return out;
  }

  /**
   * The slots of `sorted` (increasing) that `key` also holds, decoding its list as it goes: no
   * array of a common key's 150 000 slots is made to intersect a short list with it.
   */
  keep(key: number, sorted: Int32Array): Int32Array {
    const out = new Int32Array(Math.min(sorted.length, this.#counts[key]!));
    const list = this.#lists[key];
    let kept = 0;
    let next = 0;
    if (list) {
      readSlots(list, this.#counts[key]!, (slot) => {
        while (next < sorted.length && sorted[next]! < slot) next++;
        if (sorted[next] === slot) out[kept++] = sorted[next++]!;
        return next < sorted.length;
      });
    }
    return out.subarray(0, kept);
  }

  /** Gives every list exactly its bytes (appends leave up to a third spare). */
  trim(): void {
    for (let key = 0; key < this.keys; key++) {
      const list = this.#lists[key];
      const used = this.#used[key]!;
      if (list && list.length !== used) this.#lists[key] = list.slice(0, used);
    }
  }

  /** Keeps only the slots `renumber` maps to a new slot (-1: dropped), in their new numbers. */
  renumber(renumber: Int32Array): void {
    for (let key = 0; key < this.keys; key++) {
      if (this.#counts[key] === 0) continue;
      const slots = this.slots(key);
      this.#lists[key] = undefined;
      this.#used[key] = 0;
      this.#counts[key] = 0;
      this.#last[key] = -1;
      for (const slot of slots) if (renumber[slot]! !== -1) this.append(key, renumber[slot]!);
    }
    this.trim();
  }

  /**
   * Keys `from` to `to` (excluded) as one buffer: their number, then per key its bytes, postings
   * and last slot (little-endian 32-bit integers), then the bytes of every list. A copy: nothing of
   * it is shared with the lists.
   */
  exportRange(from: number, to: number): Uint8Array {
    const keys = to - from;
    let bytes = 0;
    for (let key = from; key < to; key++) bytes += this.#used[key]!;
    const head = 4 + keys * 12;
    const out = new Uint8Array(head + bytes);
    const view = new DataView(out.buffer);
    view.setInt32(0, keys, true);
    let at = head;
    for (let key = from; key < to; key++) {
      const used = this.#used[key]!;
      const field = 4 + (key - from) * 12;
      view.setInt32(field, used, true);
      view.setInt32(field + 4, this.#counts[key]!, true);
      view.setInt32(field + 8, this.#last[key]!, true);
      if (used > 0) out.set(this.#lists[key]!.subarray(0, used), at);
      at += used;
    }
    return out;
  }

  /**
   * Loads keys from `from` on from a buffer of {@link exportRange}; the lists are views into it.
   * @param slots the slots in use: no list may end past them
   * @throws on a buffer whose fields do not add up (a damaged snapshot: the caller rebuilds), so
   *   that no lying count or slot reaches a query
   */
  importRange(from: number, data: Uint8Array, slots: number): void {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const keys = data.byteLength >= 4 ? view.getInt32(0, true) : -1;
    let at = 4 + keys * 12;
    if (keys < 0 || from + keys > this.keys || at > data.byteLength) throw new Error('pair postings: damaged snapshot chunk');
    for (let k = 0; k < keys; k++) {
      const field = 4 + k * 12;
      const used = view.getInt32(field, true);
      const count = view.getInt32(field + 4, true);
      const last = view.getInt32(field + 8, true);
      // Every posting takes a byte at least; the last slot is one in use, or none without postings.
      const fits = used >= 0 && at + used <= data.byteLength && count >= 0 && count <= used && last < slots && (count === 0 ? last === -1 : last >= 0);
      if (!fits) throw new Error('pair postings: damaged snapshot chunk');
      const key = from + k;
      this.#used[key] = used;
      this.#counts[key] = count;
      this.#last[key] = last;
      this.#lists[key] = used > 0 ? data.subarray(at, at + used) : undefined;
      at += used;
    }
  }
}
