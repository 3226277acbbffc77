import { normalizeText } from '../normalize/normalize.ts';
import { isBreadcrumb, isLinkList, isMenuItem, isSelfEvidentRun, isSelfEvidentTokenList, isTokenList, pipeCount } from './menus.ts';

/**
 * Removes web chrome from scraped pages: link and spam lines, counters and "follow/log in"
 * widgets, navigation runs, and the trailer that starts at markers like 原文标题 / 相关推荐 /
 * 发布评论请先 登录. Rules match the NORMALIZED line (Simplified, lower case), so one rule covers
 * both scripts.
 *
 * A line goes only on EVIDENCE that it is chrome, never because it is short or busy: exact chrome
 * lines and trailer markers are evidence by themselves; menu shapes (runs of short labels, lines
 * of space-separated labels) go only in a page that shows other chrome, and only outside its
 * content. Option lists, formulas, tables and lists of names in documents stay.
 */

/** Lines longer than this are content, whatever they contain; only their start is checked for a trailer marker. */
const MAX_CHROME_LINE = 80;

/**
 * A line that is chrome by itself. `evidence: false`: removed, but no proof that the file is a
 * web page; `raw`: matched against the line as it is (indentation kept) instead of normalized.
 */
export const CHROME_LINES: readonly { name: string; pattern: RegExp; evidence?: false; raw?: true }[] = [
  { name: 'follow', pattern: /^\+?\s*关注$/ },
  { name: 'counter', pattern: /^\d+\s*(文章|浏览量|次阅读|阅读|评论|收藏|点赞|人收藏)$/ },
  // No bare 评论 / 收藏: a one-word line like that can be a heading of a document.
  { name: 'counter-label', pattern: /^(浏览量|次阅读|收藏\s*人收藏|加入交流群|扫码添加小助手|微信小助手二维码|加入工程师交流群)$/ },
  { name: 'image-file', pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(png|jpe?g|gif|webp)$/ },
  { name: 'editor', pattern: /^(审核编辑|责任编辑)[:：\s]/ },
  // One to three bars at the start of a line: a scraped page's empty layout cells. An indented
  // or wider one is part of a drawing (a man page's boot diagram) and stays.
  { name: 'separator', pattern: /^[|｜]( ?[|｜]){0,2}[ \t\r\n]*$/, evidence: false, raw: true },
];

/** A line where the article is over: it and everything after it is the page's trailer. */
export const TRAILER_START: readonly { name: string; pattern: RegExp }[] = [
  { name: 'source-title', pattern: /^原文标题[:：]/ },
  { name: 'comment-login', pattern: /^发布评论请先\s*登录$/ },
  { name: 'related', pattern: /^(相关推荐|热点推荐|相关阅读|猜你喜欢)$/ },
  { name: 'disclaimer', pattern: /^声明[:：]\s*本文内容/ },
  { name: 'prev-next', pattern: /^上一篇(文章)?(\s|$)/ },
];

/** Lines removed by one rule: how many (non-blank) and the first few, for `souwen inspect`. */
export interface RemovedLines {
  lines: number;
  examples: string[];
}

/** What removing boilerplate did: per rule, times it fired (`counts`) and the lines it removed (`removed`). */
export interface BoilerplateResult {
  text: string;
  counts: Record<string, number>;
  removed: Record<string, RemovedLines>;
}

const MAX_EXAMPLES = 3;
const EXAMPLE_CHARS = 60;

/** Collects rule hits, removed lines and whether the text has shown evidence of being a web page. */
class Tally {
  readonly counts: Record<string, number> = {};
  readonly removed: Record<string, RemovedLines> = {};
  webPage = false;

  hit(rule: string, lines: readonly string[], evidence = true): void {
    this.counts[rule] = (this.counts[rule] ?? 0) + 1;
    const r = (this.removed[rule] ??= { lines: 0, examples: [] });
    for (const raw of lines) {
      const line = raw.trim();
      if (!line) continue;
      r.lines++;
      if (r.examples.length < MAX_EXAMPLES) r.examples.push(line.length > EXAMPLE_CHARS ? `${line.slice(0, EXAMPLE_CHARS)}…` : line);
    }
    if (evidence) this.webPage = true;
  }
}

/**
 * First characters (both scripts) that a chrome or trailer line can start with. Lines starting
 * otherwise skip normalization: on a poem corpus nearly every line is short, and normalizing each
 * would double the import's normalization cost. Keep in step with the rules above.
 */
const RULE_FIRST_CHARS = new Set([...'+关關浏瀏次阅閱评評收点點人加扫掃微审審责責|｜原发發相热熱猜声聲上0123456789abcdefABCDEF']);

/** A bare number on its own line right before the trailer is the page's view counter. */
const BARE_NUMBER = /^\s*\d+\s*$/;

