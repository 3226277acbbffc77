/**
 * Fits for the two CJK encodings that have no TextDecoder, computed on the bytes: Korean Johab
 * (its Hangul is arithmetic, so syllables are decoded here) and Chinese EUC-TW (common characters
 * are looked up as byte pairs). Both are only recognized, to name them when a file is refused.
 */
import { COMMON_EUC_TW_PAIRS, COMMON_HANGUL } from './language-tables.ts';

const NONE = -1;
/** Johab's 5-bit jamo codes → index of the initial, medial and final in Unicode's syllable order. */
const INITIAL = Array.from({ length: 32 }, (_, c) => (c >= 2 && c <= 20 ? c - 2 : NONE));
const MEDIAL = Array.from({ length: 32 }, (_, c) =>
  c >= 3 && c <= 7 ? c - 3 : c >= 10 && c <= 15 ? c - 5 : c >= 18 && c <= 23 ? c - 7 : c >= 26 && c <= 29 ? c - 9 : NONE,
);
const FINAL = Array.from({ length: 32 }, (_, c) => (c >= 1 && c <= 17 ? c - 1 : c >= 19 && c <= 29 ? c - 2 : NONE));

/** The Hangul syllable of a Johab byte pair, or null when the pair is not a full syllable. */
export function johabSyllable(lead: number, trail: number): string | null {
  const code = (lead << 8) | trail;
  const i = INITIAL[(code >> 10) & 31]!;
  const m = MEDIAL[(code >> 5) & 31]!;
  const f = FINAL[code & 31]!;
  if (i === NONE || m === NONE || f === NONE) return null;
  return String.fromCharCode(0xac00 + (i * 21 + m) * 28 + f);
}

/** Whether a Johab pair is well formed: a Hangul lead (84–D3) or a symbol/hanja lead with its trail. */
function johabPair(lead: number, trail: number): boolean {
  if (lead >= 0x84 && lead <= 0xd3) return (trail >= 0x41 && trail <= 0x7e) || (trail >= 0x81 && trail <= 0xfe);
  const other = (lead >= 0xd8 && lead <= 0xde) || (lead >= 0xe0 && lead <= 0xf9);
  return other && ((trail >= 0x31 && trail <= 0x7e) || (trail >= 0x91 && trail <= 0xfe));
}

/**
 * Share of the two-byte characters of `bytes`, read as Johab, that are common Hangul syllables:
 * about 0.7 for Korean, a few percent for Chinese, EUC-KR or Shift_JIS bytes. -1 when the bytes
 * are not well-formed Johab.
 */
export function johabFit(bytes: Uint8Array): number {
  let chars = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (i + 1 >= bytes.length || !johabPair(b, bytes[i + 1]!)) return -1;
    chars++;
    const s = b <= 0xd3 ? johabSyllable(b, bytes[i + 1]!) : null;
    if (s !== null && COMMON_HANGUL.has(s)) common++;
    i += 2;
  }
  return chars === 0 ? 0 : common / chars;
}

const isEucByte = (b: number | undefined) => b !== undefined && b >= 0xa1 && b <= 0xfe;

/**
 * Share of the high-byte characters of `bytes`, read as EUC-TW, that are common Chinese
 * characters: about 0.5 for Chinese in EUC-TW; GB2312 or EUC-KR bytes land on other characters.
 * -1 when the bytes are not well-formed EUC-TW.
 */
export function eucTwFit(bytes: Uint8Array): number {
  let chars = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    chars++;
    if (b === 0x8e && bytes[i + 1]! >= 0xa1 && bytes[i + 1]! <= 0xb0 && isEucByte(bytes[i + 2]) && isEucByte(bytes[i + 3])) {
      i += 4; // SS2: a character of another CNS 11643 plane, never a common one
    } else if (isEucByte(b) && isEucByte(bytes[i + 1])) {
      if (COMMON_EUC_TW_PAIRS.has((b << 8) | bytes[i + 1]!)) common++;
      i += 2;
    } else {
      return -1;
    }
  }
  return chars === 0 ? 0 : common / chars;
}
