import { normalizeText } from '../normalize/normalize.ts';

/**
 * Removes web chrome from scraped pages: link and spam lines, counters and "follow/log in"
 * widgets, and the trailer that starts at markers like 原文标题 / 相关推荐 / 发布评论请先 登录.
 * Rules match the NORMALIZED line (Simplified, lower case), so one rule covers both scripts.
 */

/** Lines longer than this are content, whatever they contain; only their start is checked for a trailer marker. */
const MAX_CHROME_LINE = 80;

/** A line that is chrome by itself. */
export const CHROME_LINES: readonly { name: string; pattern: RegExp }[] = [
  { name: 'follow', pattern: /^\+?\s*关注$/ },
  { name: 'counter', pattern: /^\d+\s*(文章|浏览量|次阅读|阅读|评论|收藏|点赞|人收藏)$/ },
  { name: 'counter-label', pattern: /^(浏览量|次阅读|评论|收藏\s*人收藏|加入交流群|扫码添加小助手|微信小助手二维码|加入工程师交流群)$/ },
  { name: 'image-file', pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(png|jpe?g|gif|webp)$/ },
  { name: 'editor', pattern: /^(审核编辑|责任编辑)[:：\s]/ },
  { name: 'separator', pattern: /^[|｜\s]+$/ },
];

/** A line where the article is over: it and everything after it is the page's trailer. */
export const TRAILER_START: readonly { name: string; pattern: RegExp }[] = [
  { name: 'source-title', pattern: /^原文标题[:：]/ },
  { name: 'comment-login', pattern: /^发布评论请先\s*登录$/ },
  { name: 'related', pattern: /^(相关推荐|热点推荐|相关阅读|猜你喜欢)$/ },
  { name: 'disclaimer', pattern: /^声明[:：]\s*本文内容/ },
  { name: 'prev-next', pattern: /^上一篇(文章)?(\s|$)/ },
];

const averageLength = (parts: readonly string[]) => parts.reduce((n, p) => n + p.length, 0) / Math.max(parts.length, 1);
const SENTENCE_PUNCTUATION = /[。，！？；、,.!?;]/;
const HAN = /\p{Script=Han}/u;

/** `a | b | c | d | e` or `-> a -> b -> c` with short parts: a menu, a breadcrumb or a spam link line. */
function isLinkList(line: string): boolean {
  const pipes = line.split(/[|｜]/).map((p) => p.trim()).filter(Boolean);
  if (pipes.length >= 5 && averageLength(pipes) <= 12) return true;
  const crumbs = line.split(/->|»/).map((p) => p.trim().replace(/[|｜]$/, '').trim()).filter(Boolean);
  return crumbs.length >= 3 && line.split(/->|»/).length >= 3 && averageLength(crumbs) <= 20;
}

/** `教程: HTML教程 CSS教程 Go语言教程 …`: many short space-separated Chinese labels, no sentence. */
function isTokenList(line: string): boolean {
  const tokens = line.split(/\s+/).filter(Boolean);
  return tokens.length >= 8 && averageLength(tokens) <= 8 && tokens.filter((t) => HAN.test(t)).length * 2 >= tokens.length && !SENTENCE_PUNCTUATION.test(line);
}

/** A line that could be a menu item: short, no sentence punctuation, not a list item. */
const MENU_ITEM_MAX = 12;
/** Consecutive menu-like lines needed to call them a menu (a poem or list has punctuation or markers). */
const MENU_RUN = 6;
function isMenuItem(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= MENU_ITEM_MAX && !SENTENCE_PUNCTUATION.test(t) && !/^([-*+•·]|\d+[.、)])/.test(t);
}

/** A line that reads as content: long, or a sentence. */
const isContentLine = (line: string) => line.trim().length > 40 || SENTENCE_PUNCTUATION.test(line);

/**
 * Drops runs of ≥ MENU_RUN consecutive menu-like lines before the first or after the last content
 * line: navigation surrounds a page's content, while a list inside an article (50 company names,
 * one per line) is content and stays.
 */
function dropMenuRuns(lines: string[], hit: (name: string) => void): string[] {
  const first = lines.findIndex(isContentLine);
  if (first === -1) return lines;
  let last = lines.length - 1;
  while (last > first && !isContentLine(lines[last]!)) last--;
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && isMenuItem(lines[j]!)) j++;
    const outside = j <= first || i > last;
    if (j - i >= MENU_RUN && outside) {
      hit('menu-run');
      i = j;
    } else {
      const next = Math.max(j, i + 1);
      out.push(...lines.slice(i, next));
      i = next;
    }
  }
  return out;
}

/**
 * First characters (both scripts) that a chrome or trailer line can start with. Lines starting
 * otherwise skip normalization: on a poem corpus nearly every line is short, and normalizing each
 * would double the import's normalization cost. Keep in step with the rules above.
 */
const RULE_FIRST_CHARS = new Set([...'+关關浏瀏次阅閱评評收点點人加扫掃微审審责責|｜原发發相热熱猜声聲上0123456789abcdefABCDEF']);

/** A bare number on its own line right before the trailer is the page's view counter. */
const BARE_NUMBER = /^\s*\d+\s*$/;

/**
 * Drops chrome lines and the trailer; returns the cleaned text and the rules that fired.
 * @remarks Line ends are kept as they were; dropped lines vanish entirely.
 */
export function removeBoilerplate(text: string): { text: string; counts: Record<string, number> } {
  const counts: Record<string, number> = {};
  const hit = (name: string) => (counts[name] = (counts[name] ?? 0) + 1);
  const lines = text.split(/(?<=\n)/);
  const kept: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line.length > 0 && RULE_FIRST_CHARS.has(line[0]!)) {
      const norm = normalizeText(line.slice(0, MAX_CHROME_LINE)).replace(/\s+/g, ' ');
      const trailer = TRAILER_START.find((r) => r.pattern.test(norm));
      if (trailer) {
        hit(trailer.name);
        while (kept.length > 0 && (BARE_NUMBER.test(kept[kept.length - 1]!) || !kept[kept.length - 1]!.trim())) kept.pop();
        if (kept.length > 0 && !kept[kept.length - 1]!.endsWith('\n')) kept[kept.length - 1] += '\n';
        break;
      }
      const chrome = line.length <= MAX_CHROME_LINE ? CHROME_LINES.find((r) => r.pattern.test(norm)) : undefined;
      if (chrome) {
        hit(chrome.name);
        continue;
      }
    }
    if (isLinkList(line)) {
      hit('link-list');
      continue;
    }
    if (isTokenList(line)) {
      hit('token-list');
      continue;
    }
    kept.push(raw);
  }
  return { text: dropMenuRuns(kept, hit).join(''), counts };
}
