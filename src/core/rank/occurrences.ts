/** Start offsets of every (possibly overlapping) occurrence of `term` in `text`. */
export function occurrences(text: string, term: string, limit = Infinity): number[] {
  const found: number[] = [];
  if (!term) return found;
  for (let i = text.indexOf(term); i !== -1 && found.length < limit; i = text.indexOf(term, i + 1)) found.push(i);
  return found;
}

/** Number of occurrences of `term` in `text`, counting overlaps. */
export function countOccurrences(text: string, term: string): number {
  let count = 0;
  for (let i = text.indexOf(term); i !== -1; i = text.indexOf(term, i + 1)) count++;
  return count;
}
