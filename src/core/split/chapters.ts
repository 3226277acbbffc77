import type { Section } from '../types.ts';
import type { Line } from './lines.ts';

/** `第一章 风起`, `第12回`, `第三卷`, `Chapter 3: …` — a chapter heading on a line of its own. */
const CHAPTER_HEADING = /^\s*(?:第[零〇一二三四五六七八九十百千万两\d]{1,8}[章回节節卷部篇集](?:\s.{0,40}|[^\s。，！？,.!?]{0,40})|chapter\s+[\divxlc]+\b.{0,60})\s*$/i;
/** A single heading is more likely a sentence that starts like one; a book has several. */
const MIN_CHAPTERS = 2;

/**
 * Splits a novel or long text at its chapter headings, so a hit points at the chapter.
 * Text before the first chapter (a preface, a table of contents) becomes its own section.
 * Returns null when the text has fewer than two chapter headings.
 */
export function splitChapters(text: string, lines: readonly Line[], untitled: string): Section[] | null {
  const heads = lines.filter((l) => CHAPTER_HEADING.test(l.text));
  if (heads.length < MIN_CHAPTERS) return null;
  const sections: Section[] = [];
  const preface = text.slice(0, heads[0]!.start);
  if (preface.trim()) sections.push({ title: untitled, text: preface, start: 0 });
  heads.forEach((head, k) => {
    const end = k + 1 < heads.length ? heads[k + 1]!.start : text.length;
    sections.push({ title: head.text.trim(), text: text.slice(head.start, end), start: head.start });
  });
  return sections;
}
