import { INITIALS, units } from '../tokenize/readings.ts';
import type { TermMatcher } from './term-matcher.ts';

export { preparePinyin } from '../tokenize/readings.ts';

/**
 * Pinyin queries: a Latin term such as `xinpian` (toneless syllables) or `xp` (initials) also
 * finds the Han text it may stand for (芯片). pinyin-pro gives every reading of every character
 * of the CJK Unified Ideographs block once (`tokenize/readings.ts`); a term then becomes a
 * sequence of character classes, one class per syllable or initial.
 *
 * @remarks Normalized text is Simplified, but pinyin-pro reads Traditional characters as well,
 * so the classes hold both. Polyphonic characters are in the class of each reading (行: xing,
 * hang, heng). ü is typed `v` (lv → 绿), and `u` is accepted too (lu → 绿, 路).
 */

/** Longest toneless syllable (`zhuang`, `shuang`). */
const MAX_UNIT = 6;
/** Characters a pinyin query may stand for; longer terms are only matched literally. */
export const MAX_PINYIN_CHARS = 8;
/** Ways of reading a term kept, fewest units first: `xian` is 先 or 西安, and `xi a n`. */
const MAX_READINGS = 8;

const INITIAL_SET = new Set(INITIALS);

/**
 * How people type pinyin: whole syllables (a last initial allowed: `xinp` while typing
 * `xinpian`), or initials only (`xp`). A mix such as t·ran·s·f·o·r·m·e·r is how an English word
 * happens to cut, not how anyone types Chinese, and would scan the library for nothing.
 */
function isTypedReading(units: readonly string[]): boolean {
  return units.every((u) => INITIAL_SET.has(u)) || units.slice(0, -1).every((u) => !INITIAL_SET.has(u));
}

/** Every way to cut `letters` into known units, as people type them, fewest units first, at most `MAX_READINGS`. */
function readings(letters: string): string[][] {
  const table = units();
  const found: string[][] = [];
  // Breadth by number of units: a reading with fewer units is the likelier one.
  for (let count = 1; count <= MAX_PINYIN_CHARS && found.length < MAX_READINGS; count++) {
    const walk = (at: number, path: string[]): void => {
      if (found.length >= MAX_READINGS) return;
      if (at === letters.length) {
        if (path.length === count && isTypedReading(path)) found.push([...path]);
        return;
      }
      if (path.length >= count) return;
      for (let len = Math.min(MAX_UNIT, letters.length - at); len >= 1; len--) {
        const unit = letters.slice(at, at + len);
        if (table.has(unit)) walk(at + len, [...path, unit]);
      }
    };
    walk(0, []);
  }
  return found;
}

/** True when a normalized term may be pinyin: Latin letters only (apostrophes split syllables: `xi'an`), at least two. */
export function mayBePinyin(term: string): boolean {
  return /^[a-z]+(?:'[a-z]+)*$/.test(term) && term.replace(/'/g, '').length >= 2;
}

/** True when the text holds a Han character: such queries are not read as pinyin. */
export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

/** Finds the Han text a pinyin term may stand for. */
export interface PinyinMatcher extends TermMatcher {
  /** Places where a reading ends (overlapping ones each count): a match density, for ranking. */
  count(text: string): number;
  /** Each reading as its characters classes, one per syllable or initial: what the index can look up. */
  readonly classes: readonly (readonly string[])[];
  /** Each reading as its units (syllables or initials), in the order of {@link classes}. */
  readonly units: readonly (readonly string[])[];
}

/**
 * The matcher of the Han text a normalized term may stand for when read as toneless pinyin or
 * initials, or null when it cannot be read so.
 *
 * @remarks A table from UTF-16 code unit to a bit per unit of the term (at most 32 units) makes
 * the scan one array lookup per character; a regular expression of the same character classes
 * was 10–40× slower (DESIGN.md).
 * @example pinyinMatcher('xp')?.test('芯片') === true; pinyinMatcher('gpu') === null
 */
