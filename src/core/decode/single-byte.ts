/**
 * Western single-byte text: mostly ASCII with a few accented letters or typographic quotes, in
 * Windows-1252 or Mac Roman. Such a byte is alone among ASCII letters, where in GBK or Big5 high
 * bytes come in pairs that form Chinese characters. A lone high byte must never turn a Latin
 * text into Chinese.
 */

const LOWER = 'àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœšžß';
const UPPER = 'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŸŒŠŽ';
/** Punctuation that Western text is typed with; NBSP included. */
const PUNCT = '‘’‚“”„–—…•«»‹›°§©®™·¡¿\u00a0';
const CURRENCY = '€£¥';
const isAsciiLower = (c: number) => c >= 0x61 && c <= 0x7a;
const isAsciiUpper = (c: number) => c >= 0x41 && c <= 0x5a;
const isAsciiLetter = (c: number) => isAsciiLower(c) || isAsciiUpper(c);
/** Least share of well-placed high characters for a single-byte reading to be accepted. */
const MIN_WESTERN_FIT = 0.85;

/**
 * Windows-1252's 0x80–0x9F (the WHATWG table; 0x81, 0x8D, 0x8F, 0x90 and 0x9D stay C1 controls).
 * Decoded here because Node's TextDecoder reads the `windows-1252` label as ISO-8859-1, which
 * would turn these curly quotes into invisible controls; browsers and this table agree.
 */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const C1 = /[\u0080-\u009f]/g;

/** Decodes Windows-1252 the same way in Node and in browsers (one linear pass to fix 0x80–0x9F). */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(C1, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!);
}

/** Decodes a single-byte encoding: Windows-1252 by our table, Mac Roman by TextDecoder. */
export function decodeSingleByte(encoding: 'windows-1252' | 'macintosh', bytes: Uint8Array): string {
  return encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder('macintosh').decode(bytes);
}

/**
 * Whether the high character at `i` of a single-byte decoding sits where Western text puts one:
 * a letter next to letters (upper case only at the start of a word or inside an upper-case one:
 * a Mac Roman ’ reads as Windows-1252 "Õ" in "BlanchardÕs"), punctuation anywhere; never a run of three high
 * characters (Cyrillic or Greek words read as Latin-1) and never a symbol such as ¼ ± ¨.
 */
function wellPlaced(text: string, i: number): boolean {
  const ch = text[i]!;
  const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
  const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0x20;
  if (prev >= 0x80 && next >= 0x80) return false;
  // A currency sign comes before an amount, not a letter: "£ukasz" is a Polish Ł read as Latin-1.
  if (CURRENCY.includes(ch)) return !isAsciiLetter(next);
  if (PUNCT.includes(ch)) return true;
  if (LOWER.includes(ch)) return true;
  if (!UPPER.includes(ch)) return false;
  // Upper case starts a word ("École") or continues an upper-case one ("CAFÉ"), never "APTÕs".
  const prevChar = text[i - 1] ?? ' ';
  if (!isAsciiLetter(prev) && !LOWER.includes(prevChar) && !UPPER.includes(prevChar)) return true;
  return (isAsciiUpper(prev) || UPPER.includes(prevChar)) && !isAsciiLower(next);
}

/**
 * The accented letters of Western languages, one set per language (lower case). The letters of
 * a real text come from one set; Czech, Polish or Turkish read as Windows-1252 mix "ø", "ì", "ý",
 * "þ" and "³" from several.
 */
const LANGUAGES = [
  'àâæçéèêëîïôœùûüÿ', // French
  'äöüßé', // German
  'áéíóúñü', // Spanish
  'áâãàçéêíóôõú', // Portuguese
  'àèéìíòóùú', // Italian
  'áéíóúàèïòüç', // Catalan
  'éèëïöüáó', // Dutch
  'åäöéü', // Swedish, Finnish
  'æøåéóô', // Danish, Norwegian
  'áðéíóúýþæö', // Icelandic
];
/** Least share of the accented letters that one language accounts for. */
const MIN_ONE_LANGUAGE = 0.9;

/** Share of the accented letters of `letters` that its best-fitting Western language has. */
function oneLanguage(letters: Map<string, number>, total: number): number {
  if (total === 0) return 1;
  let best = 0;
  for (const set of LANGUAGES) {
    let n = 0;
    for (const [ch, count] of letters) if (set.includes(ch)) n += count;
    best = Math.max(best, n / total);
  }
  return best;
}

/**
 * Share of the high characters of a single-byte decoding that are well placed, or 0 when its
 * accented letters are not those of one Western language; -1 when it has no high character.
 */
export function westernFit(text: string): number {
  let high = 0;
  let good = 0;
  let accented = 0;
  const letters = new Map<string, number>();
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x80) continue;
    high++;
    if (wellPlaced(text, i)) good++;
    const ch = text[i]!.toLowerCase();
    if (LOWER.includes(ch)) {
      accented++;
      letters.set(ch, (letters.get(ch) ?? 0) + 1);
    }
  }
  if (high === 0) return -1;
  return oneLanguage(letters, accented) >= MIN_ONE_LANGUAGE ? good / high : 0;
}

/**
 * The single-byte encoding of a sample of mostly-ASCII bytes, or null: Windows-1252 or Mac Roman,
 * whichever places its high characters better (ties go to Windows-1252, the more common one).
 */
export function westernEncoding(sample: Uint8Array): { encoding: 'windows-1252' | 'macintosh'; fit: number } | null {
  let best: { encoding: 'windows-1252' | 'macintosh'; fit: number } | null = null;
  for (const encoding of ['windows-1252', 'macintosh'] as const) {
    const fit = westernFit(decodeSingleByte(encoding, sample));
    if (fit >= MIN_WESTERN_FIT && (best === null || fit > best.fit)) best = { encoding, fit };
  }
  return best;
}

/**
 * Share of the high bytes that stand alone between ASCII bytes, as an accented letter or a curly
 * quote of Western text does; a Chinese character is two high bytes (in Big5 sometimes a high
 * byte and an ASCII one, but a text's characters are mostly next to each other).
 */
export function isolatedShare(bytes: Uint8Array): number {
  let high = 0;
  let isolated = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    high++;
    if ((i === 0 || bytes[i - 1]! < 0x80) && (i + 1 === bytes.length || bytes[i + 1]! < 0x80)) isolated++;
  }
  return high === 0 ? 0 : isolated / high;
}
