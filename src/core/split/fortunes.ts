import type { Section } from '../types.ts';
import { isSpace, type Line } from './lines.ts';
import { authorOf } from './poems.ts';
import { cleanTitleLine, hasWords, shortenTitle } from './titles.ts';

/** Fewer separators than this is a note with a `%` line in it, not a fortune file. */
const MIN_SEPARATORS = 2;
/** A fortune's title is its first line; a quotation's first line can be a long sentence. */
const MAX_FORTUNE_TITLE = 40;

/** Whether a line is `%` alone (spaces around it allowed): fortune's separator between pieces. */
export function isFortuneSeparator(line: string): boolean {
  let i = 0;
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  if (line[i] !== '%') return false;
  for (i++; i < line.length; i++) if (!isSpace(line.charCodeAt(i))) return false;
  return true;
}

/** Whether `text[start, end)` is only white space, without slicing it. */
function isBlankRange(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Sets a piece's title and author: its first line with words, shortened; when the next line is
 * a poem's author line (`作者：张九龄`, fortune-zh's tang300 and song100), that author is the source.
 */
function describe(lines: readonly Line[], from: number, to: number, section: Section): Section {
  let first = '';
  for (let k = from; k < to; k++) {
    const t = cleanTitleLine(lines[k]!.text);
    if (!t) continue;
    first ||= t;
    if (!hasWords(t)) continue;
    section.title = shortenTitle(t, MAX_FORTUNE_TITLE);
    const author = k + 1 < to ? authorOf(lines[k + 1]!.text) : null;
    if (author) section.source = author;
    return section;
  }
  // A piece of symbols only (`(￣▽￣")`, fortune-zh's emoticons) is its own title.
  section.title = shortenTitle(first, MAX_FORTUNE_TITLE);
  return section;
}

/**
 * Splits a fortune file (the format of `fortune`'s data files: pieces separated by lines that
 * hold `%` alone) into one section per piece, titled by the piece's first line. The separator
 * lines belong to no section; everything else does. Returns null when the text has fewer than
 * two separator lines or fewer than two non-blank pieces.
 */
export function splitFortunes(text: string, lines: readonly Line[], untitled: string): Section[] | null {
  const separators: number[] = [];
  lines.forEach((line, i) => {
    if (isFortuneSeparator(line.text)) separators.push(i);
  });
  if (separators.length < MIN_SEPARATORS) return null;
  const sections: Section[] = [];
  let from = 0;
  for (let k = 0; k <= separators.length; k++) {
    const sep = k < separators.length ? separators[k]! : lines.length;
    const start = from < lines.length ? lines[from]!.start : text.length;
    const end = sep < lines.length ? lines[sep]!.start : text.length;
    if (!isBlankRange(text, start, end)) {
      const piece = describe(lines, from, sep, { title: '', text: text.slice(start, end), start });
      piece.title ||= `${untitled} #${sections.length + 1}`;
      sections.push(piece);
    }
    from = sep + 1;
  }
  return sections.length >= 2 ? sections : null;
}
