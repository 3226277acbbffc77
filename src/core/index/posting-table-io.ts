import { KeyPostings, type KeyState, type PackedKey } from './key-postings.ts';
import { PostingTable } from './posting-table.ts';
import { finish } from '../slices.ts';

/**
 * A `PostingTable` as chunks of bytes, for the snapshot, and back. Each chunk starts with the
 * bitsets' word count, then per key seven int32 (key, postings, last slot, gap bytes or -1 for a
 * bitset, the gaps' Rice parameter or -1 for varints, words of the count bitmap, counts), then its
 * arrays, each padded to 4 bytes: read back, the keys hold the chunk and their offsets in it, not copies.
 *
 * The last word of a chunk is a checksum of the others (FNV-1a over 32-bit words).
 *
 * @remarks Stored bytes are our own, written by this code (a format of another is refused by
 * `char-index-io.ts`), but storage may damage them: a chunk whose checksum differs is refused,
 * and every field is checked against the slots and the arrays' lengths, so that no view reaches
 * past its chunk and no slot past the slots. Lists are not read through: at 50 MB that took 380
 * of the 400 ms a reload spent taking the saved index, a query waiting up to 100 ms behind a
 * chunk (DESIGN.md, decision 70). A change of one word always changes the checksum.
 */

/**
 * Bytes after which a chunk is closed: IndexedDB values of about 1 MB. A value is copied when it
 * is put, in one task: 4 MB chunks held a search typed at the end of a 50 MB import up for
 * about 40 ms each (DESIGN.md, decision 92).
 */
const CHUNK_BYTES = 1 << 20;
const HEADER_INTS = 7;

const padded = (bytes: number) => (bytes + 3) & ~3;

/** The bytes where 32-bit words can view them: as they are, or a copy when they start unaligned. */
export const aligned = (bytes: Uint8Array): Uint8Array => (bytes.byteOffset % 4 === 0 ? bytes : bytes.slice());

/** The bytes a key takes in a chunk. */
function bytesOf(state: KeyState, words: number): number {
  const payload = state.gaps ? padded(state.gaps.length) : words * 4;
  return HEADER_INTS * 4 + payload + (state.multi?.length ?? 0) * 4 + padded(state.counts?.length ?? 0);
}

/** The table trimmed to `slots` slots, as chunks of at most about {@link CHUNK_BYTES}. */
export function exportTable(table: PostingTable, slots: number): Uint8Array[] {
  return finish(exportTableInSlices(table, slots));
}

/**
 * {@link exportTable}, pausing (`yield`) between the trim's steps and after each chunk: at 50 MB
 * the character index's chunks took about 0.1 s to encode.
 */
export function* exportTableInSlices(table: PostingTable, slots: number): Generator<void, Uint8Array[]> {
  yield* table.trimInSlices(slots);
  const words = table.words;
  const chunks: Uint8Array[] = [];
  let keys: [number, KeyState][] = [];
  // The bitsets' word count and the checksum.
  const empty = 8;
  let bytes = empty;
  for (const [key, p] of table.entries()) {
    const state = p.state;
    if (keys.length > 0 && bytes + bytesOf(state, words) > CHUNK_BYTES) {
      chunks.push(encode(keys, words, bytes));
      keys = [];
      bytes = empty;
      yield;
    }
    keys.push([key, state]);
    bytes += bytesOf(state, words);
  }
  if (keys.length > 0 || chunks.length === 0) chunks.push(encode(keys, words, bytes));
  return chunks;
}

function encode(keys: readonly [number, KeyState][], words: number, bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  const ints = new Int32Array(out.buffer);
  ints[0] = words;
  let at = 4;
  for (const [key, s] of keys) {
    ints.set([key, s.size, s.last, s.gaps ? s.gaps.length : -1, s.gaps ? s.rice : -1, s.multi?.length ?? 0, s.counts?.length ?? 0], at / 4);
    at += HEADER_INTS * 4;
    if (s.gaps) out.set(s.gaps, at);
    else out.set(new Uint8Array(s.bits!.buffer, s.bits!.byteOffset, words * 4), at);
    at += s.gaps ? padded(s.gaps.length) : words * 4;
    if (s.multi) out.set(new Uint8Array(s.multi.buffer, s.multi.byteOffset, s.multi.length * 4), at);
    at += (s.multi?.length ?? 0) * 4;
    if (s.counts) out.set(s.counts, at);
    at += padded(s.counts?.length ?? 0);
  }
  ints[ints.length - 1] = checksum(ints);
  return out;
}

/** FNV-1a over every word of `ints` but the last (where the checksum goes). */
function checksum(ints: Int32Array): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < ints.length - 1; i++) hash = Math.imul(hash ^ ints[i]!, 0x01000193);
  return hash;
}

