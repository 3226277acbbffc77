import { readBom } from './bom.ts';
import { utf16ByHan, utf16Pattern, utf32Pattern } from './utf16.ts';

/**
 * Tells text from binary by content, never by file name: a PNG renamed `.txt` is still a PNG.
 */

/** Signatures of common binary formats people keep next to their text files. */
const MAGIC: ReadonlyArray<{ kind: string; bytes: readonly number[] }> = [
  { kind: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { kind: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46] },
  { kind: 'zip archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'gzip archive', bytes: [0x1f, 0x8b] },
  { kind: '7z archive', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { kind: 'RAR archive', bytes: [0x52, 0x61, 0x72, 0x21] },
  { kind: 'WebAssembly module', bytes: [0x00, 0x61, 0x73, 0x6d] },
  { kind: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: 'Windows executable', bytes: [0x4d, 0x5a] },
  { kind: 'MS Office document', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
];

/** How much of the head is inspected for control bytes. */
const SNIFF_BYTES = 8192;

export { utf16Pattern } from './utf16.ts';

/**
 * Whether zero and control bytes in the head are those of UTF-16 or UTF-32 text (ASCII leaves
 * zeros, Han leaves arbitrary low bytes) rather than of binary data.
 */
function unicodeText(bytes: Uint8Array): boolean {
  const bom = readBom(bytes);
  if (bom && !('label' in bom && bom.label === 'utf-8')) return true;
  return utf16Pattern(bytes) !== null || utf32Pattern(bytes) !== null || utf16ByHan(bytes) !== null;
}

/**
 * Returns a human-readable kind ("PNG image") when the bytes are binary, or `null` when they may be text.
 * @remarks UTF-16 and UTF-32 text contains NUL bytes, so NULs only count as binary without a
 * UTF-16/32 BOM, zero-byte pattern or a UTF-16 reading that is Chinese (checked only when a NUL
 * is found). SO and SI, which switch character sets in ISO-2022-KR, count as text.
 */
export function sniffBinary(bytes: Uint8Array): string | null {
  for (const { kind, bytes: sig } of MAGIC) {
    if (bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b)) return kind;
  }
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  let zero = false;
  for (let i = 0; i < end && !zero; i++) {
    const b = bytes[i]!;
    zero = b === 0;
    // Tab, LF, FF, CR, SO, SI and ESC are common in text; other C0 controls are not.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x0e && b !== 0x0f && b !== 0x1b) control++;
  }
  if (!zero && control <= end * 0.01) return null;
  return unicodeText(bytes) ? null : 'binary data';
}
