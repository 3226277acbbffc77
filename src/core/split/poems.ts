import type { Section } from '../types.ts';
import { isBlank, isSpace, stripAnsi, type Line } from './lines.ts';
import { cleanTitleLine, hasWords, shortenTitle } from './titles.ts';

/**
 * Dynasties and periods as poem anthologies write them, in both scripts. The author line is only
 * recognized with one of these, so `【注释】` or `[图片]` lines never pass for an author line.
 */
const DYNASTIES = new Set(
  (
    '先秦 秦 周 汉 漢 两汉 兩漢 西汉 西漢 东汉 東漢 三国 三國 魏 蜀 吴 吳 晋 晉 西晋 西晉 东晋 東晉 南北朝 南朝 北朝 ' +
    '刘宋 劉宋 齐 齊 梁 陈 陳 北魏 北齐 北齊 北周 隋 唐 五代 十国 十國 五代十国 五代十國 南唐 后蜀 後蜀 前蜀 ' +
    '宋 北宋 南宋 辽 遼 金 元 明 清 近代 现代 現代 近现代 近現代 当代 當代 民国 民國'
  )
    .split(' ')
    .flatMap((d) => [d, `${d}代`]),
);
/** `〔唐〕`, `【唐】`, `[唐]`, `（唐）`, …: opening bracket → closing bracket. */
const BRACKETS: Readonly<Record<string, string>> = { '〔': '〕', '【': '】', '[': ']', '［': '］', '（': '）', '(': ')', '〖': '〗' };
/** Between a bracketless dynasty and the name: `唐·李白`, `唐代：李白`, `唐 李白`. */
const NAME_SEPARATORS = '·・•‧･:：';
/** An author line is short; longer lines are never looked at (this also bounds every scan below). */
const MAX_AUTHOR_LINE = 80;
const MAX_NAME = 30;
/** Two poems make a collection; one poem (or a note quoting one) stays whole. */
const MIN_POEMS = 2;
/** A poem title can be long (`前賦〈春居雜興〉詩二首，間半歲…`); the result list shows its start. */
const MAX_POEM_TITLE = 60;
const SENTENCE_PUNCTUATION = '。！？；，!?;,';

/** A name: short, with words, and not a sentence (no sentence punctuation). */
function isName(name: string, max: number): boolean {
  if (name.length > max) return false;
  for (let i = 0; i < name.length; i++) if (SENTENCE_PUNCTUATION.includes(name[i]!)) return false;
  // A Han first character is a word; only other names need the Unicode property test.
  const first = name.charCodeAt(0);
  return (first >= 0x3400 && first <= 0x9fff) || hasWords(name);
}

/** Skips up to three spaces or name dots after a bracketed dynasty: `〔唐〕 李白`, `【宋】·苏轼`. */
function nameStart(t: string, from: number): number {
  let i = from;
  while (i < t.length && i - from < 3 && (isSpace(t.charCodeAt(i)) || t[i] === '·' || t[i] === '・')) i++;
  return i;
}

/** `〔唐〕李白`, `【宋】苏轼`, `（唐）佚名`, `〔唐〕` (author unknown). */
function bracketed(t: string, close: string): boolean {
  const end = t.indexOf(close, 1);
  if (end < 0 || end > 6 || !DYNASTIES.has(t.slice(1, end))) return false;
  const from = nameStart(t, end + 1);
  return from === t.length || isName(t.slice(from), MAX_NAME);
}

/** `李白〔唐〕`, `李白（唐代）`: the name first, the dynasty in brackets at the end. */
function trailingBracket(t: string, open: string): boolean {
  const begin = t.lastIndexOf(open);
  return begin > 0 && t.length - begin <= 7 && DYNASTIES.has(t.slice(begin + 1, -1)) && isName(t.slice(0, begin).trimEnd(), MAX_NAME);
}

/** `唐·李白`, `唐代：李白`, `宋 苏轼`: a dynasty, a separator, a name. */
function dotted(t: string): boolean {
  for (let len = Math.min(4, t.length - 1); len >= 1; len--) {
    if (!DYNASTIES.has(t.slice(0, len))) continue;
    const sep = t[len]!;
    if (NAME_SEPARATORS.includes(sep)) return isName(t.slice(len + 1).trim(), MAX_NAME);
    // After a bare space only a name of two to four Han characters (`宋 苏轼`): a line such as
    // `金 100 克` starts like an author line too.
    if (isSpace(sep.charCodeAt(0))) return /^\p{Script=Han}{2,4}$/u.test(t.slice(len + 1).trim());
  }
  return false;
}

