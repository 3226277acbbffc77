import { describe, expect, it } from 'vitest';
import { ingest } from '../pipeline.ts';
import { growthRatio, LINEAR_BOUND } from '../../../tests/support/linear.ts';
import { stripMarkdown } from './markdown.ts';

describe('stripMarkdown', () => {
  it.each([
    ['[RT-Thread 官网](https://www.rt-thread.org)', 'RT-Thread 官网'],
    ['![架构图](img/arch.png)', '架构图'],
    ['**加粗**与*强调*和~~删除~~', '加粗与强调和删除'],
    ['调用 `malloc()` 分配', '调用 malloc() 分配'],
    ['> 引用的话', '引用的话'],
    ['变量 snake_case_name 保留', '变量 snake_case_name 保留'],
    ['2 * 3 * 4 不是强调', '2 * 3 * 4 不是强调'],
  ])('%s → %s', (md, text) => {
    expect(stripMarkdown(md)).toBe(text);
  });

  it('keeps headings and fenced code, drops fences, rules and link definitions', () => {
    expect(stripMarkdown('# 标题\n```js\nlet a = [1](2);\n```\n---\n[1]: https://example.com\n正文')).toBe('# 标题\nlet a = [1](2);\n正文');
  });

  it('a .md file is searched without its markup, split at its headings', () => {
    const file = ingest(new TextEncoder().encode('# 芯片\n见[官网](https://x.cn)的**说明**。\n## 细节\n正文'), 'notes.md');
    expect(file.sections.map((s) => [s.title, s.text])).toEqual([
      ['芯片', '# 芯片\n见官网的说明。\n'],
      ['细节', '## 细节\n正文'],
    ]);
  });
});

describe('stripMarkdown runs in linear time', () => {
  it.each([
    ['runs of [', (n: number) => '['.repeat(n)],
    ['unclosed links', (n: number) => '[a]('.repeat(n / 4)],
    ['unclosed images', (n: number) => '![a]('.repeat(n / 5)],
    ['unclosed bold', (n: number) => '**a '.repeat(n / 4)],
    ['unclosed strike', (n: number) => '~~a '.repeat(n / 4)],
    ['unclosed emphasis', (n: number) => '*a '.repeat(n / 3)],
    ['nested parentheses in a link', (n: number) => `[a](${'('.repeat(n)}`],
    ['a rule line of spaces', (n: number) => `-${' '.repeat(n)}-`],
  ])('%s: 16× the input costs well under 40× the time', (_, make) => {
    expect(growthRatio((n) => () => stripMarkdown(make(n)), 8000)).toBeLessThan(LINEAR_BOUND);
  });
});
