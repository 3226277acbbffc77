/** Each seed through the whole ingest pipeline (decode → clean → split), with the expectations. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/core/pipeline.ts';
import { seeds } from '../support/corpus.ts';

const file = (prefix: string) => {
  const s = seeds().find((x) => x.name.startsWith(prefix))!;
  return ingest(s.bytes, s.name);
};

/** Reviewed by hand once, then frozen: title, source URL, source and date of every section of every seed. */
const EXPECTED = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/seed-sections.json', import.meta.url)), 'utf8'));

describe('ingest on the seeds', () => {
  it.each(seeds().map((s) => s.name))('%s splits exactly as tests/fixtures/seed-sections.json says', (name) => {
    const s = seeds().find((x) => x.name === name)!;
    const got = ingest(s.bytes, name).sections.map(({ title, url, source, date }) => ({ title, url: url ?? null, source: source ?? null, date: date ?? null }));
    expect(got).toEqual(EXPECTED[name]);
  });

  it('000 → 6 articles, 001 → 9, 003 → 6, each with its source URL', () => {
    expect(file('000').sections.map((s) => Boolean(s.url))).toEqual(Array(6).fill(true));
    expect(file('001').sections.map((s) => Boolean(s.url))).toEqual(Array(9).fill(true));
    expect(file('003').sections.map((s) => Boolean(s.url))).toEqual(Array(6).fill(true));
  });

  it('003 titles lose the pinyin annotations', () => {
    expect(file('003').sections[0]!.title).toBe('2023年中國人工智能產業趨勢報告');
  });

  it('002 → one article, Swin Transformer在MIM中的應用, source 量子位, 2022-05-31, without the related list', () => {
    const { sections } = file('002');
    expect(sections.map(({ title, source, date }) => ({ title, source, date }))).toEqual([
      { title: 'Swin Transformer在MIM中的應用', source: '量子位', date: '2022-05-31' },
    ]);
    const text = sections[0]!.text;
    expect(text.startsWith('Swin Transformer在MIM中的應用\n')).toBe(true);
    expect(text).toContain('研究人員還發現,效率的提高隨著Swin-L的增大而變大');
    expect(text).not.toMatch(/相關推薦|熱點推薦|英偉達推出歸一化Transformer|聊天消息|99精品/);
  });

  it('004 → one article, Transformer上进行递归, with its arXiv and GitHub links and none of the site menus', () => {
    const { sections } = file('004');
    expect(sections.map((s) => s.title)).toEqual(['Transformer上进行递归']);
    const text = sections[0]!.text;
    expect(text).toContain('https://arxiv.org/pdf/2111.05297.pdf');
    expect(text).toContain('https://github.com/szq0214/SReT');
    expect(text).not.toMatch(/Java知识库|HTML教程|正文阅读|上一篇文章|网站联系|系统运维/);
  });

  it("drops each newsletter's trailer, so the last article ends with its own text", () => {
    const last = file('001').sections[8]!;
    expect(last.title).toBe('Batch Normalization和它的“后浪”們匯總');
    expect(last.text).not.toMatch(/原文標題|文章出處|發布評論請先/);
  });
});
