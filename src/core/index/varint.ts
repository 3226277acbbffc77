/**
 * Increasing slots written as the gaps between them, 7 bits a byte (the high bit: more bytes
 * follow): the posting lists of `VarintPostings` and `KeyPostings`.
 */

/** Writes `gap` at `at` (room for 5 bytes is the caller's); @returns where the next goes */
export function writeGap(bytes: Uint8Array, at: number, gap: number): number {
  while (gap >= 0x80) {
    bytes[at++] = (gap & 0x7f) | 0x80;
    gap >>>= 7;
  }
  bytes[at++] = gap;
  return at;
}

/**
 * Calls `visit` with the first `count` slots of `bytes` (from `from` up to `end`) and their
 * positions, in order, until it returns false.
 */
export function readSlots(bytes: Uint8Array, count: number, visit: (slot: number, k: number) => boolean | void, from = 0, end = bytes.length): void {
  let slot = -1;
  for (let at = from, k = 0; k < count && at < end; k++) {
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[at++]!;
      gap |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80 && at < end);
    if (visit((slot += gap), k) === false) return;
  }
}

/**
 * The `count` slots `read` gives, in order, as varint gaps in a new buffer with room to append:
 * a packed list of Rice codes made appendable again.
 * @returns the buffer and the bytes used in it
 */
export function varintsOf(count: number, read: (visit: (slot: number) => void) => void): { bytes: Uint8Array; used: number } {
  // A gap takes 4 bytes at most: slots stay below 2^24.
  const bytes = new Uint8Array(count * 4 + 8);
  let used = 0;
  let last = -1;
  read((slot) => {
    used = writeGap(bytes, used, slot - last);
    last = slot;
  });
  return { bytes, used };
}
