/** Files of many short pieces: poems, fortunes, numbered chapters (tests/fixtures/collections/). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Section } from '../types.ts';
import { splitSections } from './sections.ts';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../tests/fixtures/collections/${name}`, import.meta.url)), 'utf8');
const split = (name: string) => splitSections(fixture(name), name);
const titles = (sections: Section[]) => sections.map((s) => s.title);

/**
 * Every section is the file's text at its offset, in order, without overlap; what lies between
 * sections is only blank lines and `%` separator lines.
 */
function expectCovered(text: string, sections: readonly Section[]): void {
  let pos = 0;
  const onlySeparators = (gap: string) => gap.split(/\r\n|\n|\r/).every((l) => l.trim() === '' || l.trim() === '%');
  for (const s of sections) {
    expect(s.title.trim()).not.toBe('');
    expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
    expect(s.start).toBeGreaterThanOrEqual(pos);
    expect(onlySeparators(text.slice(pos, s.start))).toBe(true);
    pos = s.start + s.text.length;
  }
  expect(onlySeparators(text.slice(pos))).toBe(true);
}

describe('poem collections', () => {
  it('splits the scale corpus shape (title / 〔朝代〕作者 / body / blank) into one section per poem, author as source', () => {
    const sections = split('poems-scale.txt');
    expect(sections).toHaveLength(15);
    expect(sections.slice(0, 2).map(({ title, source }) => ({ title, source }))).toEqual([
      { title: '帝京篇十首 一', source: '〔唐〕太宗皇帝' },
      { title: '帝京篇十首 二', source: '〔唐〕太宗皇帝' },
    ]);
    expect(titles(sections).slice(6)).toEqual(['日詩', '句', '登戎州江樓閑望', '雪', '临江仙', '竹马子・竹马儿', '小镇西・小镇西犯', '小镇西犯', '迷神引']);
    expect(sections[10]!.text.startsWith('临江仙\n〔宋〕柳永\n梦觉小庭院，冷风淅淅，疏雨潇潇。\n')).toBe(true);
    expect(sections[10]!.text.endsWith('还经岁，问怎生禁得，如许无聊。\n\n')).toBe(true);
    expectCovered(fixture('poems-scale.txt'), sections);
  });

  it('reads the usual author lines: 【唐】, [唐], （唐）, 唐·, 宋代：, 王维〔唐代〕, 作者：', () => {
    const sections = split('poems-variants.txt');
    expect(sections.map(({ title, source }) => [title, source])).toEqual([
      ['唐宋诗选（作者行的几种写法）', undefined],
      ['靜夜思', '【唐】李白'],
      ['春晓', '[唐] 孟浩然'],
      ['登鹳雀楼', '（唐）王之涣'],
      ['江雪', '唐·柳宗元'],
      ['饮湖上初晴后雨', '宋代：苏轼'],
      ['鹿柴', '王维〔唐代〕'],
      ['相思', '王维'],
    ]);
    expectCovered(fixture('poems-variants.txt'), sections);
  });

  it('takes a title that reads like an author line (吳 赤壁: the state of Wu) as the title', () => {
    const wu = '吳 赤壁\n〔唐〕孫元晏\n會獵書來舉國驚，祗應周魯不教迎。\n\n吳 魯肅\n〔唐〕孫元晏\n斫案興言斷衆疑，鼎分從此定雄雌。\n\n';
    expect(splitSections(wu, 'a.txt').map(({ title, source }) => [title, source])).toEqual([
      ['吳 赤壁', '〔唐〕孫元晏'],
      ['吳 魯肅', '〔唐〕孫元晏'],
    ]);
  });

  it('reads `宋 苏轼` (a bare space) only before a name of Han characters', () => {
    const poems = '题西林壁\n宋 苏轼\n横看成岭侧成峰。\n\n游山西村\n宋 陆游\n莫笑农家腊酒浑。\n';
    expect(splitSections(poems, 'a.txt').map((s) => s.source)).toEqual(['宋 苏轼', '宋 陆游']);
    const list = '黄金\n金 100 克\n价格另议。\n白银\n金 200 克\n价格另议。\n';
    expect(splitSections(list, 'a.txt')).toHaveLength(1);
  });

  it('keeps a single poem, a note quoting one, and a list of titles without bodies whole', () => {
    expect(splitSections('静夜思\n〔唐〕李白\n床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n', 'a.txt')).toHaveLength(1);
    const toc = '目录\n静夜思\n〔唐〕李白\n春晓\n〔唐〕孟浩然\n登鹳雀楼\n〔唐〕王之涣\n';
    expect(splitSections(toc, 'toc.txt')).toHaveLength(1);
    // `【注释】` is not an author line: its dynasty is not one.
    const notes = '静夜思\n【注释】\n床：井栏。\n春晓\n【译文】\n春天睡醒不觉天已大亮。\n';
    expect(splitSections(notes, 'notes.txt')).toHaveLength(1);
  });

  it('lets chapter headings win over poems quoted inside chapters', () => {
    const novel = '第一章 风起\n他吟道：\n静夜思\n〔唐〕李白\n床前明月光。\n第二章 云涌\n春晓\n〔唐〕孟浩然\n春眠不觉晓。\n';
    expect(titles(splitSections(novel, 'novel.txt'))).toEqual(['第一章 风起', '第二章 云涌']);
  });
});

