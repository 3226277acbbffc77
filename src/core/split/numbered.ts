import type { Section } from '../types.ts';
import { isBlank, isSpace, stripAnsi, type Line } from './lines.ts';
import { hasWords, shortenTitle } from './titles.ts';

/** `1. 标题` and `1、标题` are one style, `一、标题` another: a 公文 nests `1.` lists in `一、` chapters. */
type Style = 'arabic' | 'han';

/** A numbered line: its style, its number, and where the text after the number starts. */
interface Numbering {
  style: Style;
  value: number;
  rest: number;
}

/** A heading-like numbered line at the left margin. */
interface Candidate {
  line: number;
  value: number;
}

/** Three headings in order make a run of chapters; two are as likely a short list. */
const MIN_CHAPTERS = 3;
/** A heading is short: longer text after the number is a list item or a paragraph. */
const MAX_HEADING_CHARS = 40;
/** How many nested runs are followed at once (chapters, a list in a chapter, …); bounds the work per line. */
const MAX_DEPTH = 8;
const MAX_TITLE = 60;
const HAN_DIGITS = '〇零一二三四五六七八九';
/** Punctuation that makes a line a sentence: anywhere, or at its end. */
const SENTENCE_INSIDE = '。；;';
const SENTENCE_END = '，,、：:.';

function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10; // full-width ０–９
  return -1;
}

/** `一` → 1, `十二` → 12, `二十` → 20, `一百零五` → 105; NaN for anything else. */
function hanValue(s: string): number {
  let total = 0;
  let digit = -1;
  for (const ch of s) {
    const d = HAN_DIGITS.indexOf(ch);
    if (d >= 0 || ch === '两') {
      if (digit > 0) return NaN; // `一二` is not a number
      digit = ch === '两' ? 2 : Math.max(d - 1, 0);
    } else if (ch === '十' || ch === '百') {
      total += (digit < 0 ? 1 : digit) * (ch === '十' ? 10 : 100);
      digit = -1;
    } else return NaN;
  }
  return total + Math.max(digit, 0);
}

/** Reads `12.`, `１２．`, `3、` or `十二、` at `from`; `2.1` and `3.14` are not top-level numbers. */
function numberingAt(s: string, from: number): Numbering | null {
  let i = from;
  let value = 0;
  while (i < s.length && i - from < 4 && digitAt(s, i) >= 0) value = value * 10 + digitAt(s, i++);
  if (i > from && i - from <= 3) {
    const sep = s[i];
    if (sep === '、' || ((sep === '.' || sep === '．') && digitAt(s, i + 1) < 0)) return { style: 'arabic', value, rest: i + 1 };
    return null;
  }
  if (i > from) return null;
  while (i < s.length && i - from < 6 && (HAN_DIGITS.includes(s[i]!) || '十百两'.includes(s[i]!))) i++;
  if (i === from || s[i] !== '、') return null;
  const han = hanValue(s.slice(from, i));
  return Number.isNaN(han) ? null : { style: 'han', value: han, rest: i + 1 };
}

/** Whether a line starts (after spaces) with a number of any level: a list item, `1.1.` in a contents table. */
function startsNumbered(s: string): boolean {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  if (digitAt(s, i) >= 0) {
    while (digitAt(s, i) >= 0) i++;
    return '.．、'.includes(s[i] ?? ' ');
  }
  return numberingAt(s, i) !== null;
}

/**
 * The heading's number when the line reads as a chapter heading: at the left margin (or after at
 * most two ideographic spaces, as Chinese text indents every line), followed by a short title
 * with words and no sentence punctuation. Indented numbers (man pages' lists) are not headings.
 */
function headingNumber(line: string): Numbering | null {
  if (line.length > MAX_HEADING_CHARS + 20) return null;
  const s = stripAnsi(line);
  let i = 0;
  while (i < 2 && s[i] === '\u3000') i++;
  const n = numberingAt(s, i);
  if (!n) return null;
  const title = s.slice(n.rest).trim();
  if (!title || title.length > MAX_HEADING_CHARS || !hasWords(title) || SENTENCE_END.includes(title[title.length - 1]!)) return null;
  for (const ch of SENTENCE_INSIDE) if (title.includes(ch)) return null;
  return n;
}

