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
];

/** A line where the article is over: it and everything after it is the page's trailer. */
export const TRAILER_START: readonly { name: string; pattern: RegExp }[] = [
  { name: 'source-title', pattern: /^原文标题[:：]/ },
  { name: 'comment-login', pattern: /^发布评论请先\s*登录$/ },
  { name: 'related', pattern: /^(相关推荐|热点推荐|相关阅读|猜你喜欢)$/ },
  { name: 'disclaimer', pattern: /^声明[:：]\s*本文内容/ },
];

/** `a | b | c | d | e` with short parts: a menu, a breadcrumb or a spam link line. */
function isLinkList(line: string): boolean {
  const parts = line.split(/[|｜]/).map((p) => p.trim());
  if (parts.length < 5) return false;
  const filled = parts.filter(Boolean);
  return filled.reduce((n, p) => n + p.length, 0) / Math.max(filled.length, 1) <= 12;
}

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
    if (line.length > 0) {
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
    kept.push(raw);
  }
  return { text: kept.join(''), counts };
}
