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
    ['image-file', '正文\ncf3dbdfe-e030-11ec-ba43-dac502259ad0.png\n正文二\n'],
    ['editor', '正文\n審核編輯 黃昊宇\n正文二\n'],
    ['link-list', '99精品|最近国产|九草在线|AV网站|美女黄片|国产精品\n正文\n正文二\n'],
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
  ])('%s starts the trailer: it, everything after it and a view counter before it go', (rule, marker) => {
    const r = removeBoilerplate(`正文一\n正文二\n40241\n${marker}\n相关文章一\n相关文章二\n`);
    expect(r.counts[rule]).toBe(1);
    expect(r.text).toBe('正文一\n正文二\n');
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
