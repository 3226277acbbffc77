/**
 * Reads a zip archive's central directory by hand, so that nothing in it is trusted before it is
 * checked: the end record is the one whose comment length matches the end of the file (a comment
 * may hold the bytes `PK\x05\x06`), the declared entry count must fit the directory's real size
 * before it is walked, and names are decoded by their flag (UTF-8) or as GBK, else CP437.
 */

/** One entry as the central directory describes it. */
export interface DirectoryEntry {
  name: string;
  /** General purpose flags: bit 0 encrypted, bit 11 UTF-8 name. */
  flags: number;
  /** 0 stored, 8 deflated; anything else is not read. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

/** Why a directory cannot be read; the caller turns it into the archive's own outcome. */
export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
/** Fixed part of a central directory record: the least a declared entry can take. */
const CENTRAL_SIZE = 46;
const MAX_COMMENT = 0xffff;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
/** A 64-bit little-endian number, as a JavaScript number (exact below 2^53). */
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 2 ** 32;

/** Offset of the end-of-central-directory record, or -1. */
function findEnd(bytes: Uint8Array): number {
  let fallback = -1;
  const stop = Math.max(0, bytes.length - 22 - MAX_COMMENT);
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (u32(bytes, at) !== EOCD) continue;
    // The real record's comment runs exactly to the end of the file.
    if (at + 22 + u16(bytes, at + 20) === bytes.length) return at;
    if (fallback === -1) fallback = at;
  }
  return fallback;
}

/** Entry count, directory size and offset, from the end record or its zip64 twin. */
function directoryBounds(bytes: Uint8Array, end: number): { count: number; size: number; offset: number } {
  let count = u16(bytes, end + 10);
  let size = u32(bytes, end + 12);
  let offset = u32(bytes, end + 16);
  if ((count === 0xffff || size === 0xffffffff || offset === 0xffffffff) && end >= 20 && u32(bytes, end - 20) === ZIP64_LOCATOR) {
    const record = u64(bytes, end - 12);
    if (record + 56 > end || u32(bytes, record) !== ZIP64_EOCD) throw new ZipFormatError('the zip64 end record is missing');
    count = u64(bytes, record + 32);
    size = u64(bytes, record + 40);
    offset = u64(bytes, record + 48);
  }
  if (offset + size > end) throw new ZipFormatError('the central directory lies outside the archive');
  // A lying count (4 294 967 295 entries in a 195-byte file) is refused before anything is walked.
  if (count * CENTRAL_SIZE > size) throw new ZipFormatError(`the archive declares ${count} entries in a ${size}-byte directory`);
  return { count, size, offset };
}

/** The zip64 sizes and offset of an entry whose 32-bit fields say 0xffffffff. */
function zip64Extra(bytes: Uint8Array, at: number, end: number, entry: DirectoryEntry): void {
  for (let p = at; p + 4 <= end; ) {
    const id = u16(bytes, p);
    const len = u16(bytes, p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      if (entry.size === 0xffffffff) (entry.size = u64(bytes, q)), (q += 8);
      if (entry.compressedSize === 0xffffffff) (entry.compressedSize = u64(bytes, q)), (q += 8);
      if (entry.localOffset === 0xffffffff) entry.localOffset = u64(bytes, q);
      return;
    }
    p += 4 + len;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gbk = new TextDecoder('gb18030', { fatal: true });
/** CP437's upper half: what zip tools before the UTF-8 flag wrote, when the bytes are not GBK. */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

/** An entry name: UTF-8 when flagged (or plain ASCII), else GBK as Chinese Windows writes it, else CP437. */
export function decodeName(raw: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag || raw.every((b) => b < 0x80)) {
    try {
      return utf8.decode(raw);
    } catch {
      // A wrong flag: try the legacy encodings below.
    }
  }
  try {
    return gbk.decode(raw);
  } catch {
    return Array.from(raw, (b) => (b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80]!)).join('');
  }
}

/**
 * The entries of an archive, in directory order.
 * @throws ZipFormatError when there is no end record or the directory is inconsistent.
 */
export function readDirectory(bytes: Uint8Array): DirectoryEntry[] {
  const end = findEnd(bytes);
  if (end < 0) throw new ZipFormatError('no end of central directory record');
  const { count, size, offset } = directoryBounds(bytes, end);
  const entries: DirectoryEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_SIZE > offset + size || u32(bytes, at) !== CENTRAL) throw new ZipFormatError(`central directory entry ${i + 1} is damaged`);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const flags = u16(bytes, at + 8);
    const nameStart = at + CENTRAL_SIZE;
    const entry: DirectoryEntry = {
      name: decodeName(bytes.subarray(nameStart, nameStart + nameLength), (flags & 0x800) !== 0),
      flags,
      method: u16(bytes, at + 10),
      crc: u32(bytes, at + 16),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
    };
    zip64Extra(bytes, nameStart + nameLength, nameStart + nameLength + extraLength, entry);
    entries.push(entry);
    at = nameStart + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where an entry's compressed data starts, from its local header (whose own sizes are not trusted). */
export function dataOffset(bytes: Uint8Array, entry: DirectoryEntry): number {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw new ZipFormatError('the local header is missing');
  return at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as zip computes it. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