export function pinyinMatcher(term: string): PinyinMatcher | null {
  if (!mayBePinyin(term)) return null;
  const table = units();
  // An apostrophe fixes a syllable boundary: read each part on its own.
  const parts = term.split("'").map(readings);
  if (parts.some((r) => r.length === 0)) return null;
  let combined: string[][] = [[]];
  for (const part of parts) combined = combined.flatMap((prefix) => part.map((r) => [...prefix, ...r])).slice(0, MAX_READINGS);
  combined = combined.filter((r) => r.length <= MAX_PINYIN_CHARS);
  const distinct = [...new Set(combined.flat())];
  if (combined.length === 0 || distinct.length > 32) return null;
  // Made when first needed (marks, or a scan Shift-And cannot do), a byte a character for up to
  // 8 units (most terms): four took 256 KB a matcher, kept for the last few terms typed.
  let bitsOf: Uint8Array | Uint16Array | Uint32Array | undefined;
  const maskOf = () => {
    if (bitsOf) return bitsOf;
    const units = distinct.length;
    bitsOf = units <= 8 ? new Uint8Array(0x10000) : units <= 16 ? new Uint16Array(0x10000) : new Uint32Array(0x10000);
    distinct.forEach((unit, bit) => {
      for (const ch of table.get(unit)!) bitsOf![ch.charCodeAt(0)]! |= 1 << bit;
    });
    return bitsOf;
  };
  const sequences = combined.map((r) => r.map((unit) => distinct.indexOf(unit)));
  let firstBits = 0;
  for (const seq of sequences) firstBits |= 1 << seq[0]!;

  /** Length of the reading that matches at `at`, or 0. */
  const matchAt = (text: string, at: number): number => {
    const mask = maskOf();
    for (const seq of sequences) {
      if (at + seq.length > text.length) continue;
      let k = 0;
      while (k < seq.length && (mask[text.charCodeAt(at + k)]! >>> seq[k]!) & 1) k++;
      if (k === seq.length) return k;
    }
    return 0;
  };
  const ranges = (text: string): { start: number; end: number }[] => {
    const out: { start: number; end: number }[] = [];
    const mask = maskOf();
    for (let i = 0; i < text.length; i++) {
      if (!(mask[text.charCodeAt(i)]! & firstBits)) continue;
      const len = matchAt(text, i);
      if (len > 0) {
        out.push({ start: i, end: i + len });
        i += len - 1;
      }
    }
    return out;
  };
  const classes = combined.map((r) => r.map((unit) => table.get(unit)!));
  const scan = shiftAnd(classes);
  return {
    classes,
    units: combined,
    test: scan
      ? (text) => scan(text, 1) > 0
      : (text) => {
          const mask = maskOf();
          for (let i = 0; i < text.length; i++) if (mask[text.charCodeAt(i)]! & firstBits && matchAt(text, i) > 0) return true;
          return false;
        },
    ranges,
    count: scan ? (text) => scan(text, Infinity) : (text) => ranges(text).length,
  };
}

/**
 * Shift-And over the readings: one bit per position of every reading, so a scan is one table
 * lookup and three operations per character. The per-position matcher took about 3.7 ns a
 * character: 60 ms to find that 50 MB do not hold a reading (DESIGN.md). The table takes a byte
 * a character for up to 8 positions (most terms), where four took 256 KB a matcher, with the
 * same scan time (chun·feng at 200 MB).
 * @returns a scan counting the places where a reading ends, stopping at `limit`; null when the
 *   readings have more than 32 positions in all
 */
function shiftAnd(sequences: readonly (readonly string[])[]): ((text: string, limit: number) => number) | null {
  const positions = sequences.reduce((n, seq) => n + seq.length, 0);
  if (positions > 32) return null;
  const table = positions <= 8 ? new Uint8Array(0x10000) : positions <= 16 ? new Uint16Array(0x10000) : new Int32Array(0x10000);
  let starts = 0;
  let ends = 0;
  let bit = 0;
  for (const seq of sequences) {
    starts |= 1 << bit;
    for (const chars of seq) {
      for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)]! |= 1 << bit;
      bit++;
    }
    ends |= 1 << (bit - 1);
  }
  return (text, limit) => {
    let state = 0;
    let found = 0;
    for (let i = 0; i < text.length; i++) {
      // A bit carried from one reading's last position into the next reading's first is a start bit anyway.
      state = ((state << 1) | starts) & table[text.charCodeAt(i)]!;
      if (state & ends && ++found >= limit) return found;
    }
    return found;
  };
}

/** Matchers of recent terms: typing `xinpian` asks for `xinpia` a moment before. */
const recent = new Map<string, PinyinMatcher | null>();
const RECENT = 16;

/**
 * Matchers for the terms of a query that read as pinyin, or null when pinyin does not apply:
 * a term holds a Han character (the person typed Chinese), or no term reads as pinyin.
 * @param acronyms terms written in capitals (`AI`, `GPU`): acronyms, matched only literally
 *   (`parseQuery` knows them; folding has lower-cased them)
 */
export function pinyinMatchers(terms: readonly string[], acronyms: readonly string[] = []): Map<string, PinyinMatcher> | null {
  if (terms.some(hasHan)) return null;
  const out = new Map<string, PinyinMatcher>();
  for (const term of terms) {
    if (acronyms.includes(term)) continue;
    let matcher = recent.get(term);
    if (matcher === undefined) {
      recent.set(term, (matcher = pinyinMatcher(term)));
      if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
    }
    if (matcher) out.set(term, matcher);
  }
  return out.size > 0 ? out : null;
}
