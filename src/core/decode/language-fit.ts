/**
 * How well a decoding reads as Chinese, Japanese or Korean, measured on its letters: each language
 * has characters that make up most of any real text and that a wrong decoding rarely produces.
 */
import { COMMON_CHARS } from './common-chars.ts';
import { COMMON_HANGUL } from './language-tables.ts';

/** Counts of the non-ASCII letters of a decoding; punctuation and symbols are not counted. */
export interface LetterCounts {
  /** CJK unified ideographs (U+4E00–9FFF). */
  han: number;
  /** Of those, the common Chinese characters. */
  commonHan: number;
  /** Hiragana and full-width katakana. */
  kana: number;
  /** Hangul syllables, and of those the common ones. */
  hangul: number;
  commonHangul: number;
  /** What a real text rarely contains and a wrong decoding does: U+FFFD, C1 controls, private
   * use, CJK Extension A/B, compatibility ideographs, half-width katakana. */
  odd: number;
  /** All of the above (the denominator of every fit). */
  letters: number;
}

function isOdd(c: number): boolean {
  return (
    c === 0xfffd ||
    (c >= 0x80 && c <= 0x9f) ||
    (c >= 0xe000 && c <= 0xf8ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff61 && c <= 0xff9f) ||
    (c >= 0xd800 && c <= 0xdbff) // a supplementary character: Extension B and beyond
  );
}

/** Counts the letters of `text` in one pass (code units; a surrogate pair counts once, as odd). */
export function countLetters(text: string): LetterCounts {
  const n = { han: 0, commonHan: 0, kana: 0, hangul: 0, commonHangul: 0, odd: 0, letters: 0 };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= 0x4e00 && c <= 0x9fff) {
      n.han++;
      if (COMMON_CHARS.has(text[i]!)) n.commonHan++;
    } else if ((c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc) {
      n.kana++;
    } else if (c >= 0xac00 && c <= 0xd7a3) {
      n.hangul++;
      if (COMMON_HANGUL.has(text[i]!)) n.commonHangul++;
    } else if (isOdd(c)) {
      n.odd++;
    } else {
      continue;
    }
    n.letters++;
  }
  return n;
}

const share = (part: number, n: LetterCounts) => (n.letters === 0 ? 0 : part / n.letters);

/** Share of the letters that are common Chinese characters: about 0.5–0.8 for real Chinese. */
export const chineseFit = (n: LetterCounts): number => share(n.commonHan, n);
/** Share of the letters that are kana: about 0.3–0.7 for real Japanese, near 0 for Chinese. */
export const japaneseFit = (n: LetterCounts): number => share(n.kana, n);
/** Share of the letters that are common Hangul syllables: about 0.6–0.8 for real Korean. */
export const koreanFit = (n: LetterCounts): number => share(n.commonHangul, n);
