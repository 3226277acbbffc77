/**
 * "Show original" at the article: where each article of a file lies in its original, and the
 * query's marks there, exactly those the reader marks.
 */
import { describe, expect, it } from 'vitest';
import { seeds } from '../../tests/support/corpus.ts';
import { handlerHarness } from '../../tests/support/handler.ts';
import { growthRatio, LINEAR_BOUND } from '../../tests/support/linear.ts';
import type { ImportFile } from '../shared/protocol.ts';
import { locate } from './original-view.ts';

const asImport = (name: string, bytes: Uint8Array): ImportFile => ({ name, path: `docs/${name}`, bytes: bytes.slice().buffer });

async function library() {
  const harness = handlerHarness();
  const imported = await harness.result('import', { files: seeds().map((s) => asImport(s.name, s.bytes)) });
  const file = (prefix: string) => harness.store.files.get(imported.files.find((f) => f.name.startsWith(prefix))!.id)!;
  return { ...harness, file };
}

describe('original at the article', () => {
  it('places each article of a newsletter rebuilt from its sections exactly, with the reader’s marks', async () => {
    const { result, file } = await library();
    const newsletter = file('000');
    expect(newsletter.originalGaps).toBeDefined();
    expect(newsletter.sectionIds.length).toBeGreaterThan(3);
    for (const sectionId of newsletter.sectionIds) {
      const view = (await result('original', { fileId: newsletter.id, sectionId, query: '芯片' }))!;
      const read = (await result('read', { sectionId, query: '芯片' }))!;
      expect(view.text.slice(view.start, view.end)).toBe(read.section.text);
      // Inside the article, the original's marks are the reader's, shifted.
      const inside = view.marks.filter(([s, e]) => s >= view.start && e <= view.end).map(([s, e]) => [s - view.start, e - view.start]);
      expect(inside).toEqual(read.marks.map((m) => [m.start, m.end]));
    }
  });

  it('finds the articles of a cleaned newsletter in its original, in order, and marks every match once', async () => {
    const { result, file } = await library();
    const cleaned = file('003');
    expect(cleaned.originalGaps).toBeUndefined();
    expect(cleaned.sectionIds.length).toBeGreaterThan(3);
    let previous = -1;
    for (const sectionId of cleaned.sectionIds) {
      const view = (await result('original', { fileId: cleaned.id, sectionId, query: '人工智能' }))!;
      const read = (await result('read', { sectionId, query: '' }))!;
      expect(view.start).toBeGreaterThan(previous);
      expect(view.end).toBeGreaterThan(view.start);
      previous = view.start;
      // The article starts with its first line, annotations and all (產(chǎn)業 where the article has 產業).
      expect(view.text.slice(view.start, view.start + 4)).toBe(read.section.text.trim().slice(0, 4));
      // Every mark is one match of the query, none overlapping: what a person sees marked.
      expect(view.marks.length).toBe(view.text.split('人工智能').length - 1 + view.text.split('人工智慧').length - 1);
      view.marks.forEach(([s, e], i) => {
        expect(['人工智能', '人工智慧']).toContain(view.text.slice(s, e));
        if (i > 0) expect(s).toBeGreaterThan(view.marks[i - 1]![1]);
      });
    }
    expect(await result('original', { fileId: cleaned.id, sectionId: file('000').sectionIds[0]!, query: '' })).toBeNull();
  });

  it('places the article of a page whose boilerplate was cleaned away', async () => {
    const { result, file, store } = await library();
    const page = file('002');
    const view = (await result('original', { fileId: page.id, sectionId: page.sectionIds[0]!, query: 'Transformer' }))!;
    expect(view.text).toBe(store.originals.get(page.id));
    // The menu and the link spam before the article are not part of it.
    expect(view.start).toBeGreaterThan(100);
    expect(view.text.slice(view.start, view.start + 40)).toContain('Swin');
    expect(view.marks.length).toBe(view.text.match(/transformer/gi)!.length);
  });

  it('locates articles in linear time, also when none is found', () => {
    const made = (n: number, found: boolean) => {
      const texts = Array.from({ length: n }, (_, i) => `第${i}篇文章的标题\n${'正文内容'.repeat(20)}`);
      const original = found ? texts.join('\n菜单 首页 登录\n') : '无关的文字'.repeat(n * 20);
      return () => void locate(original, texts, n - 1);
    };
    expect(growthRatio((n) => made(n, true), 200)).toBeLessThan(LINEAR_BOUND);
    expect(growthRatio((n) => made(n, false), 200)).toBeLessThan(LINEAR_BOUND);
  });
});
