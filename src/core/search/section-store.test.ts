import { describe, expect, it } from 'vitest';
import { signature } from '../rank/near-duplicates.ts';
import { fromStored } from './records.ts';
import { SectionStore } from './section-store.ts';

/** A poem-sized section of its own text. */
const poem = (id: number) => fromStored({ id, fileId: 1, index: id, title: `詩 ${id}`, norm: `第${id}首,春眠不觉晓,处处闻啼鸟,夜来风雨声,花落知多少,${id * 7919}` });

describe('SectionStore sketches', () => {
  it('holds the sketches made on first use 4 096 at most, and gives each as made from its text', () => {
    const store = new SectionStore();
    const sections = Array.from({ length: 10_000 }, (_, id) => poem(id));
    store.addFile(1, 'poems.txt', sections);
    for (const s of sections) expect(store.signature(s.id)).toEqual(signature(s.norm));
    expect(store.sketchesHeld).toBeLessThanOrEqual(4096);
    expect(store.sketchesHeld).toBeGreaterThan(0);
    // Asked again after being dropped, a sketch is made again, the same.
    expect(store.signature(3)).toEqual(signature(sections[3]!.norm));
  });

  it('keeps the sketches of long sections made as they are added', () => {
    const store = new SectionStore();
    const long = fromStored({ id: 1, fileId: 1, index: 0, title: 't', norm: '长'.repeat(2000) + '文' });
    store.addFile(1, 'long.txt', [long]);
    store.sketch(long);
    const made = store.signature(1);
    const shorts = Array.from({ length: 5000 }, (_, k) => poem(k + 2));
    store.appendToFile(1, shorts);
    for (const s of shorts) store.signature(s.id);
    expect(store.sketchesHeld).toBeLessThanOrEqual(4097);
    // The same object: never dropped with the others.
    expect(store.signature(1)).toBe(made);
  });
});

describe('SectionStore files', () => {
  it('gives a file its section ids in order, following one another or not, and forgets them with it', () => {
    const store = new SectionStore();
    store.addFile(1, 'a.txt', [poem(10), poem(11), poem(12)]);
    store.appendToFile(1, [poem(13)]);
    store.addFile(2, 'b.txt', [poem(20), poem(22)]);
    store.appendToFile(2, [poem(23), poem(5)]);
    store.addFile(3, 'c.txt', []);
    store.appendToFile(3, [poem(30), poem(31)]);
    expect(store.sectionIdsOf(1)).toEqual([10, 11, 12, 13]);
    expect(store.sectionIdsOf(2)).toEqual([20, 22, 23, 5]);
    expect(store.sectionIdsOf(3)).toEqual([30, 31]);
    expect(store.sectionIdsOf(4)).toEqual([]);
    expect(store.removeFile(2)).toEqual([20, 22, 23, 5]);
    expect([...store.ids()]).toEqual([10, 11, 12, 13, 30, 31]);
    expect(store.sectionIdsOf(2)).toEqual([]);
  });
});

describe('SectionStore arrays by id', () => {
  it('fits its arrays by id to the largest id, and grows them again for sections added after', () => {
    const store = new SectionStore();
    const first = Array.from({ length: 3000 }, (_, id) => ({ ...poem(id + 1), source: `作者${id % 7}`, date: `${1900 + (id % 50)}-01-01` }));
    store.addFile(1, 'a/poems.txt', first);
    expect(store.lengths.length).toBeGreaterThan(3001);
    store.fit();
    expect(store.lengths.length).toBe(3001);
    expect(store.facetCodes.table.length).toBe(3001 * store.facetCodes.kinds);
    const later = Array.from({ length: 500 }, (_, k) => ({ ...poem(k + 3001), source: '后来者' }));
    store.addFile(2, 'b/more.txt', later);
    for (const s of [...first, ...later]) {
      expect(store.lengths[s.id]).toBe(s.norm.length);
      expect(store.get(s.id)).toBe(s);
    }
    const codes = (id: number) => [0, 1, 2].map((k) => store.facetCodes.code(id, k));
    expect(codes(3000)).toEqual(codes(3000 - 350));
    expect(codes(3001)[0]).not.toBe(codes(3000)[0]);
    expect(codes(3001)[2]).not.toBe(codes(3000)[2]);
  });
});
