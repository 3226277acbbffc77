/** Literal matches and regional wording matches, on the folder the exactness issue describes. */
import { describe, expect, it } from 'vitest';
import { SearchEngine, type Hit } from './engine.ts';

const SIMPLIFIED = '这个程序读取字节序列。';
const TRADITIONAL = '這個程式讀取位元組序列。請開啟檔案。';

function folder(...texts: string[]): SearchEngine {
  const engine = new SearchEngine();
  texts.forEach((text, i) => engine.addFile(i, `${i}.txt`, [{ title: `文${i}`, text, start: 0 }]));
  return engine;
}

const found = (engine: SearchEngine, q: string, wording = true) =>
  engine.search(q, { limit: 0, wording }).hits.map((h) => `${h.fileName}:${h.match}`).sort();

describe('literal matching folds script only', () => {
  const engine = folder(SIMPLIFIED, TRADITIONAL);

  it.each([
    ['进程', []],
    // OpenCC's Taiwan word for the mainland's 串行 (serial) is 序列: a labelled wording match there only.
    ['串行', ['1.txt:wording']],
    ['序列', ['0.txt:literal', '1.txt:literal']],
    ['开启', ['1.txt:literal']],
    ['程序', ['0.txt:literal', '1.txt:wording']],
    ['字节', ['0.txt:literal', '1.txt:wording']],
    ['文件', ['1.txt:wording']],
    ['件', []],
  ])('%s finds %j', (q, expected) => {
    expect(found(engine, q)).toEqual(expected);
  });

  it('counts literal hits apart from wording hits', () => {
    const r = engine.search('程序', { limit: 0 });
    expect(r.matches).toBe(1);
    expect(r.wordingMatches).toBe(1);
    expect(r.total).toBe(2);
  });

  it('finds no wording match when wording is switched off', () => {
    expect(found(engine, '文件', false)).toEqual([]);
    expect(found(engine, '程序', false)).toEqual(['0.txt:literal']);
  });
});

describe('wording matches count only in text of the other script', () => {
  const engine = folder('请把档案交给我。', '請開啟檔案。', '本机内存不足。', '記憶體不足時，系統會變慢。', '软件更新已完成。', '軟體更新已完成。');

  it('文件 finds the Traditional 檔案, never a Simplified 档案', () => {
    expect(found(engine, '文件')).toEqual(['1.txt:wording']);
  });

  it('記憶體 finds the Simplified 内存 as wording, and 内存 the Traditional 記憶體', () => {
    expect(found(engine, '記憶體')).toEqual(['2.txt:wording', '3.txt:literal']);
    expect(found(engine, '内存')).toEqual(['2.txt:literal', '3.txt:wording']);
  });

  it('软件 and 軟體 find each other, labelled', () => {
    expect(found(engine, '软件')).toEqual(['4.txt:literal', '5.txt:wording']);
    expect(found(engine, '軟體')).toEqual(['4.txt:wording', '5.txt:literal']);
  });

  it('marks the words that matched and names them as written', () => {
    const hit = engine.search('内存').hits.find((h: Hit) => h.match === 'wording')!;
    expect(hit.wording).toEqual(['記憶體']);
    expect(hit.snippet.marks.map((m) => hit.snippet.text.slice(m.start, m.end))).toEqual(['記憶體']);
    const read = engine.read(hit.sectionId, '内存')!;
    expect(read.marks.map((m) => read.section.text.slice(m.start, m.end))).toEqual(['記憶體']);
    expect(engine.read(hit.sectionId, '内存', false)!.marks).toEqual([]);
  });

  it('puts a literal match before a wording match of equal relevance', () => {
    const pair = folder('软件', '軟體');
    expect(pair.search('软件').hits.map((h) => h.match)).toEqual(['literal', 'wording']);
    expect(pair.search('軟體').hits.map((h) => h.match)).toEqual(['literal', 'wording']);
  });

  it('combines with the query language: AND, OR and exclusion', () => {
    expect(found(engine, '記憶體 不足')).toEqual(['2.txt:wording', '3.txt:literal']);
    expect(found(engine, '記憶體 -本机')).toEqual(['3.txt:literal']);
    expect(found(engine, '文件 OR 软件')).toEqual(['1.txt:wording', '4.txt:literal', '5.txt:wording']);
  });
});
