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

/** UTF-16 without BOM is recognizable when ASCII-range characters leave zero bytes on one side. */
export function utf16Pattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros / pairs >= 0.3 && evenZeros / pairs < 0.05) return 'utf-16le';
  if (evenZeros / pairs >= 0.3 && oddZeros / pairs < 0.05) return 'utf-16be';
  return null;
}

/**
 * Returns a human-readable kind ("PNG image") when the bytes are binary, or `null` when they may be text.
 * @remarks UTF-16 text contains NUL bytes, so NULs only count as binary without a UTF-16 BOM or pattern.
 */
export function sniffBinary(bytes: Uint8Array): string | null {
  for (const { kind, bytes: sig } of MAGIC) {
    if (bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b)) return kind;
  }
  const utf16Bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16Bom || utf16Pattern(bytes)) return null;
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0) return 'binary data';
    // Tab, LF, FF, CR and ESC are common in text; other C0 controls are not.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  return end > 0 && control / end > 0.01 ? 'binary data' : null;
}
