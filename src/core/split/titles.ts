import { isSpace, stripAnsi } from './lines.ts';

/** Longest first line that still reads as a title rather than a paragraph. */
const MAX_TITLE_CHARS = 60;
/** A title must contain a letter or a Han character, and not be a menu or link list. */
const TITLE_LIKE = /[\p{L}\p{N}]/u;
const MENU_LIKE = /[|｜]|https?:\/\//;
/** `[人工智能]` before a page title: a category tag of at most 12 characters. */
const CATEGORY_TAG = /^\[[^\]]{1,12}\]\s*/;
/** `题目:《塞上》` (fortune-zh's poems): the label is not part of the title. */
const TITLE_LABEL = /^(?:题目|題目|标题|標題)\s{0,3}[:：]\s{0,3}/;
/** Where a long title may be cut: after a clause. */
const CLAUSE_END = '，。；：！？、,;:!?';

/** A file's name without folders and extension, the title of last resort. */
export function fileStem(fileName: string): string {
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  const base = fileName.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  return (dot >= 0 && dot < base.length - 1 ? base.slice(0, dot) : base) || base;
}

/** `标题 |` → `标题`: one trailing separator and the spaces around it, without a backtracking regex. */
function dropTrailingBar(t: string): string {
  const last = t[t.length - 1];
  return last === '|' || last === '｜' ? t.slice(0, -1).trimEnd() : t;
}

/**
 * The title of a text: its first non-blank line when that line reads as a title (2–60 characters,
 * a letter or Han character, no `|` menu or link), else `fallback`. Only the lines before the
 * first non-blank one are looked at, so the cost does not grow with the file.
 */
export function firstLineTitle(text: string, fallback: string): string {
  let start = 0;
  while (start < text.length) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    // `[人工智能]Transformer上进行递归 |`: a page title with its category tag and a trailing separator.
    const t = dropTrailingBar(text.slice(start, end).trim()).replace(CATEGORY_TAG, '');
    if (t) {
      const usable = t.length <= MAX_TITLE_CHARS && t.length >= 2 && TITLE_LIKE.test(t) && !MENU_LIKE.test(t);
      return usable ? t : fallback;
    }
    start = end + 1;
  }
  return fallback;
}

/** A title line as shown: colour codes, surrounding spaces and a `题目:` label removed. */
export function cleanTitleLine(line: string): string {
  return stripAnsi(line).trim().replace(TITLE_LABEL, '');
}

/**
 * Shortens a title to at most `max` characters (plus `…`), cutting after a clause when one ends
 * in the second half, so a fortune's first sentence or an overlong poem title stays readable.
 */
export function shortenTitle(title: string, max: number): string {
  if (title.length <= max) return title;
  let cut = max;
  if (title.charCodeAt(cut - 1) >= 0xd800 && title.charCodeAt(cut - 1) <= 0xdbff) cut--;
  for (let i = cut - 1; i >= max / 2; i--) {
    if (CLAUSE_END.includes(title[i]!) || isSpace(title.charCodeAt(i))) {
      cut = i;
      break;
    }
  }
  return `${title.slice(0, cut).trimEnd()}…`;
}

/** Whether a title candidate has something to read: a letter, digit or Han character. */
export function hasWords(t: string): boolean {
  return TITLE_LIKE.test(t);
}
