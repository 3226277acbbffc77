import type { TermMatcher } from '../query/term-matcher.ts';
import type { NormalizedText, Range } from '../types.ts';
import { occurrences } from './occurrences.ts';

/**
 * Ranges of the original text to highlight for the given normalized terms: every occurrence,
 * mapped back through the normalization map, then sorted and merged so they never overlap.
 * Matchers (pinyin readings, other wordings) add the text they find. The result is plain data; the UI renders it as
 * text nodes and `<mark>` elements.
 */
export function highlightRanges(norm: NormalizedText, terms: readonly string[], limit = Infinity, matchers: readonly TermMatcher[] = []): Range[] {
  const ranges: Range[] = [];
  for (const term of terms) {
    for (const at of occurrences(norm.text, term, limit)) {
      ranges.push({ start: norm.map[at]!, end: norm.map[at + term.length]! });
    }
  }
  for (const matcher of matchers) {
    for (const r of matcher.ranges(norm.text)) ranges.push({ start: norm.map[r.start]!, end: norm.map[r.end]! });
  }
  return mergeRanges(ranges);
}

/** Sorts ranges and merges the overlapping or touching ones; drops empty ranges. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Range[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}
