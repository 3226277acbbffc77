import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { seeds } from '../../../tests/support/corpus.ts';
import { repairArtifacts } from './artifacts.ts';
import { removeBoilerplate } from './boilerplate.ts';
import { cleanText } from './clean.ts';

const seed = (prefix: string) => seeds().find((s) => s.name.startsWith(prefix))!.text;

describe('artifact rules (one case per rule, from the seeds)', () => {
  it.each([
    ['pinyin-annotation', '操作系統(tǒng)與產(chǎn)業(yè)', '操作系統與產業'],
    ['pinyin-orphan', '相當(dāng)?shù)的', '相當?的'],
    ['inline-html-tags', "<b class='flag-5'>Transformer</b>架構(gòu)", 'Transformer架構'],
    ['html-entities', '芯片&amp;系统&nbsp;&#20013;&#x6587;&lt;b&gt;', '芯片&系统\u00a0中文<b>'],
    ['zero-width', '芯\u200b片\ufeff', '芯片'],
  ])('%s: %s → %s', (rule, input, expected) => {
    const r = repairArtifacts(input);
    expect(r.text).toBe(expected);
    expect(r.counts[rule]).toBeGreaterThan(0);
  });

  it('keeps legitimate parentheses: no tone mark, or not after a Han character', () => {
    for (const keep of ['粒子(particle)', '(图 4C)', '模型(aIPE)', 'GPU(顯卡)', 'f(x)']) expect(repairArtifacts(keep).text).toBe(keep);
  });

  it('leaves unknown entities and non-inline tags alone', () => {
    expect(repairArtifacts('a &bogus; b <table> c').text).toBe('a &bogus; b <table> c');
  });
});

describe('boilerplate rules', () => {
  it.each([
    ['follow', '正文\n+关注\n正文二\n'],
    ['counter', '正文\n12文章\n正文二\n'],
    ['counter', '正文\n1.2万\n3580浏览量\n正文二\n'],
    ['counter-label', '正文\n瀏覽量\n正文二\n'],
    ['image-file', '正文\ncf3dbdfe-e030-11ec-ba43-dac502259ad0.png\n正文二\n'],
    ['editor', '正文\n審核編輯 黃昊宇\n正文二\n'],
    ['link-list', '99精品|最近国产|九草在线|AV网站|美女黄片|国产精品\n正文\n正文二\n'],
    ['link-list', '-> 人工智能 -> Transformer上进行递归 -> 正文阅读 |\n正文\n正文二\n'],
    ['token-list', '教程: HTML教程 CSS教程 JavaScript教程 Go语言教程 JQuery教程 VUE教程 SQL数据库教程\n正文\n正文二\n'],
    ['separator', '| |\n正文\n正文二\n'],
  ])('%s', (rule, input) => {
    const r = removeBoilerplate(input);
    expect(r.counts[rule]).toBe(1);
    expect(r.text).toContain('正文\n');
    expect(r.text).toContain('正文二\n');
  });

  it.each([
    ['source-title', '原文标题:【AI简报20221125】高通骁龙8Gen2'],
    ['comment-login', '發布評論請先 登錄'],
    ['related', '相關推薦'],
    ['disclaimer', '聲明:本文內容及配圖由入駐作者撰寫'],
    ['prev-next', '上一篇文章 下一篇文章 查看所有文章 |'],
  ])('%s starts the trailer: it, everything after it and a view counter before it go', (rule, marker) => {
    const r = removeBoilerplate(`正文一\n正文二\n40241\n${marker}\n相关文章一\n相关文章二\n`);
    expect(r.counts[rule]).toBe(1);
    expect(r.text).toBe('正文一\n正文二\n');
  });

  it('menu-run: a run of short unpunctuated lines around the content is navigation', () => {
    const page = '开发:\nC++知识库\nJava知识库\nPython\n人工智能\n区块链\n这是文章的正文，很长。\n上页\n下页\n首页\n目录\n联系\n关于\n';
    const r = removeBoilerplate(page);
    expect(r.text).toBe('这是文章的正文，很长。\n');
    expect(r.counts['menu-run']).toBe(2);
  });

  it('keeps short lines that are not a menu: fewer than six, punctuated, list items, or inside the content', () => {
    for (const keep of [
      '本次榜单揭晓，入选企业名单如下：\n寒武纪\n地平线\n黑芝麻\n燧原科技\n壁仞科技\n摩尔线程\n以上企业入选。\n','甲\n乙\n丙\n丁\n戊\n', '床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。\n一\n二\n', '- 苹果\n- 香蕉\n- 橙子\n- 葡萄\n- 西瓜\n- 桃子\n']) {
      expect(removeBoilerplate(keep).text).toBe(keep);
    }
  });

  it('never treats a long line as chrome', () => {
    const long = `${'关注'.repeat(50)}\n`;
    expect(removeBoilerplate(long).text).toBe(long);
  });
});

