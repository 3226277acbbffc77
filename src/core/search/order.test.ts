import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../engine.ts';
import type { Section } from '../types.ts';

const section = (title: string, text: string, date?: string): Section => ({ title, text, start: 0, ...(date ? { date } : {}) });

function library(): SearchEngine {
  const engine = new SearchEngine();
  engine.addFile(1, 'a.txt', [
    section('旧', '芯片', '2020-01-01'),
    section('新', '芯片', '2023-06-01'),
    section('无日期', '芯片 芯片 芯片'),
    section('中', '芯片', '2021-03-01'),
    // Same date as 中, but more relevant (the term in the title too).
    section('中芯片', '芯片 芯片', '2021-03-01'),
    section('拼音', '新品', '2024-01-01'), // xinpin: found only as pinyin, though newest
  ]);
  engine.addFile(2, 'b.txt', [section('别的', '别的内容', '2025-01-01')]);
  return engine;
}

const titles = (engine: SearchEngine, q: string, options: object) => engine.search(q, { limit: 0, ...options }).hits.map((h) => h.title);

describe('sort by date', () => {
  const engine = library();

  it('lists newest first, equal dates by relevance, undated last', () => {
    expect(titles(engine, '芯片', { sort: 'date' })).toEqual(['新', '中芯片', '中', '旧', '无日期']);
  });

  it('keeps relevance the default', () => {
    expect(titles(engine, '芯片', {})[0]).not.toBe('新');
    expect(titles(engine, '芯片', { sort: 'relevance' })).toEqual(titles(engine, '芯片', {}));
  });

  it('pages over the sorted order', () => {
    const all = titles(engine, '芯片', { sort: 'date' });
    const pages = [0, 2, 4].flatMap((offset) => engine.search('芯片', { sort: 'date', offset, limit: 2 }).hits.map((h) => h.title));
    expect(pages).toEqual(all);
  });

  it('lists pinyin-only hits after the others, also by date', () => {
    const engine = new SearchEngine();
    engine.addFile(1, 'a.txt', [section('字面', 'xinpin 测试', '2001-01-01'), section('拼音', '新品', '2024-01-01'), section('拼音旧', '新品', '2002-01-01')]);
    const result = engine.search('xinpin', { sort: 'date', limit: 0 });
    expect(result.hits.map((h) => [h.title, h.match])).toEqual([
      ['字面', 'literal'],
      ['拼音', 'pinyin'],
      ['拼音旧', 'pinyin'],
    ]);
  });
});

describe('fileId', () => {
  const engine = library();

  it('restricts a query to one file', () => {
    expect(engine.search('芯片', { fileId: 2 }).total).toBe(0);
    expect(engine.search('内容', { fileId: 2 }).hits.map((h) => h.title)).toEqual(['别的']);
    expect(engine.search('内容', { fileId: 1 }).total).toBe(0);
  });

  it('lists every section of the file in document order for an empty query, unmarked', () => {
    const result = engine.search('', { fileId: 1, limit: 0 });
    expect(result.total).toBe(6);
    expect(result.hits.map((h) => h.sectionIndex)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const h of result.hits) expect([h.snippet.marks, h.titleMarks]).toEqual([[], []]);
    expect(engine.search('  ', { fileId: 1, offset: 4, limit: 10 }).hits.map((h) => h.title)).toEqual(['中芯片', '拼音']);
    expect(result.facets.folder).toEqual([{ value: '', count: 6 }]);
  });

  it('lists them newest first with sort date', () => {
    expect(titles(engine, '', { fileId: 1, sort: 'date' })).toEqual(['拼音', '新', '中', '中芯片', '旧', '无日期']);
  });

  it('finds nothing for an empty query without a file, as before', () => {
    const result = engine.search('', { limit: 0 });
    expect([result.total, result.hits]).toEqual([0, []]);
  });
});
