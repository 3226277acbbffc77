import { describe, expect, it } from 'vitest';
import { ingest } from '../pipeline.ts';
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
