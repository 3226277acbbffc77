import { normalizeText } from '../normalize/normalize.ts';

/**
 * Shapes of web navigation: link lists, breadcrumbs, label runs. A shape alone proves nothing —
 * option lists, formulas, tables, code and word-segmented text look just as busy — so each shape
 * here is only a CANDIDATE; boilerplate.ts removes it when there is evidence that the text is a
 * scraped page (see `isSelfEvidentRun`, `isSelfEvidentTokenList` and the hard chrome rules there).
 * Every pattern is a single character class or anchored literal: linear on any input.
 */

/**
 * A link text: letters (any script), digits, spaces and the few symbols of product names
 * (`C++`, `C#`, `AT&T`, `Wi-Fi`). No brackets, operators, quotes, underscores, slashes or dots:
 * those mark code, formulas, option syntax and file names, which a menu never has.
 */
const LABEL = /^[\p{L}\p{N}\p{M} \u3000·+#&-]+$/u;

/** Whether `part` could be the text of one link: a label of 2..max characters not starting with `-` (an option). */
export function isLabel(part: string, max: number): boolean {
  return part.length >= 2 && part.length <= max && !part.startsWith('-') && LABEL.test(part);
}

/** Nav words that, two or more in one run of short lines, show the run is a site's navigation. Simplified, lower case. */
export const NAV_LABELS: ReadonlySet<string> = new Set([
  '首页', '主页', '网站首页', '返回首页', '上页', '下页', '上一页', '下一页', '尾页', '末页', '目录', '返回目录',
  '联系', '联系我们', '关于', '关于我们', '登录', '注册', '免费注册', '退出', '更多', '返回顶部', '网站地图',
  '设为首页', '加入收藏', '个人中心', '投稿', '意见反馈', '帮助中心', '隐私政策', '友情链接', 'home', 'login',
]);

/** Suffixes of link texts on category menus (`C++知识库`, `HTML教程`); several sharing one is a menu. */
export const NAV_SUFFIXES: readonly string[] = ['教程', '知识库', '频道', '专区', '论坛', '社区', '大全', '下载'];

/** How many of `items` end with the most common nav suffix. */
function sharedNavSuffix(items: readonly string[]): number {
  let best = 0;
  for (const suffix of NAV_SUFFIXES) best = Math.max(best, items.filter((t) => t.length > suffix.length && t.endsWith(suffix)).length);
  return best;
}

/** Longest line that can be a menu or token list (a site's header is a few hundred characters), and breadcrumb. */
const MAX_MENU_LINE = 2000;
const MAX_CRUMB_LINE = 300;

const parts = (line: string, separator: RegExp) => line.split(separator).map((p) => p.trim());

/**
 * `首页|新闻|体育|娱乐|财经` or a spam line `99精品|最近国产|…`: five or more pipe-separated parts,
 * every one a short label. A line starting with `|` is a table row, not a menu, and so is a line
 * whose neighbour has as many pipes (the caller checks that).
 */
export function isLinkList(line: string): boolean {
  if (line.length > MAX_MENU_LINE || /^[|｜]/.test(line)) return false;
  const items = parts(line, /[|｜]/).filter(Boolean);
  return items.length >= 5 && items.every((p) => isLabel(p, 16)) && items.reduce((n, p) => n + p.length, 0) <= 12 * items.length;
}

/** Counts `|`/`｜` in a line (for the table check). */
export const pipeCount = (line: string) => line.length - line.replace(/[|｜]/g, '').length;

const CRUMB_ROOTS: ReadonlySet<string> = new Set(['首页', '主页', '网站首页', 'home']);
const CRUMB_PREFIX = /^(当前位置|您的位置|你的位置|位置)\s*[:：]\s*/;

/**
 * `-> 人工智能 -> Transformer上进行递归 -> 正文阅读 |` or `当前位置：首页 > 新闻 > 正文`: three or
 * more label crumbs, and the line starts with an arrow, a "you are here" prefix or a home crumb —
 * so `参数1 > 参数2` or `a -> b -> c` in a man page is never one.
 */
export function isBreadcrumb(line: string): boolean {
  if (line.length > MAX_CRUMB_LINE || !/->|[»>›]/.test(line)) return false;
  const prefixed = CRUMB_PREFIX.test(line);
  // A trailing bar is the page's cell edge. Sliced, not matched with /\s*[|]$/, which backtracks
  // quadratically on a long run of spaces not followed by a bar.
  const unprefixed = line.replace(CRUMB_PREFIX, '');
  const body = /[|｜]$/.test(unprefixed) ? unprefixed.slice(0, -1) : unprefixed;
  const crumbs = parts(body, /->|[»>›]/);
  const startsWithArrow = crumbs[0] === '';
  const items = startsWithArrow ? crumbs.slice(1) : crumbs;
  if (items.length < 3 || !items.every((c) => isLabel(c, 30))) return false;
  return startsWithArrow || prefixed || CRUMB_ROOTS.has(normalizeText(items[0]!));
}

/** The tokens of a token-list candidate, or null: ≥ 8 short labels, mostly Han, at most one single character. */
function tokenListItems(line: string): string[] | null {
  if (line.length > MAX_MENU_LINE) return null;
  // A trailing bar is the scraped page's cell edge (`… 图拉丁 |`).
  const tokens = line.replace(/[|｜]$/, '').split(/\s+/).filter(Boolean).map((t) => t.replace(/[:：]$/, ''));
  if (tokens.length < 8 || tokens.reduce((n, t) => n + t.length, 0) > 8 * tokens.length) return null;
  if (!tokens.every((t) => t.length === 1 ? /\p{Script=Han}/u.test(t) : isLabel(t, 16))) return null;
  const han = tokens.filter((t) => /\p{Script=Han}/u.test(t)).length;
  // Word-segmented prose (`在 档案 名称 之前 以 …`) has single-character function words; menus don't.
  return han * 2 >= tokens.length && tokens.filter((t) => t.length === 1).length <= 1 ? tokens : null;
}

/** `教程: HTML教程 CSS教程 …`-shaped: a line of many short space-separated labels (a candidate only). */
export const isTokenList = (line: string) => tokenListItems(line) !== null;

/** A token list that proves itself a menu: five or more of its labels share a nav suffix (`…教程`). */
export function isSelfEvidentTokenList(line: string): boolean {
  const items = tokenListItems(line);
  return items !== null && sharedNavSuffix(items.map(normalizeText)) >= 5;
}

/** Longest line that can be one menu entry. */
export const MENU_ITEM_MAX = 12;

/** A line that could be a menu entry: a short label (a category may end with a colon), not a list item. */
export function isMenuItem(line: string): boolean {
  const t = line.trim().replace(/[:：]$/, '');
  return t.length > 0 && t.length <= MENU_ITEM_MAX && (t.length === 1 ? /\p{Script=Han}/u.test(t) : isLabel(t, MENU_ITEM_MAX));
}

/** A run of menu entries that proves itself navigation: two known nav words, or three sharing a nav suffix. */
export function isSelfEvidentRun(items: readonly string[]): boolean {
  const norm = items.map((i) => normalizeText(i.trim()).replace(/[:：]$/, ''));
  return norm.filter((i) => NAV_LABELS.has(i)).length >= 2 || sharedNavSuffix(norm) >= 3;
}
