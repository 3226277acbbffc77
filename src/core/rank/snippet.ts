import type { Range, Snippet } from '../types.ts';

/** Target snippet length in original characters (one window). */
export const SNIPPET_CHARS = 120;
/** Windows in a multi-part snippet, and the length of each when there are several. */
export const SNIPPET_WINDOWS = 3;
export const WINDOW_CHARS = 60;
/** What stands between two windows of one snippet. */
const JOIN = ' … ';

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The window of about `size` characters holding the most ranges (ties: the earliest), with a
 * little leading context; the start of the text when there are no ranges.
 */
function bestWindow(text: string, ranges: readonly Range[], size: number): Range & { count: number } {
  let bestStart = 0;
  let bestCount = 0;
  let j = 0;
  for (let i = 0; i < ranges.length; i++) {
    const start = ranges[i]!.start;
    if (j < i) j = i;
    while (j < ranges.length && ranges[j]!.end <= start + size) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      bestStart = start;
    }
  }
  // A range longer than the window holds none whole: show its start.
  if (bestCount === 0 && ranges.length > 0) bestStart = ranges[0]!.start;
  let start = Math.max(0, ranges.length > 0 ? bestStart - Math.floor(size / 4) : 0);
  let end = Math.min(text.length, start + size);
  start = Math.max(0, Math.min(start, end - size));
  // Never cut a surrogate pair in half.
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
  return { start, end, count: bestCount };
}

/** Joins windows of `text` (sorted, disjoint) into one snippet, re-basing the ranges that fall in them. */
function assemble(text: string, windows: readonly Range[], ranges: readonly Range[]): Snippet {
  let out = '';
  const marks: Range[] = [];
  windows.forEach((w, i) => {
    if (i > 0) out += JOIN;
    for (const r of ranges) {
      if (r.start < w.end && r.end > w.start) {
        marks.push({ start: out.length + Math.max(r.start, w.start) - w.start, end: out.length + Math.min(r.end, w.end) - w.start });
      }
    }
    out += text.slice(w.start, w.end);
  });
  return { text: out, marks, cutStart: windows[0]!.start > 0, cutEnd: windows[windows.length - 1]!.end < text.length };
}

/**
 * Up to {@link SNIPPET_WINDOWS} windows over the densest clusters of hits, in text order, joined
 * with `…`, so hits far apart in a long article all show. When the hits fit one window of about
 * {@link SNIPPET_CHARS} characters, that window (the start of the text when there are none).
 * @param ranges sorted, disjoint ranges in `text` (see `highlightRanges`)
 */
export function makeSnippets(text: string, ranges: readonly Range[], windows = SNIPPET_WINDOWS): Snippet {
  const single = bestWindow(text, ranges, SNIPPET_CHARS);
  if (single.count === ranges.length) return assemble(text, [single], ranges);
  const picked: Range[] = [];
  let remaining = [...ranges];
  while (picked.length < windows && remaining.length > 0) {
    const w = bestWindow(text, remaining, WINDOW_CHARS);
    const clash = picked.find((p) => w.start < p.end && w.end > p.start);
    // A window overlapping one already taken is cut back to the free text after it.
    const window = clash ? { start: clash.end, end: Math.max(clash.end, w.end) } : w;
    if (window.end > window.start) picked.push(window);
    const before = remaining.length;
    remaining = remaining.filter((r) => r.end <= w.start || r.start >= w.end);
    // Every round drops a range, or a range no window can hold would be looked at forever.
    if (remaining.length === before) remaining.shift();
  }
  picked.sort((a, b) => a.start - b.start);
  return assemble(text, picked, ranges);
}
