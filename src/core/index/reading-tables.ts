import { scaledCount } from '../rank/occurrences.ts';
import { TF_CAP, TF_WINDOW } from '../rank/rank.ts';
import { LETTERS } from '../tokenize/readings.ts';
import { PostingTable } from './posting-table.ts';
import { pairKey, ReadingPairs, SYLLABLE_KEYS, SyllablePairs } from './reading-pairs.ts';

/** The pinyin tables: their keys and largest count, in the order they are saved in. */
export const READING_TABLES = [
  { name: 'text-letters', keys: LETTERS * LETTERS, maxCount: TF_CAP },
  { name: 'title-letters', keys: LETTERS * LETTERS, maxCount: 1 },
  { name: 'text-syllables', keys: SYLLABLE_KEYS, maxCount: 1 },
] as const;

/**
 * The pinyin tables of the character index, by slot (see `CharIndex`): the pairs of reading
 * letters side by side in each text and title, with their counts, and the pairs of whole
 * syllables side by side in each text.
 *
 * @remarks The letter pairs answer and rank a query of two initials (`my`). A reading of whole
 * syllables (`qiuyu`) only narrowed by its letters (q·y) left 13 595 candidates at 50 MB of poems
 * for 964 matches, and checking them was most of its 20 ms; narrowed by its syllables too
 * (qiu·yu, hashed) it leaves 1 943 (DESIGN.md, decision 62).
 */
export class ReadingTables {
  readonly #letters = new ReadingPairs();
  readonly #syllables = new SyllablePairs();
  /** Keyed by pair of reading letters (see `pairKey`), with counts: of the text, of the title. */
  readonly textLetters: PostingTable;
  readonly titleLetters: PostingTable;
  /** Keyed by hashed pair of whole syllables (see `SyllablePairs`), without counts. */
  readonly #textSyllables: PostingTable;

  /** Empty tables, or those a snapshot held (see `char-index-io.ts`), keyed and counted as {@link READING_TABLES} says. */
  constructor(tables?: readonly [PostingTable, PostingTable, PostingTable]) {
    [this.textLetters, this.titleLetters, this.#textSyllables] = tables ?? (READING_TABLES.map(({ keys }) => new PostingTable(keys)) as [PostingTable, PostingTable, PostingTable]);
  }

  /** The tables, in the order of {@link READING_TABLES}. */
  get tables(): readonly [PostingTable, PostingTable, PostingTable] {
    return [this.textLetters, this.titleLetters, this.#textSyllables];
  }

  /** Records the pairs of a section's folded text and title, in `slot` (above every slot so far). */
  add(slot: number, norm: string, normTitle: string): void {
    this.#letters.walk(norm, TF_WINDOW, (key, counted) => this.textLetters.append(key, slot, scaledCount(counted, norm.length, TF_CAP, TF_WINDOW)));
    this.#letters.walk(normTitle, 0, (key) => this.titleLetters.append(key, slot, 1));
    this.#syllables.walk(norm, (key) => this.#textSyllables.append(key, slot, 1));
  }

  /**
   * The slots whose text holds two units side by side, as a bitset of `words` words: those with
   * a pair of their first letters there, and when both are whole syllables, narrowed to those
   * with a pair of syllables hashed like theirs (a superset still).
   * @returns the bitset, and whether it was narrowed by syllables: then each unit's class is
   *   very likely implied (checking the matches will tell)
   */
  adjacent(first: string, second: string, words: number): { bits: Uint32Array; bySyllables: boolean } {
    const bits = new Uint32Array(words);
    this.textLetters.orInto(pairKey(first, second), bits);
    const key = this.#syllables.key(first, second);
    if (key === undefined) return { bits, bySyllables: false };
    const syllables = new Uint32Array(words);
    this.#textSyllables.orInto(key, syllables);
    for (let w = 0; w < words; w++) bits[w]! &= syllables[w]!;
    return { bits, bySyllables: true };
  }
}
