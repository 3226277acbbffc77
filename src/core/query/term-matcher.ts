import type { Range } from '../types.ts';

/**
 * A way to find a query term in folded text other than literally: its pinyin readings
 * (`pinyin.ts`) or its other regions' wording (`wording.ts`). Ranking counts with it and
 * highlighting marks what it finds, exactly as they do for the literal term.
 */
export interface TermMatcher {
  /** Whether the text holds a match. */
  test(text: string): boolean;
  /** Start and end offsets of the matches, left to right, not overlapping. */
  ranges(text: string): Range[];
  /** How many matches the text holds (a density, for ranking). */
  count(text: string): number;
}
