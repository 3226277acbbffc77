/**
 * Byte-order marks. UTF-32 LE's BOM (FF FE 00 00) starts with UTF-16 LE's (FF FE), so the
 * UTF-32 marks are matched first: read as UTF-16, a UTF-32 file becomes a NUL between characters.
 */
import type { EncodingLabel } from '../types.ts';

/** A BOM the decoder reads past, or one that marks a UTF-32 file (which it refuses). */
export type Bom = { label: EncodingLabel; length: number } | { utf32: 'le' | 'be' };

const MARKS: ReadonlyArray<{ bom: Bom; bytes: readonly number[] }> = [
  { bom: { utf32: 'le' }, bytes: [0xff, 0xfe, 0x00, 0x00] },
  { bom: { utf32: 'be' }, bytes: [0x00, 0x00, 0xfe, 0xff] },
  { bom: { label: 'utf-8', length: 3 }, bytes: [0xef, 0xbb, 0xbf] },
  { bom: { label: 'utf-16le', length: 2 }, bytes: [0xff, 0xfe] },
  { bom: { label: 'utf-16be', length: 2 }, bytes: [0xfe, 0xff] },
];

/** The byte-order mark the bytes start with, if any. */
export function readBom(bytes: Uint8Array): Bom | null {
  for (const { bom, bytes: mark } of MARKS) {
    if (bytes.length >= mark.length && mark.every((b, i) => bytes[i] === b)) return bom;
  }
  return null;
}
