/**
 * Legacy double-byte CJK text: which of GB18030, Big5, Shift_JIS, EUC-JP, EUC-KR (CP949), Johab
 * and EUC-TW the bytes are. Most byte strings decode without error in several of them, so each
 * reading is scored by what its language's text is made of (see language-fit.ts): common Chinese
 * characters, kana, common Hangul syllables. Only GB18030 and Big5 are decoded; the others are
 * named so the file can be refused with a reason instead of shown as mojibake.
 */
import type { EncodingLabel } from '../types.ts';
import { eucTwFit, johabFit } from './cjk-bytes.ts';
import { chineseFit, countLetters, japaneseFit, koreanFit } from './language-fit.ts';

/** A reading of the bytes and how well it fits its language. */
export interface CjkReading {
  /** The label to decode with (Chinese), or null for an encoding that is only recognized. */
  encoding: EncodingLabel | null;
  /** What the file looks like, for a refusal ("Korean (EUC-KR)"). */
  name: string;
  /** Share of the letters that are typical of the language (0–1), shrunk for short samples. */
  fit: number;
  /** Non-ASCII letters the fit was measured on. */
  letters: number;
}

/**
 * Evidence needed before a short sample counts: a fit is shrunk by `letters / (letters + 4)`, so
 * two lucky kana in a 30-byte file are no proof of Japanese.
 */
const SHRINK = 4;
const shrink = (fit: number, letters: number) => (fit * letters) / (letters + SHRINK);

type Scorer = (text: string) => { fit: number; letters: number };
const by = (fit: (n: ReturnType<typeof countLetters>) => number): Scorer => (text) => {
  const n = countLetters(text);
  return { fit: fit(n), letters: n.letters };
};

/**
 * Candidates with a TextDecoder, Chinese first: ties go to them, and to GB18030, the most common.
 * Chinese must decode without error, since it is what gets decoded. The others are only named,
 * and decoders disagree on a few of their rare characters (glibc's CP949 writes syllables that
 * WHATWG's euc-kr rejects), so a rare error there only counts as an odd letter (U+FFFD).
 */
const DECODED: ReadonlyArray<{ label: string; encoding: EncodingLabel | null; name: string; score: Scorer }> = [
  { label: 'gb18030', encoding: 'gb18030', name: 'Chinese (GB18030)', score: by(chineseFit) },
  { label: 'big5', encoding: 'big5', name: 'Chinese (Big5)', score: by(chineseFit) },
  { label: 'shift_jis', encoding: null, name: 'Japanese (Shift_JIS)', score: by(japaneseFit) },
  { label: 'euc-jp', encoding: null, name: 'Japanese (EUC-JP)', score: by(japaneseFit) },
  { label: 'euc-kr', encoding: null, name: 'Korean (EUC-KR)', score: by(koreanFit) },
];

function decodes(label: string, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** More than one replacement character in 50 letters: the bytes are not in this encoding. */
function tooManyErrors(text: string): boolean {
  let errors = 0;
  let high = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) high++;
    if (c === 0xfffd) errors++;
  }
  return errors * 50 > high;
}

/** Counts the high bytes of the sample; the fits of Johab and EUC-TW need some to mean anything. */
function highBytes(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) n++;
  return n;
}

/**
 * Every reading of the sample, best first. Readings that do not fit the bytes are left out. The sample
 * must start and end on a line break so that no character is cut in two.
 */
export function cjkReadings(sample: Uint8Array): CjkReading[] {
  const readings: CjkReading[] = [];
  for (const { label, encoding, name, score } of DECODED) {
    const text = decodes(label, sample, encoding !== null);
    if (text === null || tooManyErrors(text)) continue;
    const { fit, letters } = score(text);
    readings.push({ encoding, name, fit: shrink(fit, letters), letters });
  }
  // A two-byte character is two high bytes in both; Johab's second byte may also be ASCII.
  const pairs = highBytes(sample) / 2;
  const johab = johabFit(sample);
  if (johab >= 0) readings.push({ encoding: null, name: 'Korean (Johab)', fit: shrink(johab, pairs), letters: pairs });
  const eucTw = eucTwFit(sample);
  if (eucTw >= 0) readings.push({ encoding: null, name: 'Chinese in EUC-TW', fit: shrink(eucTw, pairs), letters: pairs });
  // Stable sort: on equal fits the earlier (Chinese) candidate stays first.
  return readings.sort((a, b) => b.fit - a.fit);
}