/** Closing bracket → opening bracket. */
const OPENING = new Map(Object.entries(BRACKETS).map(([open, close]) => [close, open]));
/** Character codes an author line can start with (after spaces), and end with; codes, so no string is made per line. */
const STARTS = new Set(['作', '\u001b', ...Object.keys(BRACKETS), ...[...DYNASTIES].map((d) => d[0]!)].map((c) => c.charCodeAt(0)));
const ENDS = new Set([...OPENING.keys()].map((c) => c.charCodeAt(0)));
const LABEL = /^作者\s{0,3}[:：]\s{0,3}/;

/** Most lines of a poem fail here, on their first or last character, before any slicing. */
function mayBeAuthor(line: string): boolean {
  let a = 0;
  let b = line.length - 1;
  while (a <= b && isSpace(line.charCodeAt(a))) a++;
  while (b >= a && isSpace(line.charCodeAt(b))) b--;
  return a < b && (STARTS.has(line.charCodeAt(a)) || ENDS.has(line.charCodeAt(b)));
}

/**
 * The author line of a poem (`〔宋〕苏轼`, `【唐】李白`, `唐·杜甫`, `李白〔唐〕`, `作者：张九龄`), as it
 * should be shown (colour codes, spaces and an `作者：` label removed), or null when the line is
 * not one. Cheap on other lines: long lines and lines that do not start or end like an author
 * line are refused after a character or two.
 */
export function authorOf(line: string): string | null {
  if (line.length > MAX_AUTHOR_LINE || !mayBeAuthor(line)) return null;
  const t = stripAnsi(line).trim();
  if (t.length < 2) return null;
  if (t[0] === '作') {
    const label = LABEL.exec(t);
    if (label) return isName(t.slice(label[0].length), MAX_NAME) ? t.slice(label[0].length) : null;
  }
  const close = BRACKETS[t[0]!];
  if (close && bracketed(t, close)) return t;
  const open = OPENING.get(t[t.length - 1]!);
  if (open && trailingBracket(t, open)) return t;
  return dotted(t) ? t : null;
}

/** A poem starts at its title line, the non-blank line right above an author line. */
interface Head {
  title: number;
  author: string;
}

function findHeads(lines: readonly Line[]): Head[] {
  const heads: Head[] = [];
  for (let i = 1; i < lines.length; i++) {
    const author = authorOf(lines[i]!.text);
    // The title line may itself read like an author line (`吳 赤壁`, a poem on the state of Wu).
    if (author == null || isBlank(lines[i - 1]!.text)) continue;
    heads.push({ title: i - 1, author });
  }
  // A poem has a body: a title and author with nothing under them before the next poem is a
  // line of a table of contents, and stays with the text around it.
  return heads.filter((head, k) => {
    const stop = k + 1 < heads.length ? heads[k + 1]!.title : lines.length;
    for (let j = head.title + 2; j < stop; j++) if (!isBlank(lines[j]!.text)) return true;
    return false;
  });
}

/**
 * Splits a collection of poems written as `title / 〔朝代〕作者 / body / blank line` (the shape of
 * anthologies copied from the web, and of the benchmark's scale corpus) into one section per
 * poem: titled by the poem's title, with the author line as `source`. Text before the first poem
 * is its own section, titled by `prefaceTitle`. Returns null for fewer than two poems.
 */
export function splitPoems(text: string, lines: readonly Line[], prefaceTitle: (preface: string) => string): Section[] | null {
  const heads = findHeads(lines);
  if (heads.length < MIN_POEMS) return null;
  const sections: Section[] = [];
  const first = lines[heads[0]!.title]!.start;
  if (!isBlank(text.slice(0, first))) sections.push({ title: prefaceTitle(text.slice(0, first)), text: text.slice(0, first), start: 0 });
  heads.forEach((head, k) => {
    const start = lines[head.title]!.start;
    const end = k + 1 < heads.length ? lines[heads[k + 1]!.title]!.start : text.length;
    const title = shortenTitle(cleanTitleLine(lines[head.title]!.text), MAX_POEM_TITLE) || head.author;
    sections.push({ title, source: head.author, text: text.slice(start, end), start });
  });
  return sections;
}
