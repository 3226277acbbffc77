import { READING_TABLE } from './reading-table.ts';

/**
 * The toneless pinyin readings of Han characters, as pinyin queries and the character index's
 * reading pairs use them: every character of the CJK Unified Ideographs block as pinyin-pro
 * reads it, kept as a table generated from pinyin-pro (`scripts/gen-readings.mjs`, checked
 * against pinyin-pro by `readings.test.ts`) rather than read through it in every process
 * (DESIGN.md, decision 96).
 *
 * @remarks Normalized text is Simplified, but pinyin-pro reads Traditional characters as well,
 * so the classes hold both. Polyphonic characters are in the class of each reading (行: xing,
 * hang, heng). ü is typed `v` (lv → 绿), and `u` is accepted too (lu → 绿, 路).
 */

/** Initials typed alone, longest first (so `zh` is tried before `z`). */
export const INITIALS = ['zh', 'ch', 'sh', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'r', 'z', 'c', 's', 'y', 'w'];
let table: Map<string, string> | null = null;

/** Unit (syllable or initial) → the characters it stands for, built on first use. */
export function units(): Map<string, string> {
  if (table) return table;
  const out = new Map<string, string>();
  for (const line of READING_TABLE.split('\n')) {
    const space = line.indexOf(' ');
    out.set(line.slice(0, space), line.slice(space + 1));
  }
  const syllables = [...out];
  for (const initial of INITIALS) {
    const all = new Set<string>();
    for (const [syllable, chars] of syllables) if (syllable.startsWith(initial)) for (const c of chars) all.add(c);
    // An initial that is also a whole syllable (none in Mandarin, but keep the union safe).
    for (const c of out.get(initial) ?? '') all.add(c);
    out.set(initial, [...all].join(''));
  }
  table = out;
  return out;
}


/** Letters a unit's first letter is numbered among (see {@link readingLetters}). */
export const LETTERS = 26;

/** The number of a unit's first letter, 0 for `a` to 25 for `z`. */
export function letterOf(unit: string): number {
  return unit.charCodeAt(0) - 97;
}

let letters: Uint32Array | null = null;

/**
 * Per UTF-16 code unit, a bit per first letter of its readings (bit 0: a reading starts with
 * `a`): a character is in the class of a one-letter initial exactly when it has that bit, since
 * such a class is every character with a reading starting with the letter. Built on first use.
 */
export function readingLetters(): Uint32Array {
  if (letters) return letters;
  const out = new Uint32Array(0x10000);
  for (const [unit, chars] of units()) for (let i = 0; i < chars.length; i++) out[chars.charCodeAt(i)]! |= 1 << letterOf(unit);
  letters = out;
  return out;
}

/**
 * Builds the reading tables now (the syllables and letters of every code unit, 40–90 ms) rather
 * than inside the first Latin query, which took a search typed as an import began 90 ms: the
 * worker calls it while a library is read, and benchmarks before timing queries.
 */
export function preparePinyin(): void {
  readingSyllables();
  readingLetters();
}

/** Every whole syllable (not an initial typed alone) numbered, and each code unit's syllables. */
export interface SyllableTable {
  /** Syllable → its number, from 0 to `count - 1`. */
  numbers: ReadonlyMap<string, number>;
  count: number;
  /** The syllables of code unit `c` are `syllables[starts[c]]` to `syllables[starts[c + 1] - 1]`. */
  starts: Uint32Array;
  syllables: Uint16Array;
}

let syllableTable: SyllableTable | null = null;

/** The syllables of every code unit (see {@link SyllableTable}), built on first use. */
export function readingSyllables(): SyllableTable {
  if (syllableTable) return syllableTable;
  const initials = new Set(INITIALS);
  const whole = [...units()].filter(([unit]) => !initials.has(unit));
  const perUnit: number[][] = Array.from({ length: 0x10000 }, () => []);
  whole.forEach(([, chars], n) => {
    for (let i = 0; i < chars.length; i++) perUnit[chars.charCodeAt(i)]!.push(n);
  });
  const starts = new Uint32Array(0x10001);
  perUnit.forEach((list, c) => (starts[c + 1] = starts[c]! + list.length));
  const syllables = new Uint16Array(perUnit.flat());
  syllableTable = { numbers: new Map(whole.map(([unit], n) => [unit, n])), count: whole.length, starts, syllables };
  return syllableTable;
}
