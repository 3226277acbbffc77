import { Index } from 'flexsearch';
import { describe, expect, it, vi } from 'vitest';
import { normalizeText } from '../normalize/normalize.ts';
import { seeds } from '../../../tests/support/corpus.ts';
import { SearchIndex } from './search-index.ts';

const TEXTS = ['芯片企业 risc-v', '片芯企业', '数据分析与数据挖掘', '晶体管 transformer'];

function indexOf(texts: readonly string[]): SearchIndex {
  const index = new SearchIndex();
  texts.forEach((t, i) => index.add(i + 1, t));
  return index;
}

describe('SearchIndex', () => {
  it('proposes every section holding all pairs of a term, across shards, queued or indexed', () => {
    const index = indexOf(TEXTS);
    // The first read indexes the queue.
    expect(index.candidates('芯片企业')?.sort()).toEqual([1]);
    expect(index.candidates('企业')?.sort()).toEqual([1, 2]);
    expect(index.candidates('数据挖掘')).toEqual([3]);
    expect(index.candidates('transformer')).toEqual([4]);
    expect(index.candidates('不在')).toEqual([]);
    expect(index.candidates('芯')).toBeNull();
  });

  it('is a superset of the sections containing each term on the seeds (every term, every shard)', () => {
    const texts = seeds().map((s) => normalizeText(s.text));
    const index = indexOf(texts);
    for (const [i, text] of texts.entries()) {
      for (let at = 0; at + 4 < text.length; at += 97) {
        const term = text.slice(at, at + 4);
        if (/\s/.test(term)) continue;
        expect(index.candidates(term)).toContain(i + 1);
      }
    }
  });

  it('forgets removed sections, whether still queued or already indexed', () => {
    const index = indexOf(TEXTS);
    index.remove(2);
    expect(index.candidates('企业')).toEqual([1]);
    index.remove(1);
    expect(index.candidates('企业')).toEqual([]);
  });

  it('exports and imports to the same candidates', async () => {
    const index = indexOf(TEXTS);
    const chunks = await index.export();
    expect(chunks.length).toBeGreaterThan(0);
    const restored = new SearchIndex();
    restored.import(chunks);
    for (const term of ['企业', '数据挖掘', 'risc-v', '晶体']) expect(restored.candidates(term)?.sort()).toEqual(index.candidates(term)?.sort());
  });
});

/** Every posting of an index, as `shard/key → ids`, whatever order FlexSearch keeps them in. */
async function postings(index: SearchIndex): Promise<Map<string, number[]>> {
  const all = new Map<string, number[]>();
  for (const [chunk, data] of await index.export()) {
    if (!chunk.endsWith('.map')) continue;
    const shard = chunk.slice(0, chunk.indexOf('/'));
    for (const [key, [ids]] of JSON.parse(data) as [string, number[][]][]) all.set(`${shard}/${key}`, [...ids!].sort((a, b) => a - b));
  }
  return all;
}

describe('SearchIndex.compact', () => {
  it('keeps every posting, indexes what was queued, and the index stays writable', async () => {
    const texts = seeds().map((s) => normalizeText(s.text));
    const built = indexOf(texts);
    const before = await postings(built);
    expect(before.size).toBeGreaterThan(1000);
    const compacted = indexOf(texts);
    // Compacting indexes the queue first: nothing queued is lost.
    compacted.compact();
    expect(await postings(compacted)).toEqual(before);

    compacted.add(texts.length + 1, '片芯企业');
    compacted.remove(1);
    const again = indexOf(texts);
    again.add(texts.length + 1, '片芯企业');
    again.remove(1);
    expect(await postings(compacted)).toEqual(await postings(again));
    expect(compacted.candidates('片芯企业')).toEqual([texts.length + 1]);
  });

  it('does nothing when no section was indexed since the last compaction or import', async () => {
    const texts = seeds().map((s) => normalizeText(s.text));
    const index = indexOf(texts);
    const exports = vi.spyOn(Index.prototype, 'export');
    try {
      index.compact();
      expect(exports).toHaveBeenCalled();
      exports.mockClear();
      // A removal only shortens lists; a second compaction would rebuild every shard for nothing.
      index.remove(1);
      index.compact();
      expect(exports).not.toHaveBeenCalled();
      const restored = new SearchIndex();
      restored.import(await index.export());
      exports.mockClear();
      restored.compact();
      expect(exports).not.toHaveBeenCalled();
      restored.add(99, '片芯企业');
      restored.compact();
      expect(exports).toHaveBeenCalled();
      expect(restored.candidates('片芯企业')).toEqual([99]);
    } finally {
      exports.mockRestore();
    }
  });
});
