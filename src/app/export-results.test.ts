import { describe, expect, it } from 'vitest';
import type { Hit } from '../shared/protocol.ts';
import { csvField, exportResults } from './export-results.ts';

const hit = (title: string, text: string, extra: Partial<Hit> = {}): Hit =>
  ({ sectionId: 1, fileId: 1, fileName: 'a.txt', title, titleMarks: [], snippet: { text, marks: [], cutStart: false, cutEnd: true }, alsoIn: [], match: 'literal', ...extra }) as Hit;
const headings = { title: '标题', source: '来源', date: '日期', link: '链接', snippet: '摘要' };

describe('exported results', () => {
  it('writes CSV a spreadsheet reads back field for field', () => {
    const csv = exportResults([hit('芯片, "新"', '第一行\n第二行', { source: '=HYPERLINK("x")', date: '2022-11-25' })], 'csv', headings, () => 'https://x/?a=1');
    expect(csv.startsWith('\uFEFF标题,来源,日期,链接,摘要\r\n')).toBe(true);
    expect(csv).toContain('"芯片, ""新"""');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('第一行 第二行…');
  });

  it('quotes only what must be quoted', () => {
    expect(csvField('芯片')).toBe('芯片');
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('a\nb')).toBe('"a\nb"');
  });

  it('writes Markdown whose text cannot become markup', () => {
    const md = exportResults([hit('[点我](javascript:alert(1))', '**粗体** <b>x</b>')], 'markdown', headings, () => 'https://x/?q=a b&a=1');
    expect(md).toBe('- [\\[点我\\]\\(javascript:alert\\(1\\)\\)](<https://x/?q=a%20b&a=1>)\n  > \\*\\*粗体\\*\\* \\<b\\>x\\</b\\>…');
  });
});