/** The chrome or trailer rule a line matches, if any. */
function lineRule(raw: string): { name: string; trailer: boolean; evidence: boolean } | undefined {
  const line = raw.trim();
  if (line.length === 0 || !RULE_FIRST_CHARS.has(line[0]!)) return undefined;
  const norm = normalizeText(line.slice(0, MAX_CHROME_LINE)).replace(/\s+/g, ' ');
  const trailer = TRAILER_START.find((r) => r.pattern.test(norm));
  if (trailer) return { name: trailer.name, trailer: true, evidence: true };
  const chrome = line.length <= MAX_CHROME_LINE ? CHROME_LINES.find((r) => r.pattern.test(r.raw ? raw : norm)) : undefined;
  return chrome && { name: chrome.name, trailer: false, evidence: chrome.evidence ?? true };
}

/** A `|` menu not part of a table: a table's neighbouring rows have as many bars. */
function isMenuLine(lines: readonly string[], i: number): boolean {
  const line = lines[i]!.trim();
  if (isBreadcrumb(line)) return true;
  if (!isLinkList(line)) return false;
  const bars = pipeCount(line);
  return ![lines[i - 1], lines[i + 1]].some((n) => n !== undefined && pipeCount(n) === bars);
}

/** Pass 1: lines that are chrome by themselves, and the trailer. */
function dropChromeLines(lines: readonly string[], tally: Tally): string[] {
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const rule = lineRule(raw);
    if (rule?.trailer) {
      const counter: string[] = [];
      while (kept.length > 0 && (BARE_NUMBER.test(kept[kept.length - 1]!) || !kept[kept.length - 1]!.trim())) counter.unshift(kept.pop()!);
      tally.hit(rule.name, [...counter, ...lines.slice(i)]);
      if (kept.length > 0 && !kept[kept.length - 1]!.endsWith('\n')) kept[kept.length - 1] += '\n';
      break;
    }
    if (rule) tally.hit(rule.name, [raw], rule.evidence);
    else if (isMenuLine(lines, i)) tally.hit('link-list', [raw]);
    else if (isSelfEvidentTokenList(raw.trim())) tally.hit('token-list', [raw]);
    else kept.push(raw);
  }
  return kept;
}

/** Lines that read as content: long, or a sentence. Navigation lies before the first or after the last. */
const isContentLine = (line: string) => line.trim().length > 40 || /[。，！？；、,.!?;]/.test(line);

/** Consecutive menu-like lines needed to call them a menu (a poem or list has punctuation or markers). */
const MENU_RUN = 6;

/** Runs of ≥ MENU_RUN menu-like lines (index ranges), and lone token-list lines, outside the content. */
function navCandidates(lines: readonly string[]): { runs: [number, number][]; tokenLists: number[] } {
  const runs: [number, number][] = [];
  const tokenLists: number[] = [];
  const first = lines.findIndex(isContentLine);
  if (first === -1) return { runs, tokenLists }; // no content at all: nothing to tell navigation from
  let last = lines.length - 1;
  while (last > first && !isContentLine(lines[last]!)) last--;
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && isMenuItem(lines[j]!)) j++;
    const outside = j <= first || i > last;
    if (outside && j - i >= MENU_RUN) runs.push([i, j]);
    else if (outside && j === i && isTokenList(lines[i]!.trim())) tokenLists.push(i);
    i = Math.max(j, i + 1);
  }
  return { runs, tokenLists };
}

/**
 * Pass 2: navigation runs and token lists outside the content, only in a text that has shown it
 * is a web page (a chrome line, a trailer, or a run of nav words like 首页 / 下一页): the same
 * shapes in a document (a function list ending a help page, names under a heading) are content.
 */
function dropNavigation(lines: readonly string[], tally: Tally): string[] {
  const { runs, tokenLists } = navCandidates(lines);
  const webPage = tally.webPage || runs.some(([i, j]) => isSelfEvidentRun(lines.slice(i, j)));
  if (!webPage) return [...lines];
  const drop = new Set<number>(tokenLists);
  for (const i of tokenLists) tally.hit('token-list', [lines[i]!]);
  for (const [i, j] of runs) {
    tally.hit('menu-run', lines.slice(i, j));
    for (let k = i; k < j; k++) drop.add(k);
  }
  return lines.filter((_, k) => !drop.has(k));
}

/**
 * Drops chrome lines, navigation and the trailer; returns the cleaned text, how many times each
 * rule fired and which lines each removed.
 * @remarks Line ends are kept as they were; dropped lines vanish entirely.
 */
export function removeBoilerplate(text: string): BoilerplateResult {
  const tally = new Tally();
  const kept = dropChromeLines(text.split(/(?<=\n)/), tally);
  return { text: dropNavigation(kept, tally).join(''), counts: tally.counts, removed: tally.removed };
}
