/**
 * Increasing slots written as Rice codes of the gaps between them, for packed lists (a trimmed
 * `KeyPostings`, a pack of `VarintPostings`): a gap less one is `q · 2^k + r`, written as `q`
 * zero bits, a one bit, then `r` in `k` bits, most significant bit first. `k` is chosen per list
 * from its mean gap.
 *
 * @remarks A varint spends 16 bits on any gap from 128 to 16 383, a Rice code about
 * log2(mean gap) + 2. At 50 MB of poems the saved character index and its pinyin tables went
 * from 48.1 to 40.7 MB, the pair lists from 23.1 to 18.9 MB (DESIGN.md, decision 77).
 */
import { readSlots } from './varint.ts';

/** The largest `k` (slots stay below 2^24, so a mean gap does too). */
const MAX_K = 24;

/**
 * The Rice parameter for `count` slots up to `last`: log2 of their mean gap, about the best
 * (trying one either side as well took a pass of its own and saved under 1 % at 50 MB).
 */
export function riceParameter(count: number, last: number): number {
  const mean = (last + 1 - count) / Math.max(1, count);
  return Math.min(MAX_K, Math.max(0, Math.floor(Math.log2(Math.max(1, mean)))));
}

/**
 * Writes the first `count` of `slots` as Rice codes of parameter `k` from byte `at` of `out`,
 * whose bytes from there are zero (a quotient's zero bits are skipped, not written); up to
 * three bytes past the codes are written with zeros.
 * @returns the bytes the codes take (those past the end of `out` are not written)
 */
export function writeRice(out: Uint8Array, at: number, k: number, slots: Int32Array, count: number): number {
  let pos = at * 8;
  for (let n = 0; n < count; n++) pos = writeCode(out, pos, slots[n]! - (n === 0 ? -1 : slots[n - 1]!) - 1, k);
  return ((pos + 7) >>> 3) - at;
}

/**
 * Writes `value` as a Rice code of parameter `k` at bit `pos` of `out` (zero from there on).
 * @returns the bit after it
 */
function writeCode(out: Uint8Array, pos: number, value: number, k: number): number {
  pos += value >>> k;
  // The one ending the quotient and the remainder, k + 1 ≤ 25 bits in the 4 bytes from `pos`:
  // the first may hold the codes before, the others hold nothing yet.
  const bits = k + 1;
  const placed = ((1 << k) | (value & ((1 << k) - 1))) << (32 - bits - (pos & 7));
  const i = pos >>> 3;
  out[i]! |= placed >>> 24;
  out[i + 1] = placed >>> 16;
  out[i + 2] = placed >>> 8;
  out[i + 3] = placed;
  return pos + bits;
}

/** Where a decoding stands: the bit it reads next, and the slot it gave last. */
interface Cursor {
  pos: number;
  slot: number;
}

/**
 * Decodes the next `count` slots of the Rice codes of parameter `k` in `bytes` from `cursor`
 * (up to bit `endBits`) into `into`, or into `bits` (one bit per slot, ORed) when `into` is
 * null, and moves the cursor past them. Reads no further than `endBits` for a quotient; the bits
 * of a remainder may be read from up to three bytes past it (as undefined, that is 0, past the
 * array).
 * @returns how many were decoded (fewer than `count` when the bytes end first)
 */
function decodeInto(bytes: Uint8Array, count: number, k: number, into: Int32Array | null, bits: Uint32Array | null, cursor: Cursor, endBits: number): number {
  // Four bytes in one read where they are all in `bytes` (a DataView read: 3.0 ns a code against
  // 4.1 for four byte reads, Node 20).
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lastWord = bytes.length - 4;
  let { pos, slot } = cursor;
  let n = 0;
  for (; n < count; n++) {
    // Most codes are within the next 32 bits (a quotient of a few bits, then k ≤ 24): one read.
    const i = pos >>> 3;
    const shift = pos & 7;
    const window = (i <= lastWord ? view.getUint32(i) : wordAt(bytes, i)) << shift;
    const zeros = Math.clz32(window);
    if (zeros + 1 + k <= 32 - shift) {
      if (pos + zeros + 1 + k > endBits) break;
      slot += (zeros << k) + (k === 0 ? 0 : (window << (zeros + 1)) >>> (32 - k)) + 1;
      pos += zeros + 1 + k;
    } else {
      const far = farCode(bytes, pos, k, endBits);
      if (far === null) break;
      slot += far[0] * (1 << k) + far[1] + 1;
      pos = far[2];
    }
    if (into) into[n] = slot;
    else bits![slot >>> 5]! |= 1 << (slot & 31);
  }
  cursor.pos = pos;
  cursor.slot = slot;
  return n;
}