describe('fortune files (% lines)', () => {
  it('splits fortune-zh tang300 into its poems, titled without colour codes, author as source', () => {
    const sections = split('fortune-tang300.txt');
    expect(sections.map(({ title, source }) => [title, source])).toEqual([
      ['《感遇・其一》', '张九龄'],
      ['《梦李白・其二》', '杜甫'],
      ['《送綦毋潜落第还乡》', '王维'],
      ['《送别》', '王维'],
      ['《青溪》', '王维'],
      ['《渭川田家》', '王维'],
    ]);
    expect(sections[3]!.text).toBe('\u001b[32m《送别》\u001b[m\n\u001b[33m作者：王维\u001b[m\n下马饮君酒，问君何所之。\n君言不得意，归卧南山陲。\n但去莫复问，白云无尽时。\n');
    expectCovered(fixture('fortune-tang300.txt'), sections);
  });

  it('titles song100 pieces without the 题目: label and shortens an overlong title', () => {
    const t = titles(split('fortune-song100.txt'));
    expect(t.slice(0, 4)).toEqual(['《塞上》', '《寒食》', '《村行》', '《春居杂兴》二首']);
    expect(t[4]).toBe('《前赋〈春居杂兴〉诗二首，间半岁，不复省视，因长男嘉祐读杜工部集…');
    expectCovered(fixture('fortune-song100.txt'), split('fortune-song100.txt'));
  });

  it('titles each piece of fortune-zh chinese by its first line, numbered headings and emoticons included', () => {
    const sections = split('fortune-chinese.txt');
    expect(titles(sections)).toEqual([
      '要有礼貌',
      '善意推定',
      '保持合作',
      '2.6.5.\u00a0恢复软件包选择数据',
      '2.7.\u00a0软件包管理技巧',
      '2.7.1.\u00a0如何挑选 Debian 软件包',
      '相思了无益，悔当初相见。',
      '衰兰送客咸阳道。天若有情天亦老。',
      '渺万里层云，千山暮雪，只影向谁去？',
      '(￣▽￣")',
      'ㄟ( ▔, ▔ )ㄏ',
      '¯\\_(ツ)_/¯',
    ]);
    expect(sections.every((s) => !/^%$/m.test(s.text))).toBe(true);
    expectCovered(fixture('fortune-chinese.txt'), sections);
  });

  it('keeps a note with one % line whole, and splits CRLF pieces with their own offsets', () => {
    expect(splitSections('增长了 50\n%\n的用户。\n', 'a.txt')).toHaveLength(1);
    const crlf = '甲\r\n%\r\n乙\r\n%\r\n丙\r\n';
    const sections = splitSections(crlf, 'f.txt');
    expect(sections.map(({ title, text, start }) => [title, text, start])).toEqual([
      ['甲', '甲\r\n', 0],
      ['乙', '乙\r\n', 6],
      ['丙', '丙\r\n', 12],
    ]);
  });
});

