import type { Section } from '../types.ts';
import { isSpace, type Line } from './lines.ts';

/** A code fence: ``` or ~~~ after at most three spaces. */
const FENCE = /^\s{0,3}(```|~~~)/;

/**
 * The title of an ATX heading line (`## 1.1 细节 ##` → `1.1 细节`), or null. Hand-written: the
 * regex it replaces, `^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$`, took seconds on a `#` line followed
 * by a few thousand spaces. Same result: the title is the shortest non-empty prefix of the rest
 * that leaves only spaces and `#`s after it.
 */
export function headingTitle(line: string): string | null {
  let i = 0;
  while (i < 3 && i < line.length && isSpace(line.charCodeAt(i))) i++;
  const hashes = i;
  while (i < line.length && line[i] === '#') i++;
  if (i === hashes || i - hashes > 6 || i >= line.length || !isSpace(line.charCodeAt(i))) return null;
  const rest = line.slice(i).trim();
  if (!rest) return null;
  let end = rest.length;
  while (end > 0 && rest[end - 1] === '#') end--;
  while (end > 0 && isSpace(rest.charCodeAt(end - 1))) end--;
  return end > 0 ? rest.slice(0, end) : rest.slice(0, 1);
}

/**
 * Splits Markdown (or text extracted from HTML, whose headings are `#` lines) at its headings,
 * ignoring `#` lines inside code fences. The part before the first heading is a section titled by
 * `untitled`. Returns null when the text has no heading.
 */
export function splitMarkdown(text: string, lines: readonly Line[], untitled: (preface: string) => string): Section[] | null {
  const sections: Section[] = [];
  let current: { title: string; start: number } | null = null;
  let inFence = false;
  let headings = 0;
  const close = (end: number) => {
    const start = current ? current.start : 0;
    const body = text.slice(start, end);
    if (body.trim()) sections.push({ title: current?.title ?? untitled(body), text: body, start });
  };
  for (const line of lines) {
    if (FENCE.test(line.text)) inFence = !inFence;
    const title = inFence ? null : headingTitle(line.text);
    if (title === null) continue;
    close(line.start);
    current = { title, start: line.start };
    headings++;
  }
  close(text.length);
  return headings > 0 ? sections : null;
}