describe('cleanText on the seeds', () => {
  it('removes every pinyin annotation and inline tag of 002 and 003', () => {
    for (const prefix of ['002', '003']) {
      const { text } = cleanText(seed(prefix));
      expect(text).not.toMatch(/\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)/u);
      expect(text).not.toMatch(/<b class=/);
    }
  });

  it("cuts 000's trailer (view counter, 原文标题, 文章出处, login, related) and keeps the last article whole", () => {
    const { text } = cleanText(seed('000'));
    expect(text).not.toMatch(/原文标题|文章出处|发布评论请先|相关推荐|40241/);
    // Everything above the counter stays (the account widget "-\nRT-Thread" is left for a later rule).
    expect(text.endsWith('点击阅读原文进入官网\n-\nRT-Thread\n')).toBe(true);
  });

  it('leaves a clean newsletter article body unchanged', () => {
    const original = seed('001');
    const { text } = cleanText(original);
    const body = original.slice(original.indexOf('1. 2022中國AI芯片企業50強'), original.indexOf('2. 牽手地平線'));
    expect(text).toContain(body);
  });

  it('collapses the blank lines left behind into one', () => {
    expect(cleanText('甲\n\n\n\n乙\n+关注\n\n\n丙\n').text).toBe('甲\n\n乙\n\n丙\n');
  });
});

describe('terminal escapes and control characters', () => {
  it.each([
    ['terminal-escapes', '\x1b[32m《送别》\x1b[m\n', '《送别》\n'],
    ['terminal-escapes', '\x1b[1;31;40m红\x1b[0m \x1b[2J\x1b[?25h字', '红 字'],
    ['terminal-escapes', '\x1b]0;窗口标题\x07正文 \x1b]8;;https://a.b/\x1b\\链接\x1b]8;;\x1b\\', '正文 链接'],
    ['terminal-escapes', '\x1b(B文本\x1b7\x1b8', '文本'],
    ['control-chars', 'N\bNA\bAM\bME\bE _\b名', 'NAME 名'],
    ['control-chars', '甲\x00乙\x01丙\x1b丁\x7f', '甲乙丙丁\x7f'],
    ['control-chars', '第一页\f第二页', '第一页\n第二页'],
  ])('%s: %j → %j', (rule, input, expected) => {
    const r = repairArtifacts(input);
    expect(r.text).toBe(expected);
    expect(r.counts[rule]).toBeGreaterThan(0);
  });

  it('keeps tab, line feed and carriage return', () => {
    expect(repairArtifacts('甲\t乙\r\n丙\n').text).toBe('甲\t乙\r\n丙\n');
  });

  it('strips the colour codes of a real fortune file (fortunes-zh tang300), so none reach a title', () => {
    const raw = readFileSync(fileURLToPath(new URL('../../../tests/fixtures/clean/tang300-ansi.txt', import.meta.url)), 'utf8');
    expect(raw).toContain('\x1b[32m');
    const { text, counts } = cleanText(raw);
    expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f]|\[\d*m/);
    expect(text.split('\n')[0]).toBe('《感遇・其一》');
    expect(counts['terminal-escapes']).toBe((raw.match(/\x1b\[/g) ?? []).length);
  });
});

describe('boilerplate needs evidence', () => {
  it('keeps a run of short lines ending a document that shows no chrome (a help page\'s function list)', () => {
    const doc = '下面是预定义的函数。\nceil\nCeiling\ncos\nCosine\nfloor\nFloor\nfrac\n小数部分\n';
    expect(removeBoilerplate(doc).text).toBe(doc);
    // The same run on a page with a breadcrumb is navigation.
    expect(removeBoilerplate(`首页 > 文档 > 计算器\n${doc}`).text).toBe('下面是预定义的函数。\n');
  });

  it('keeps option, formula and table lines with bars or arrows', () => {
    for (const keep of [
      'setmetamode [ meta|bit|metabit | esc|prefix|escprefix ]\n',
      'sh# cat file | ... | preproc | ... | troff options | postproc\n',
      '| 名称 | 类型 | 说明 | 默认值 | 备注 |\n',
      '名称 | 类型 | 说明 | 默认值 | 备注\n数量 | 整数 | 文件个数 | 零 | 必填\n',
      '参数1 > 参数2 > 参数3 > 参数4\n',
      '其實從FP32->FP16也是一種量化,只不過因為FP32->FP16幾乎是無損的\n',
    ]) {
      expect(removeBoilerplate(keep).text).toBe(keep);
    }
  });

  it('keeps word-segmented man page lines that look like token lists', () => {
    const keep = '在 档案 名称 archive 之前 以 membername 参数的 形式 给出 档案中\n';
    expect(removeBoilerplate(keep).text).toBe(keep);
  });

  it('keeps an indented bar (a drawing) and a lone 评论 heading', () => {
    for (const keep of ['local-fs-pre.target\n         |\n         v\n', '评论\n']) expect(removeBoilerplate(keep).text).toBe(keep);
  });

  it('says which lines each rule removed, a few examples each, truncated', () => {
    const { removed } = cleanText(`${'首页|新闻|体育|娱乐|财经|'.repeat(5)}\n正文一。\n+关注\n正文二。\n相关推荐\n甲\n乙\n`);
    expect(removed['link-list']).toEqual({ lines: 1, examples: [`${'首页|新闻|体育|娱乐|财经|'.repeat(5).slice(0, 60)}…`] });
    expect(removed['follow']).toEqual({ lines: 1, examples: ['+关注'] });
    expect(removed['related']).toEqual({ lines: 3, examples: ['相关推荐', '甲', '乙'] });
  });
});