/**
 * The table of {@link exportTable}'s chunks, checked a chunk at a time (`yield` before each, so
 * that a worker can answer between two: at 50 MB the text table took 100 ms to check).
 * @param keys keys are below it
 * @param slots slots are below it
 * @param maxCount counts other than 1 are from 2 to it
 * @throws when a chunk is damaged or lies
 */
export function* readTable(chunks: Iterable<Uint8Array>, keys: number, slots: number, maxCount: number): Generator<void, PostingTable> {
  const postings = new Map<number, KeyPostings>();
  for (const chunk of chunks) {
    yield;
    readChunk(chunk, keys, slots, maxCount, postings);
  }
  return tableOf(keys, slots, postings);
}

/** The table of the postings read by {@link readChunk}. */
function tableOf(keys: number, slots: number, postings: ReadonlyMap<number, KeyPostings>): PostingTable {
  return PostingTable.from(keys, Math.max(1, Math.ceil(slots / 32)), postings);
}

/**
 * Reads one of {@link exportTable}'s chunks into `postings`, checked.
 * @throws when the chunk is damaged or lies
 */
function readChunk(original: Uint8Array, keys: number, slots: number, maxCount: number, postings: Map<number, KeyPostings>): void {
  const words = Math.max(1, Math.ceil(slots / 32));
  const chunk = aligned(original);
  const damaged = (why: string) => new Error(`character index: ${why} in the snapshot`);
  if (chunk.byteLength < 8 || chunk.byteLength % 4 !== 0) throw damaged('a chunk of a wrong length');
  const ints = new Int32Array(chunk.buffer, chunk.byteOffset, chunk.byteLength / 4);
  const allWords = new Uint32Array(chunk.buffer, chunk.byteOffset, chunk.byteLength / 4);
  if (ints[ints.length - 1] !== checksum(ints)) throw damaged('a chunk whose checksum differs');
  if (ints[0] !== words) throw damaged('bitsets of a wrong length');
  const end = chunk.byteLength - 4;
  for (let at = 4; at < end; ) {
    if (at + HEADER_INTS * 4 > end) throw damaged('a cut header');
    const [key, size, last, gapBytes, rice, multiWords, countCount] = ints.subarray(at / 4, at / 4 + HEADER_INTS);
    at += HEADER_INTS * 4;
    if (!(key! >= 0 && key! < keys) || postings.has(key!)) throw damaged('a key out of range or twice');
    if (!(size! >= 1 && last! >= 0 && last! < slots && gapBytes! >= -1 && countCount! >= 0)) throw damaged('a list that cannot be');
    if (!(rice! >= -1 && rice! <= 24 && (gapBytes !== -1 || rice === -1))) throw damaged('gaps coded in no known way');
    // The count bitmap ends at the last posting whose count is not 1.
    if (!(multiWords! >= 0 && multiWords! <= (size! + 31) >>> 5)) throw damaged('a count bitmap of a wrong length');
    const payload = gapBytes === -1 ? words * 4 : padded(gapBytes!);
    if (at + payload + multiWords! * 4 + padded(countCount!) > end) throw damaged('arrays past the chunk');
    const gapsAt = at;
    const bits = gapBytes === -1 ? new Uint32Array(chunk.buffer, chunk.byteOffset + at, words) : null;
    at += payload;
    const multiAt = at / 4;
    at += multiWords! * 4;
    const countsAt = at;
    at += padded(countCount!);
    // A last varint left open would read past the list; a Rice code takes k + 1 bits at least.
    if (rice === -1 && gapBytes! >= 0 && (gapBytes! < size! || (gapBytes! > 0 && chunk[gapsAt + gapBytes! - 1]! >= 0x80))) throw damaged('a list that lies');
    if (rice! >= 0 && gapBytes! * 8 < size! * (rice! + 1)) throw damaged('a list that lies');
    const packed: PackedKey = { size: size!, last: last!, rice: rice!, bytes: chunk, gapsAt, gapBytes: gapBytes!, bits, countsAt, countCount: countCount!, words: allWords, multiAt, multiWords: multiWords! };
    if (!countsHold(packed, maxCount)) throw damaged('counts that lie');
    postings.set(key!, KeyPostings.from(packed));
  }
}

/**
 * True when the count bitmap marks as many postings as there are counts, each from 2 to
 * `maxCount` (a word per 32 postings and a byte per count other than 1: cheap beside the lists).
 */
function countsHold({ size, words, multiAt, multiWords, bytes, countsAt, countCount }: PackedKey, maxCount: number): boolean {
  let marked = 0;
  for (let w = multiAt; w < multiAt + multiWords; w++) for (let word = words[w]!; word !== 0; word &= word - 1) marked++;
  // No mark past the last posting.
  if (multiWords === (size + 31) >>> 5 && size % 32 !== 0 && words[multiAt + multiWords - 1]! >>> size % 32 !== 0) return false;
  if (marked !== countCount) return false;
  for (let k = countsAt; k < countsAt + countCount; k++) if (bytes[k]! < 2 || bytes[k]! > maxCount) return false;
  return true;
}
