/** Occurrences looked at per term; enough to find a close pair, bounded for long chapters. */
const MAX_POSITIONS = 256;

/**
 * The shortest span of text (in characters) that holds one occurrence of every term, or
 * Infinity when a term is missing. One term: its own length.
 * @param positions for each term, its sorted start offsets
 * @param lengths for each term, its length
 */
export function minimalSpan(positions: readonly (readonly number[])[], lengths: readonly number[]): number {
  if (positions.length === 0 || positions.some((p) => p.length === 0)) return Infinity;
  const lists = positions.map((p) => p.slice(0, MAX_POSITIONS));
  const at = lists.map(() => 0);
  let best = Infinity;
  for (;;) {
    let lo = 0;
    let start = Infinity;
    let end = -Infinity;
    lists.forEach((list, t) => {
      const p = list[at[t]!]!;
      if (p < start) {
        start = p;
        lo = t;
      }
      end = Math.max(end, p + lengths[t]!);
    });
    best = Math.min(best, end - start);
    // Advance the earliest term; when it runs out, no shorter span remains.
    at[lo]!++;
    if (at[lo]! >= lists[lo]!.length) return best;
  }
}
