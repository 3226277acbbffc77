import type { Range, Snippet } from '../types.ts';

/** Target snippet length in original characters. */
export const SNIPPET_CHARS = 120;

/**
 * The window of `text` of about {@link SNIPPET_CHARS} characters that holds the most
 * highlight ranges (ties: the earliest), with the ranges re-based to the window.
 * Without ranges, the start of the text.
 * @param ranges sorted, disjoint ranges in `text` (see `highlightRanges`)
 */
export function makeSnippet(text: string, ranges: readonly Range[], size = SNIPPET_CHARS): Snippet {
  let bestStart = 0;
  let bestCount = 0;
  let j = 0;
  for (let i = 0; i < ranges.length; i++) {
    // Window starting a little before range i; count the ranges that fit entirely in it.
    const start = ranges[i]!.start;
    if (j < i) j = i;
    while (j < ranges.length && ranges[j]!.end <= start + size) j++;
    const count = j - i;
    if (count > bestCount) {
      bestCount = count;
      bestStart = start;
    }
  }
  // Give the first hit some leading context, and do not run past the end.
  let start = Math.max(0, bestCount > 0 ? bestStart - Math.floor(size / 4) : 0);
  let end = Math.min(text.length, start + size);
  start = Math.max(0, Math.min(start, end - size));
  // Never cut a surrogate pair in half.
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
  const marks = ranges
    .filter((r) => r.start < end && r.end > start)
    .map((r) => ({ start: Math.max(r.start, start) - start, end: Math.min(r.end, end) - start }));
  return { text: text.slice(start, end), marks, cutStart: start > 0, cutEnd: end < text.length };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
