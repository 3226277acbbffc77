import type { Section } from '../types.ts';
import { splitChapters } from './chapters.ts';
import { splitFortunes } from './fortunes.ts';
import { splitLines } from './lines.ts';
import { splitMarkdown } from './markdown.ts';
import { splitNewsletter } from './newsletter.ts';
import { splitNumbered } from './numbered.ts';
import { splitPoems } from './poems.ts';
import { fileStem, firstLineTitle } from './titles.ts';
import { splitWebArticle } from './web-article.ts';

/** What the extractor knows about a file's structure. */
export interface SplitOptions {
  /** Split at Markdown headings (extracted HTML uses them too); default: by the file's extension. */
  markdown?: boolean;
  /** The page's own title (`<title>`), for the part before the first heading. */
  title?: string | undefined;
}

/**
 * Splits a decoded file into sections, so that a hit points at an article, chapter or piece
 * rather than a whole file. Tries, in order:
 *  1. formats with an unmistakable marker: the newsletter (`原文:` lines), a fortune file
 *     (`%` lines), a news page's byline, chapter headings (`第一章`);
 *  2. Markdown headings (for `.md` and extracted HTML), when the text has any;
 *  3. collections recognized by their shape: poems (`title / 〔朝代〕作者 / body`), then numbered
 *     chapter lines (`1. 标题` or `一、标题`, in order);
 *  4. the whole file as one section titled by its first short line or its file name.
 * Never returns an empty list for text that has any non-space character. Every step is linear
 * in the text: line scans by hand, and regexes only on short, trimmed lines.
 */
export function splitSections(text: string, fileName: string, options: SplitOptions = {}): Section[] {
  if (!text.trim()) return [];
  const lines = splitLines(text);
  const stem = fileStem(fileName);
  const untitled = (part: string) => options.title ?? firstLineTitle(part, stem);
  const markdown = options.markdown ?? /\.(md|markdown)$/i.test(fileName);
  const marked =
    splitNewsletter(text, lines) ??
    splitFortunes(text, lines, stem) ??
    splitWebArticle(text, lines) ??
    splitChapters(text, lines, stem, !markdown);
  if (marked) return marked;
  if (markdown) {
    const headed = splitMarkdown(text, lines, untitled);
    if (headed) return headed;
  }
  const collection = splitPoems(text, lines, untitled) ?? splitNumbered(text, lines, untitled);
  if (collection) return collection;
  return [{ title: untitled(text), text, start: 0 }];
}