/**
 * The candidates of one style that have text of their own: a line under them, before the next
 * candidate, that is neither blank nor numbered. A table of contents (`1. 第一步` over
 * `    1.1. …` lines) or a tight list (`1. 苹果` / `2. 香蕉`) has none.
 */
function candidates(lines: readonly Line[], headings: readonly (Numbering | null)[], style: Style): Candidate[] {
  const out: Candidate[] = [];
  let pending: Candidate | null = null;
  lines.forEach((line, i) => {
    const h = headings[i];
    if (h && h.style === style) pending = { line: i, value: h.value };
    else if (pending && !h && !isBlank(line.text) && !startsNumbered(line.text)) {
      out.push(pending);
      pending = null;
    }
  });
  return out;
}

/**
 * Follows the runs `1, 2, 3, …` among the candidates: a `1` while a run is open starts a nested run
 * (a list inside a chapter, or the chapters after a table of contents); a number that continues
 * an outer run closes the runs inside it. Other numbers are skipped. Each closed run is offered
 * to `offer`. At most MAX_DEPTH runs are open, so the work per candidate is bounded.
 */
function followRuns(cands: readonly Candidate[], offer: (run: Candidate[]) => void): void {
  const open: Candidate[][] = [];
  for (const c of cands) {
    const top = open[open.length - 1];
    if (top && c.value === top.length + 1) top.push(c);
    else if (c.value === 1) {
      if (open.length === MAX_DEPTH) offer(open.shift()!);
      open.push([c]);
    } else {
      for (let d = open.length - 2; d >= 0; d--) {
        if (c.value !== open[d]!.length + 1) continue;
        while (open.length > d + 1) offer(open.pop()!);
        open[d]!.push(c);
        break;
      }
    }
  }
  while (open.length > 0) offer(open.pop()!);
}

/** Where a run's headings start, and how far apart its first and last headings are. */
function span(lines: readonly Line[], run: readonly Candidate[]): number {
  return lines[run[run.length - 1]!.line]!.start - lines[run[0]!.line]!.start;
}

/**
 * Whether a run reads as the chapters of the text: three or more, the first within the first half
 * of the text, and the last chapter at most twice as long as all the others together. The last two
 * keep out a list of notes at the end of a text and a preface's `1. 2. 3.` before a long book.
 */
function isChapterRun(text: string, lines: readonly Line[], run: readonly Candidate[]): boolean {
  if (run.length < MIN_CHAPTERS) return false;
  const first = lines[run[0]!.line]!.start;
  const last = lines[run[run.length - 1]!.line]!.start;
  return first <= text.length / 2 && text.length - last <= 2 * (last - first);
}

/** The chapter run of the text: of the runs that read as chapters, the one spread widest. */
function bestRun(text: string, lines: readonly Line[]): Candidate[] | null {
  const headings = lines.map((l) => headingNumber(l.text));
  let best: Candidate[] | null = null;
  const offer = (run: Candidate[]) => {
    if (isChapterRun(text, lines, run) && (!best || span(lines, run) > span(lines, best))) best = run;
  };
  for (const style of ['han', 'arabic'] as const) followRuns(candidates(lines, headings, style), offer);
  return best;
}

/**
 * Splits a plain text whose chapters are numbered heading lines (`1. 安装` … `16. 附录`, or
 * `一、总则`, `二、…`) into one section per chapter, titled by its heading line. The numbers must
 * run in order from 1 (see isChapterRun for the rest), so a numbered list inside a paragraph, a
 * table of contents or a list that starts again at 1 does not split the text. Text before the
 * first chapter is its own section, titled by `prefaceTitle`. Returns null when there is no such run.
 */
export function splitNumbered(text: string, lines: readonly Line[], prefaceTitle: (preface: string) => string): Section[] | null {
  const run = bestRun(text, lines);
  if (!run) return null;
  const sections: Section[] = [];
  const first = lines[run[0]!.line]!.start;
  if (!isBlank(text.slice(0, first))) sections.push({ title: prefaceTitle(text.slice(0, first)), text: text.slice(0, first), start: 0 });
  run.forEach((c, k) => {
    const start = lines[c.line]!.start;
    const end = k + 1 < run.length ? lines[run[k + 1]!.line]!.start : text.length;
    sections.push({ title: shortenTitle(stripAnsi(lines[c.line]!.text).trim(), MAX_TITLE), text: text.slice(start, end), start });
  });
  return sections;
}