/** The four bytes from `i`, big-endian, those past `bytes` read as 0. */
function wordAt(bytes: Uint8Array, i: number): number {
  return (bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!;
}

/**
 * Slots decoded at a time for reading: a list is read a batch at a time, so the buffer stays
 * small. Grown to the longest list read, it held 2.8 MB of the worker after the benchmark's
 * queries at 50 MB (a common character's 700 000 postings).
 */
const BATCH = 4096;
const scratch = new Int32Array(BATCH);
let scratchInUse = false;

/**
 * Calls `visit` with the first `count` slots of the Rice codes of parameter `k` in `bytes` (from
 * `from` up to `end`) and their positions, in order, until it returns false.
 */
export function readRice(bytes: Uint8Array, count: number, k: number, visit: (slot: number, n: number) => boolean | void, from = 0, end = bytes.length): void {
  // A reading that reads another list meanwhile decodes it into an array of its own.
  const nested = scratchInUse;
  const slots = nested ? new Int32Array(Math.min(count, BATCH)) : scratch;
  scratchInUse = true;
  try {
    const cursor: Cursor = { pos: from * 8, slot: -1 };
    for (let done = 0; done < count; ) {
      const wanted = Math.min(BATCH, count - done);
      const decoded = decodeInto(bytes, wanted, k, slots, null, cursor, end * 8);
      for (let n = 0; n < decoded; n++) if (visit(slots[n]!, done + n) === false) return;
      if (decoded < wanted) return;
      done += decoded;
    }
  } finally {
    scratchInUse = nested;
  }
}

/** ORs into `out` (one bit per slot) the slots {@link readRice} would visit, as they are decoded (no call per slot). */
export function orRiceInto(bytes: Uint8Array, count: number, k: number, out: Uint32Array, from = 0, end = bytes.length): void {
  decodeInto(bytes, count, k, null, out, { pos: from * 8, slot: -1 }, end * 8);
}

/**
 * A code that does not fit in the 32 bits from `pos`: its quotient, a byte at a time (bits already
 * read shifted out), its remainder and where the next starts; null past `endBits`.
 */
function farCode(bytes: Uint8Array, pos: number, k: number, endBits: number): [number, number, number] | null {
  let quotient = 0;
  let word = bytes[pos >>> 3]! << (24 + (pos & 7));
  while (word === 0) {
    quotient += 8 - (pos & 7);
    pos = (pos | 7) + 1;
    if (pos >= endBits) return null;
    word = bytes[pos >>> 3]! << 24;
  }
  const zeros = Math.clz32(word);
  quotient += zeros;
  pos += zeros + 1;
  let remainder = 0;
  if (k !== 0) {
    remainder = (wordAt(bytes, pos >>> 3) << (pos & 7)) >>> (32 - k);
    pos += k;
  }
  return pos > endBits ? null : [quotient, remainder, pos];
}

/**
 * Writes a list (`count` slots up to `last`, each given to `visit` in order by `forEachSlot`) as
 * Rice codes from byte `at` of `out` (zero bytes), when those take fewer than `shorterThan`
 * bytes: the codes of {@link writeRice}, written as the slots are read.
 * @returns their parameter and bytes, or null when they are not shorter (`out` is left zero)
 */
export function slotsAsRice(out: Uint8Array, at: number, count: number, last: number, forEachSlot: (visit: (slot: number) => void) => void, shorterThan: number): { k: number; bytes: number } | null {
  const k = riceParameter(count, last);
  let pos = at * 8;
  let previous = -1;
  forEachSlot((slot) => {
    pos = writeCode(out, pos, slot - previous - 1, k);
    previous = slot;
  });
  const bytes = ((pos + 7) >>> 3) - at;
  if (bytes < shorterThan) return { k, bytes };
  out.fill(0, at, at + bytes + 3);
  return null;
}

/** {@link slotsAsRice} of a list held as varints (in `varints` from `from` to `end`), when the codes are shorter than the varints. */
export function varintsAsRice(out: Uint8Array, at: number, varints: Uint8Array, count: number, last: number, from: number, end: number): { k: number; bytes: number } | null {
  return slotsAsRice(out, at, count, last, (visit) => readSlots(varints, count, visit, from, end), end - from);
}
