import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../engine.ts';
import type { Section } from '../types.ts';

const section = (title: string, text: string, source?: string, date?: string): Section => ({ title, text, start: 0, ...(source ? { source } : {}), ...(date ? { date } : {}) });

/** Three files in two folders and the top level, with sources and dates. */
function library(): SearchEngine {
  const engine = new SearchEngine();
  engine.addFile(1, 'news/a.txt', [
    section('一', '芯片 新闻一', '新华社', '2022-10-01'),
    section('二', '芯片 新闻二', '新华社', '2023-01-05'),
    section('三', '芯片 新闻三', '人民日报', '2023-02-01'),
  ]);
  engine.addFile(2, 'news/b.txt', [section('四', '芯片 新闻四', '人民日报', '2022-05-01'), section('五', '别的 内容')]);
  engine.addFile(3, 'top.txt', [section('六', '芯片 没有日期')]);
  return engine;
}

describe('facets', () => {
  const engine = library();

  it('counts every result by source, year and folder, most frequent first', () => {
    const r = engine.search('芯片', { limit: 1 });
    expect(r.total).toBe(5);
    expect(r.hits).toHaveLength(1);
    expect(r.facets.source).toEqual([
      { value: '人民日报', count: 2 },
      { value: '新华社', count: 2 },
    ]);
    expect(r.facets.year).toEqual([
      { value: '2022', count: 2 },
      { value: '2023', count: 2 },
    ]);
    expect(r.facets.folder).toEqual([
      { value: 'news', count: 4 },
      { value: '', count: 1 },
    ]);
  });

  it('narrows by filters: OR within a kind, AND across kinds', () => {
    const sourced = engine.search('芯片', { limit: 0, filters: { source: ['新华社'] } });
    expect(sourced.hits.map((h) => h.title).sort()).toEqual(['一', '二']);
    expect(sourced.total).toBe(2);
    const twoYears = engine.search('芯片', { limit: 0, filters: { year: ['2022', '2023'] } });
    expect(twoYears.total).toBe(4);
    const both = engine.search('芯片', { limit: 0, filters: { source: ['人民日报'], year: ['2023'] } });
    expect(both.hits.map((h) => h.title)).toEqual(['三']);
    const top = engine.search('芯片', { limit: 0, filters: { folder: [''] } });
    expect(top.hits.map((h) => h.title)).toEqual(['六']);
    // An empty list chooses nothing: no narrowing.
    expect(engine.search('芯片', { filters: { source: [] } }).total).toBe(5);
  });

  it('counts each kind over the results narrowed by the other kinds only', () => {
    const r = engine.search('芯片', { filters: { source: ['新华社'] } });
    // The other source is still offered, with its count.
    expect(r.facets.source).toEqual([
      { value: '人民日报', count: 2 },
      { value: '新华社', count: 2 },
    ]);
    expect(r.facets.year).toEqual([
      { value: '2022', count: 1 },
      { value: '2023', count: 1 },
    ]);
    expect(r.facets.folder).toEqual([{ value: 'news', count: 2 }]);
  });

  it('counts a copy folded into another hit once, as total does', () => {
    const copies = new SearchEngine();
    const text = '这是一篇关于芯片产业的长文章，内容完全相同，用来测试副本只计一次。'.repeat(4);
    copies.addFile(1, 'x/a.txt', [section('甲', text, '新华社')]);
    copies.addFile(2, 'y/b.txt', [section('甲', text, '新华社')]);
    const r = copies.search('芯片');
    expect(r.total).toBe(1);
    expect(r.facets.source).toEqual([{ value: '新华社', count: 1 }]);
    expect(r.facets.folder.reduce((n, f) => n + f.count, 0)).toBe(1);
  });

  it('gives empty facets for an empty query', () => {
    expect(engine.search('').facets).toEqual({ source: [], year: [], folder: [] });
  });

  it('keeps at most 20 values per kind', () => {
    const many = new SearchEngine();
    many.addFile(1, 'a.txt', Array.from({ length: 30 }, (_, i) => section(`t${i}`, '芯片', `源${String(i).padStart(2, '0')}`)));
    const source = many.search('芯片').facets.source;
    expect(source).toHaveLength(20);
    expect(source[0]).toEqual({ value: '源00', count: 1 });
  });

  it('lists the 20 most counted of hundreds of values, ties by value, as sorting them all would', () => {
    const many = new SearchEngine();
    // Source k holds (k * 7) % 13 + 1 sections: ties across the 20th place.
    const sections = Array.from({ length: 300 }, (_, k) => Array.from({ length: ((k * 7) % 13) + 1 }, () => section('t', '芯片', `源${k}`))).flat();
    many.addFile(1, 'a.txt', sections);
    const counts = new Map<string, number>();
    for (const s of sections) counts.set(s.source!, (counts.get(s.source!) ?? 0) + 1);
    const expected = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    expect(many.search('芯片').facets.source).toEqual(expected.slice(0, 20));
  });

  it('stays linear: a query matching 100 000 sections', () => {
    const big = new SearchEngine();
    const sources = ['新华社', '人民日报', '澎湃', '财新', '界面'];
    for (let f = 0; f < 100; f++) {
      const sections = Array.from({ length: 1000 }, (_, i) => section(`第${i}篇`, `芯片${i}号文章，讲的是半导体。`, sources[i % 5], `${2000 + (i % 24)}-0${1 + (i % 9)}-01`));
      big.addFile(f, `dir${f % 7}/f${f}.txt`, sections);
    }
    const time = (options: object) => {
      big.rank('芯片', options); // warm
      const t = performance.now();
      const page = big.rank('芯片', options);
      return { ms: performance.now() - t, page };
    };
    const plain = time({ limit: 20 });
    const filtered = time({ limit: 20, filters: { source: ['新华社'], year: ['2001', '2002'] } });
    const dated = time({ limit: 20, sort: 'date' });
    expect(plain.page.counts.total).toBeGreaterThan(99_000);
    expect(plain.page.facets.source.reduce((n, v) => n + v.count, 0)).toBe(plain.page.counts.total);
    expect(filtered.page.facets.source.find((v) => v.value === '人民日报')!.count).toBeGreaterThan(0);
    console.log(`100k matches: rank ${plain.ms.toFixed(1)} ms, filtered ${filtered.ms.toFixed(1)} ms, by date ${dated.ms.toFixed(1)} ms`);
    expect(plain.ms).toBeLessThan(2000);
  }, 60_000);
});
