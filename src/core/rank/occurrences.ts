/** Start offsets of every (possibly overlapping) occurrence of `term` in `text`. */
export function occurrences(text: string, term: string, limit = Infinity): number[] {
  const found: number[] = [];
  if (!term) return found;
  for (let i = text.indexOf(term); i !== -1 && found.length < limit; i = text.indexOf(term, i + 1)) found.push(i);
  return found;
}

/** Number of occurrences of `term` in `text`, counting overlaps, up to `limit`. */
export function countOccurrences(text: string, term: string, limit = Infinity): number {
  let count = 0;
  for (let i = text.indexOf(term); i !== -1 && count < limit; i = text.indexOf(term, i + 1)) count++;
  return count;
}

/**
 * Matches in a text known to hold one, as `count` counts them (a term's occurrences, a pinyin
 * reading's), up to `cap`, counted in its first `window` characters and scaled to the whole
 * length: ranking needs a term's density, not an exact count, and reading every long section
 * whole made a common character's query slow. Exact for texts no longer than `window`. Never
 * less than 1.
 */
export function estimateCount(text: string, cap: number, window: number, count: (part: string) => number): number {
  return scaledCount(count(text.length <= window ? text : text.slice(0, window)), text.length, cap, window);
}

/**
 * {@link estimateCount}'s answer for a text of `length` characters whose first `window` hold
 * `counted` matches: also what the character index stores per posting, counted as it indexes.
 */
export function scaledCount(counted: number, length: number, cap: number, window: number): number {
  if (length <= window) return Math.max(1, Math.min(cap, counted));
  if (counted >= cap) return cap;
  return Math.max(1, Math.min(cap, Math.round((counted * length) / window)));
}
