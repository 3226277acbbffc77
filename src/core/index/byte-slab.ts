/**
 * Room for small byte lists, carved out of shared buffers: the pair lists of an import grow by
 * doubling from 8 bytes, each of 65 536 keys several times at 50 MB, and a buffer of its own at
 * each step was hundreds of thousands of buffers to allocate, track and sweep (DESIGN.md,
 * decision 90). A list outgrown here is left where it is, and its slab is dropped
 * once no list is in it any more (the postings pack every list when compacted).
 */

/** Bytes of one slab. */
const SLAB_BYTES = 1 << 20;
/** The largest list given room in a slab; a longer one gets a buffer of its own. */
const LARGEST = 1 << 12;

export class ByteSlab {
  #slab = new Uint8Array(0);
  #at = 0;

  /** Zeroed room for `bytes` bytes: a view into a slab, or a buffer of its own past {@link LARGEST}. */
  alloc(bytes: number): Uint8Array {
    if (bytes > LARGEST) return new Uint8Array(bytes);
    if (this.#at + bytes > this.#slab.length) {
      this.#slab = new Uint8Array(SLAB_BYTES);
      this.#at = 0;
    }
    const room = this.#slab.subarray(this.#at, this.#at + bytes);
    this.#at += bytes;
    return room;
  }
}
