import type { Section } from '../types.ts';
import type { Line } from './lines.ts';
import { firstLineTitle } from './titles.ts';

/** `第一章 风起`, `第12回`, `第三卷`, `Chapter 3: …` — a chapter heading on a line of its own. */
const CHAPTER_HEADING = /^(?:第[零〇一二三四五六七八九十百千万两\d]{1,8}[章回节節卷部篇集](?:\s.{0,40}|[^\s。，！？,.!?]{0,40})|chapter\s+[\divxlc]+\b.{0,60})$/i;
/**
 * `第 3 章 修改源代码` and `章 3. 修改原始碼`: the chapter lines of Debian's text manuals (zh-cn and
 * zh-tw, with no-break spaces). Only in plain text: in a web page these lines are navigation links
 * (`上一頁 章 2. 第一步`), and the page's own `#` headings split it.
 */
const MANUAL_CHAPTER = /^(?:第\s[\d零〇一二三四五六七八九十百]{1,8}\s章|章\s?\d{1,3}[.．])\s.{1,40}$/;
/** No heading is longer than this, so longer lines are refused before a regex looks at them. */
const MAX_HEADING_LINE = 80;

/** Whether a line is a chapter heading; linear in the line (the regexes see short trimmed lines only). */
function isChapterHeading(line: string, manual: boolean): boolean {
  if (line.length > MAX_HEADING_LINE * 4) return false;
  const t = line.trim();
  return t.length <= MAX_HEADING_LINE && (CHAPTER_HEADING.test(t) || (manual && MANUAL_CHAPTER.test(t)));
}

/** A single heading is more likely a sentence that starts like one; a book has several. */
const MIN_CHAPTERS = 2;

/**
 * Splits a novel or long text at its chapter headings, so a hit points at the chapter.
 * Text before the first chapter (a preface, a table of contents) becomes its own section.
 * Returns null when the text has fewer than two chapter headings.
 * @param manual whether the text is plain text, where Debian's manual chapter lines count too.
 */
export function splitChapters(text: string, lines: readonly Line[], untitled: string, manual = true): Section[] | null {
  const heads = lines.filter((l) => isChapterHeading(l.text, manual));
  if (heads.length < MIN_CHAPTERS) return null;
  const sections: Section[] = [];
  const preface = text.slice(0, heads[0]!.start);
  if (preface.trim()) sections.push({ title: firstLineTitle(preface, untitled), text: preface, start: 0 });
  heads.forEach((head, k) => {
    const end = k + 1 < heads.length ? heads[k + 1]!.start : text.length;
    sections.push({ title: head.text.trim(), text: text.slice(head.start, end), start: head.start });
  });
  return sections;
}