describe('numbered chapters (1. 标题, 一、标题)', () => {
  it('splits a manual at its chapters, not at the table of contents above them', () => {
    const sections = split('manual-numbered.txt');
    expect(titles(sections)).toEqual([
      'Debian 新维护者手册',
      '1. 正确的起点',
      '2. 第一步',
      '3. 修改源代码',
      '4. debian 目录中的必需内容',
      '5. debian 目录下的其他文件',
      '6. 构建软件包',
      '7. 检查软件包中的错误',
      '8. 更新软件包',
      '9. 上传软件包',
    ]);
    expect(sections[0]!.text).toContain('    9.2. 在上传时包含 orig.tar.gz 文件\n');
    expect(sections[2]!.text).toMatch(/^2\. 第一步\n\n\s+让我们来创建一个自己的软件包/);
    expectCovered(fixture('manual-numbered.txt'), sections);
  });

  it('does not split a man page at its indented numbered lists', () => {
    expect(split('man-systemd-lists.txt')).toHaveLength(1);
  });

  it('splits a 公文 at 一、二、三、, keeping its 1. 2. 3. items inside', () => {
    const doc = '关于工作的报告\n一、基本情况\n　　今年以来，工作平稳。\n1. 收入\n　　增长百分之五。\n2. 支出\n　　持平。\n3. 结余\n　　略增。\n二、存在的问题\n　　人手不足。\n三、下一步工作\n　　继续努力。\n';
    const sections = splitSections(doc, '报告.txt');
    expect(titles(sections)).toEqual(['关于工作的报告', '一、基本情况', '二、存在的问题', '三、下一步工作']);
    expectCovered(doc, sections);
  });

  it('keeps lists whole: tight, inside a paragraph, sentences, two items, or out of order', () => {
    const cases = [
      '购物清单\n1. 苹果\n2. 香蕉\n3. 牛奶\n4. 面包\n',
      '步骤如下：\n1. 打开设置\n2. 选择语言\n3. 重启。\n完成后即可使用。\n',
      '说明\n1. 作者对使用此软件造成的任何后果不负任何责任。\n正文\n2. 禁止不如实说明本软件的来源。\n正文\n3. 修改后的版本必须明白的标明。\n正文\n',
      '笔记\n1. 甲\n内容\n2. 乙\n内容\n',
      '笔记\n1. 甲\n内容\n3. 丙\n内容\n2. 乙\n内容\n',
    ];
    for (const text of cases) expect(splitSections(text, 'a.txt'), text).toHaveLength(1);
  });

  it('does not split at a list of notes at the end, nor at a preface 1. 2. 3. before a long text', () => {
    const body = '正文。'.repeat(400);
    const notes = `文章\n${body}\n1. 注释甲\n说明\n2. 注释乙\n说明\n3. 注释丙\n说明\n`;
    expect(splitSections(notes, 'a.txt')).toHaveLength(1);
    const preface = `前言\n1. 免责声明\n内容\n2. 什么是它\n内容\n3. 关于本文\n${body}\n${body}\n`;
    expect(splitSections(preface, 'a.txt')).toHaveLength(1);
  });

  it('picks the chapters over a list nested in one chapter, and the second run after a contents run', () => {
    const chapter = (n: number, extra = '') => `${n}. 第${n}部分\n${'内容。'.repeat(30)}\n${extra}`;
    const nested = `${chapter(1)}${chapter(2, '1. 小项甲\n说明\n2. 小项乙\n说明\n3. 小项丙\n说明\n')}${chapter(3)}${chapter(4)}`;
    expect(titles(splitSections(nested, 'a.txt'))).toEqual(['1. 第1部分', '2. 第2部分', '3. 第3部分', '4. 第4部分']);
    const contents = '目录\n1. 甲\n见下\n2. 乙\n见下\n3. 丙\n见下\n';
    const twice = `${contents}${chapter(1)}${chapter(2)}${chapter(3)}`;
    expect(titles(splitSections(twice, 'a.txt'))).toEqual(['目录', '1. 第1部分', '2. 第2部分', '3. 第3部分']);
  });

  it('leaves the newsletter format to the newsletter splitter (原文: lines), and a manual without them to this one', () => {
    const issue = 'AI 简报 20221125 期\n1. 标题一\n原文: https://a.example/1\n正文一\n2. 标题二\n原文: https://a.example/2\n正文二\n3. 标题三\n原文: https://a.example/3\n正文三\n';
    expect(splitSections(issue, 'a.txt').map((s) => s.url)).toEqual(['https://a.example/1', 'https://a.example/2', 'https://a.example/3']);
    const manual = issue.replace(/原文: \S+\n/g, '');
    expect(splitSections(manual, 'a.txt').map((s) => [s.title, s.url])).toEqual([
      ['AI 简报 20221125 期', undefined],
      ['1. 标题一', undefined],
      ['2. 标题二', undefined],
      ['3. 标题三', undefined],
    ]);
  });
});

