import type { Section } from '../types.ts';
import { splitLines } from './lines.ts';
import { splitChapters } from './chapters.ts';
import { splitNewsletter } from './newsletter.ts';
import { splitWebArticle } from './web-article.ts';

/** Longest first line that still reads as a title rather than a paragraph. */
const MAX_TITLE_CHARS = 60;
const MARKDOWN_HEADING = /^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$/;
/** A title must contain a letter or a Han character, and not be a menu or link list. */
const TITLE_LIKE = /[\p{L}\p{N}]/u;
const MENU_LIKE = /[|｜]|https?:\/\//;

function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.[^.]+$/, '') || base;
}

function titleOf(text: string, fallback: string): string {
  for (const line of text.split(/\r\n|\n|\r/)) {
    // `[人工智能]Transformer上进行递归 |`: a page title with its category tag and a trailing separator.
    const t = line.trim().replace(/\s*[|｜]\s*$/, '').replace(/^\[[^\]]{1,12}\]\s*/, '');
    if (!t) continue;
    const usable = t.length <= MAX_TITLE_CHARS && t.length >= 2 && TITLE_LIKE.test(t) && !MENU_LIKE.test(t);
    return usable ? t : fallback;
  }
  return fallback;
}

function splitMarkdown(text: string, fileName: string, pageTitle: string | undefined): Section[] {
  const sections: Section[] = [];
  let current: { title: string; start: number } | null = null;
  let inFence = false;
  const close = (end: number) => {
    const start = current ? current.start : 0;
    const body = text.slice(start, end);
    if (body.trim()) sections.push({ title: current?.title ?? pageTitle ?? titleOf(body, fileStem(fileName)), text: body, start });
  };
  for (const line of splitLines(text)) {
    if (/^\s{0,3}(```|~~~)/.test(line.text)) inFence = !inFence;
    const m = inFence ? null : MARKDOWN_HEADING.exec(line.text);
    if (!m) continue;
    close(line.start);
    current = { title: m[2]!, start: line.start };
  }
  close(text.length);
  return sections;
}

/** What the extractor knows about a file's structure. */
export interface SplitOptions {
  /** Split at Markdown headings (extracted HTML uses them too); default: by the file's extension. */
  markdown?: boolean;
  /** The page's own title (`<title>`), for the part before the first heading. */
  title?: string | undefined;
}

/**
 * Splits a decoded file into sections, so that a hit points at an article or chapter rather
 * than a whole file. Tries, in order: the newsletter format, a news page's byline, chapter headings,
 * Markdown headings (for `.md`),
 * then the whole file as one section titled by its first short line or its file name.
 * Never returns an empty list for text that has any non-space character.
 */
export function splitSections(text: string, fileName: string, options: SplitOptions = {}): Section[] {
  if (!text.trim()) return [];
  const lines = splitLines(text);
  const structured = splitNewsletter(text, lines) ?? splitWebArticle(text, lines) ?? splitChapters(text, lines, fileStem(fileName));
  if (structured) return structured;
  if (options.markdown ?? /\.(md|markdown)$/i.test(fileName)) {
    const sections = splitMarkdown(text, fileName, options.title);
    if (sections.length > 0) return sections;
  }
  return [{ title: options.title ?? titleOf(text, fileStem(fileName)), text, start: 0 }];
}
