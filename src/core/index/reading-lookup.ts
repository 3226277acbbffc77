import { TF_CAP } from '../rank/rank.ts';
import type { CharCounts, IndexedReading } from './char-index.ts';
import type { PostingTable } from './posting-table.ts';
import { isTwoInitials, pairKey } from './reading-pairs.ts';
import type { ReadingTables } from './reading-tables.ts';

/**
 * The pinyin lookups of the character index (`CharIndex`): a reading's candidates, the titles
 * that may hold it, and its counts where the tables know them. They read the index through
 * {@link CharTables}, so that the index itself keeps to its sections and slots.
 */

/** What the lookups read of a character index, by slot unless said otherwise. */
export interface CharTables {
  readonly text: PostingTable;
  readonly titles: PostingTable;
  readonly readings: ReadingTables;
  /** True once every slot's pinyin tables are written. */
  readonly readingsComplete: boolean;
  /** Largest section id ever added: the length of by-id arrays. */
  readonly maxId: number;
  /** Sections longer than `TF_WINDOW` (their counts are scaled: see `CharIndex`). */
  readonly longIds: ReadonlySet<number>;
  /** The slots holding any character of a class, as a bitset (kept while the index is unchanged). */
  classBits(chars: string): Uint32Array;
  /** The section ids of a bitset's slots (removed ones left out). */
  idsOf(bits: Uint32Array): number[];
  /** A slot's section id, -1 once removed. */
  idOf(slot: number): number;
  /** A key's count in every section, by id. */
  countsById(table: PostingTable, key: number): Uint8Array;
}

/** The code units of a class of characters. */
export const codesOf = (chars: string): number[] => Array.from(chars, (c) => c.charCodeAt(0));

/** The slots of `table` holding any of the keys, as a bitset of `words` words. */
export function bitsOf(table: PostingTable, keys: readonly number[], words: number): Uint32Array {
  const bits = new Uint32Array(words);
  for (const key of keys) table.orInto(key, bits);
  return bits;
}

/**
 * Sections that, for at least one reading, hold each pair of its adjacent units side by side
 * (see `ReadingTables.orAdjacent`) and a character of each class no syllable pair implies: a
 * superset of the sections the readings match; exactly them for a reading of two whole
 * syllables. `exact` says that no reading needs checking or counting in the text: each is one
 * unit (`ai`) or two one-letter initials (`my`), whose counts `readingCounts` knows.
 *
 * Until the pinyin tables are written for every slot (after a reload, until they are taken),
 * the classes alone narrow: still a superset, exact only for one-unit readings.
 */
export function readingCandidates(t: CharTables, readings: readonly IndexedReading[]): { ids: number[]; exact: boolean } {
  const words = t.text.words;
  const result = new Uint32Array(words);
  const pairs = t.readingsComplete;
  for (const { classes, units } of readings) {
    // The pairs first: a key each, and they leave few sections for the classes to narrow.
    const all = new Uint32Array(words).fill(0xffffffff);
    let empty = false;
    const and = (bits: Uint32Array) => {
      let any = 0;
      for (let w = 0; w < words; w++) any |= all[w]! &= bits[w]!;
      empty = any === 0;
    };
    const implied = new Uint8Array(units.length);
    for (let k = 1; pairs && k < units.length && !empty; k++) {
      const { bits, bySyllables } = t.readings.adjacent(units[k - 1]!, units[k]!, words);
      if (bySyllables) implied[k - 1] = implied[k] = 1;
      and(bits);
    }
    for (let c = 0; c < classes.length && !empty; c++) if (!implied[c]) and(t.classBits(classes[c]!));
    if (!empty) for (let w = 0; w < words; w++) result[w]! |= all[w]!;
  }
  return { ids: t.idsOf(result), exact: readings.every((r) => r.units.length === 1 || (pairs && isTwoInitials(r))) };
}

/**
 * Sections whose folded titles hold, for at least one reading, a character of each of its
 * classes: a superset of the titles the readings match, so that only those titles are read.
 * At 200 MB, chun·feng's 20 508 matches: every title read, 11–13 ms; these 1 729, 4–5 ms with
 * the bitsets made. The pairs of first letters in titles (`ReadingTables`) left 8 568: 6–7 ms.
 */
export function readingTitles(t: CharTables, readings: readonly IndexedReading[]): number[] {
  const words = t.text.words;
  const result = new Uint32Array(words);
  // Readings share classes (ming·yue, ming·yu·e): each class's bitset is made once a call.
  const byClass = new Map<string, Uint32Array>();
  for (const { classes } of readings) {
    const all = new Uint32Array(words).fill(0xffffffff);
    for (const chars of classes) {
      let bits = byClass.get(chars);
      if (!bits) byClass.set(chars, (bits = bitsOf(t.titles, codesOf(chars), words)));
      for (let w = 0; w < words; w++) all[w]! &= bits[w]!;
    }
    for (let w = 0; w < words; w++) result[w]! |= all[w]!;
  }
  return t.idsOf(result);
}

/**
 * How many times a reading occurs in every section, by id, as its matcher counts it in the
 * first `TF_WINDOW` characters (scaled, capped; 0 where not known: a long section's count of a
 * one-unit reading), and whether each title holds it; undefined unless the readings are one
 * reading of one unit, or of two one-letter initials once the pinyin tables are complete.
 */
export function readingCounts(t: CharTables, readings: readonly IndexedReading[]): CharCounts | undefined {
  const [only] = readings;
  if (readings.length !== 1 || !only) return undefined;
  if (only.units.length === 1) return classCounts(t, only.classes[0]!);
  if (!isTwoInitials(only) || !t.readingsComplete) return undefined;
  const key = pairKey(only.units[0]!, only.units[1]!);
  return { counts: t.countsById(t.readings.textLetters, key), inTitle: t.countsById(t.readings.titleLetters, key) };
}

/** The summed counts of a class of characters (a one-unit reading's), and the titles holding one. */
function classCounts(t: CharTables, chars: string): CharCounts {
  const counts = new Uint8Array(t.maxId + 1);
  const inTitle = new Uint8Array(t.maxId + 1);
  for (let i = 0; i < chars.length; i++) {
    const code = chars.charCodeAt(i);
    t.text.forEach(code, (slot, count) => {
      const id = t.idOf(slot);
      if (id !== -1) counts[id] = Math.min(TF_CAP, counts[id]! + count);
    });
    t.titles.forEach(code, (slot) => {
      const id = t.idOf(slot);
      if (id !== -1) inTitle[id] = 1;
    });
  }
  for (const id of t.longIds) counts[id] = 0;
  return { counts, inTitle };
}