describe('manual chapter lines', () => {
  it('splits Debian text manuals at 第 N 章 (zh-cn) and 章 N. (zh-tw), with no-break spaces', () => {
    const cn = '手册\n目录\n1. 甲\n第\u00a01\u00a0章\u00a0正确的起点\n正文\n第\u00a02\u00a0章\u00a0第一步\n正文\n';
    expect(titles(splitSections(cn, 'a.txt'))).toEqual(['手册', '第\u00a01\u00a0章\u00a0正确的起点', '第\u00a02\u00a0章\u00a0第一步']);
    const tw = '手冊\n章 1. 從一條正確的路開始\n正文\n章 2. 第一步\n正文\n';
    expect(titles(splitSections(tw, 'a.txt'))).toEqual(['手冊', '章 1. 從一條正確的路開始', '章 2. 第一步']);
  });

  it('in a web page, leaves those lines (navigation links) to its # headings', () => {
    const page = '上一頁\n章 2. 第一步\n章 4. debian 目錄\n# 章 3. 修改原始碼\n正文\n## 3.1. 設置 quilt\n正文\n';
    expect(titles(splitSections(page, 'modify.html', { markdown: true, title: '修改原始碼' }))).toEqual(['修改原始碼', '章 3. 修改原始碼', '3.1. 設置 quilt']);
  });
});

describe('coverage, on any mix of these shapes', () => {
  /** Lines of every shape the splitters look for, and the line ends they meet. */
  const line = fc.constantFrom(
    ...['静夜思', '〔唐〕李白', '【宋】苏轼', '作者：王维', '床前明月光，疑是地上霜。', '', '   ', '%', ' % ', '1. 安装', '2. 配置'],
    ...['3. 运行', '4、收尾', '一、总则', '二、细则', '三、附则', '第一章 开始', '第二章 结束', '正文内容', '　　缩进的正文。', '# 标题'],
    ...['```', '    1.1. 小节', '\u001b[32m《送别》\u001b[m', 'abc'],
  );
  const file = fc.tuple(fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 60 }), fc.constantFrom('a.txt', 'a.md'));

  it('every section is the text at its offset, in order, and only blank and % lines fall between them', () => {
    fc.assert(
      fc.property(file, ([parts, name]) => {
        const text = parts.map(([l, end]) => l + end).join('');
        const sections = splitSections(text, name);
        if (text.trim()) expect(sections.length).toBeGreaterThan(0);
        expectCovered(text, sections);
      }),
      { numRuns: 500 },
    );
  });

  it('holds on the real samples too', () => {
    for (const name of ['poems-scale.txt', 'poems-variants.txt', 'fortune-chinese.txt', 'manual-numbered.txt', 'man-systemd-lists.txt']) {
      expectCovered(fixture(name), split(name));
    }
  });
});
