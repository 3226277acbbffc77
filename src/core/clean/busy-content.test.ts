import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanText } from './clean.ts';
import { growthRatio, LINEAR_BOUND } from '../../../tests/support/linear.ts';

/**
 * Real lines that look busy — option lists, formulas, tables, code, drawings, word-segmented man
 * pages, names, poems, short list items — taken from text no one on the project wrote
 * (tests/fixtures/clean/README.md). Cleaning must never delete a single one of them.
 */
const FIXTURES = ['coreutils-help.txt', 'manpages-zh.txt', 'gnome-calculator-help.txt', 'debian-docs.txt', 'names-and-poems.txt'];
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../tests/fixtures/clean/${name}`, import.meta.url)), 'utf8');

/** A fixture's excerpts: each `#### source` header starts one, a small document of its own. */
function excerpts(name: string): { title: string; text: string }[] {
  return fixture(name)
    .split(/^#### /m)
    .filter(Boolean)
    .map((chunk) => ({ title: chunk.slice(0, chunk.indexOf('\n')), text: chunk.slice(chunk.indexOf('\n') + 1) }));
}

const contentLines = (text: string) => text.split('\n').filter((l) => l.trim() && !l.startsWith('#### '));
const missing = (cleaned: string, original: string) => {
  const kept = new Set(cleaned.split('\n'));
  return contentLines(original).filter((l) => !kept.has(l));
};

const ALL = FIXTURES.flatMap((f) => excerpts(f).map((e) => ({ ...e, file: f })));

describe('cleaning never deletes busy real content (tests/fixtures/clean)', () => {
  it('has the shapes the issue names, among them 参数1 * 参数2', () => {
    expect(ALL.length).toBeGreaterThan(40);
    expect(ALL.some((e) => e.text.includes('参数1 * 参数2     计算 <参数1> 乘以 <参数2> 的积'))).toBe(true);
  });

  it.each(ALL.map((e) => [`${e.file}: ${e.title}`, e.text]))('keeps every line of %s, as a document of its own', (_, text) => {
    const cleaned = cleanText(text);
    expect(missing(cleaned.text, text)).toEqual([]);
    expect(cleaned.removed).toEqual({});
  });

  it.each(FIXTURES)('keeps every line of %s as a whole', (name) => {
    expect(missing(cleanText(fixture(name)).text, fixture(name))).toEqual([]);
  });

  it.each(FIXTURES)('keeps every line of %s inside a scraped page, whose chrome still goes', (name) => {
    const page = [
      '-> 人工智能 -> 文档 -> 正文阅读 |',
      '首页|新闻|论坛|下载|关于我们|联系我们',
      '下面摘录的是一份文档，原样保留。',
      fixture(name),
      '以上就是全部摘录的内容。',
      '1296浏览量',
      '相关推荐',
      '另一篇文章的标题',
    ].join('\n');
    const cleaned = cleanText(page);
    expect(missing(cleaned.text, fixture(name))).toEqual([]);
    expect(Object.keys(cleaned.removed).sort()).toEqual(['counter', 'link-list', 'related']);
    expect(cleaned.text).not.toMatch(/正文阅读|关于我们|浏览量|相关推荐|另一篇文章/);
  });
});

describe('cleaning runs in linear time', () => {
  // Each line is built at n and 16n characters (tests/support/linear.ts).
  it.each([
    ['a 1 MB line of spaces', (n: number) => `x${' '.repeat(n)}y\n`, 1 << 20],
    ['spaces then a bar', (n: number) => `a${' '.repeat(n)}|\n`, 1 << 20],
    ['a line of [', (n: number) => `${'['.repeat(n)}\n`, 100_000],
    ['a line of |', (n: number) => `${'|'.repeat(n)}\n`, 100_000],
    ['a line of -', (n: number) => `${'-'.repeat(n)}\n`, 100_000],
    ['a line of [|-', (n: number) => `${'[|-'.repeat(n / 3)}\n`, 100_000],
    ['spaced bars and arrows', (n: number) => `${'| -> '.repeat(n / 5)}\n`, 100_000],
    // At 100 000 characters the small size took 0.2–0.4 ms: noise made the ratio 40.2 once in four runs.
    ['unterminated escapes', (n: number) => `${'\x1b[1;\x1b]0;'.repeat(n / 8)}\n`, 400_000],
    ['blank-looking lines', (n: number) => `\n${' \t'.repeat(n / 2)}\n`, 1 << 20],
  ])('%s', (_, make, big) => {
    expect(growthRatio((n) => () => cleanText(make(n)), Math.floor(big / 16))).toBeLessThan(LINEAR_BOUND);
  });
});
