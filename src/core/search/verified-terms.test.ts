import { describe, expect, it } from 'vitest';
import { seeds } from '../../../tests/support/corpus.ts';
import { SearchEngine } from '../engine.ts';
import { ingest } from '../pipeline.ts';
import { SectionStore, type LibrarySection } from './section-store.ts';
import { VerifiedTerms, type Verified } from './verified-terms.ts';

const section = (id: number, fileId: number, norm: string): LibrarySection => ({ id, fileId, index: 0, title: '', text: norm, norm });

/** A verification that records what it was asked to check: the ids holding `x`, counted once. */
function recording(store: SectionStore) {
  const asked: number[][] = [];
  const verify = (fresh: readonly number[]): Verified => {
    asked.push([...fresh]);
    const counts = new Uint8Array(store.maxId + 1);
    const inTitle = new Uint8Array(store.maxId + 1);
    const ids = fresh.filter((id) => store.get(id)?.norm.includes('x'));
    for (const id of ids) counts[id] = 1;
    return { ids, counts, inTitle };
  };
  return { asked, verify };
}

describe('VerifiedTerms', () => {
  it('checks only the sections added since, and checks all again after a removal or an out-of-order addition', () => {
    const store = new SectionStore();
    const kept = new VerifiedTerms(4, 0);
    const { asked, verify } = recording(store);
    store.addFile(1, 'a', [section(1, 1, 'x'), section(2, 1, 'y')]);
    expect(kept.verified('literal', 'x', store, [1, 2], verify).ids).toEqual([1]);
    store.addFile(2, 'b', [section(3, 2, 'xx'), section(4, 2, 'z')]);
    const grown = kept.verified('literal', 'x', store, [1, 2, 3, 4], verify);
    expect(asked.at(-1)).toEqual([3, 4]);
    expect([grown.ids, [...grown.counts]]).toEqual([[1, 3], [0, 1, 0, 1, 0]]);
    // Another kind of match of the same term is kept apart.
    kept.verified('pinyin', 'x', store, [1, 2, 3, 4], verify);
    expect(asked.at(-1)).toEqual([1, 2, 3, 4]);
    store.removeFile(1);
    expect(kept.verified('literal', 'x', store, [3, 4], verify).ids).toEqual([3]);
    expect(asked.at(-1)).toEqual([3, 4]);
    store.addFile(3, 'c', [section(2, 3, 'x')]);
    expect(kept.verified('literal', 'x', store, [2, 3, 4], verify).ids).toEqual([2, 3]);
    expect(asked.at(-1)).toEqual([2, 3, 4]);
  });

  it('keeps nothing for a term with few candidates, and at most `capacity` terms', () => {
    const store = new SectionStore();
    store.addFile(1, 'a', [section(1, 1, 'x'), section(2, 1, 'x')]);
    const { asked, verify } = recording(store);
    const few = new VerifiedTerms(4, 3);
    few.verified('literal', 'x', store, [1, 2], verify);
    few.verified('literal', 'x', store, [1, 2], verify);
    expect(asked).toEqual([[1, 2], [1, 2]]);
    const one = new VerifiedTerms(1, 0);
    one.verified('literal', 'x', store, [1, 2], verify);
    one.verified('literal', 'y', store, [1, 2], verify);
    one.verified('literal', 'x', store, [1, 2], verify);
    expect(asked.slice(2)).toEqual([[1, 2], [1, 2], [1, 2]]);
  });

  it('gives back the kept counts (0 to 16) and title hits of every match as they were verified', () => {
    const store = new SectionStore();
    const norms = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 'y' : 'x'.repeat(1 + (i % 17))));
    store.addFile(1, 'a', norms.slice(0, 30).map((norm, i) => section(i + 1, 1, norm)));
    const verify = (fresh: readonly number[]): Verified => {
      const counts = new Uint8Array(store.maxId + 1);
      const inTitle = new Uint8Array(store.maxId + 1);
      const ids = fresh.filter((id) => store.get(id)!.norm.includes('x'));
      // A count of 0 is a match whose count is not known.
      for (const id of ids) [counts[id], inTitle[id]] = [(store.get(id)!.norm.length * 5) % 17, id % 2];
      return { ids, counts, inTitle };
    };
    const kept = new VerifiedTerms(4, 0);
    const all = () => Array.from({ length: store.maxId }, (_, i) => i + 1);
    kept.verified('literal', 'x', store, all(), verify);
    store.addFile(2, 'b', norms.slice(30).map((norm, i) => section(i + 31, 2, norm)));
    const grown = kept.verified('literal', 'x', store, all(), verify);
    const afresh = verify(all());
    expect([grown.ids, [...grown.counts], [...grown.inTitle]]).toEqual([afresh.ids, [...afresh.counts], [...afresh.inTitle]]);
    expect(new Set(grown.counts).size).toBeGreaterThan(10);
  });

  it('gives the same ranked pages as verifying afresh, as files arrive and leave', () => {
    const keeping = new SearchEngine(new VerifiedTerms(32, 0));
    const fresh = new SearchEngine(new VerifiedTerms(0, Infinity));
    const queries = ['芯片', '的', 'AI', 'xinpian', 'xp', '軟體', 'ruanti'];
    const files = seeds().map(({ name, bytes }) => ({ name, sections: ingest(bytes, name).sections }));
    // Matchers are made per query (functions): everything else of each page is compared.
    const pages = (engine: SearchEngine) =>
      queries.map((q) => {
        const { entries, ...rest } = engine.rank(q, { limit: 0 });
        return { ...rest, entries: entries.map(({ matchers: _matchers, ...entry }) => entry) };
      });
    files.forEach((f, fileId) => {
      for (const engine of [keeping, fresh]) engine.addFile(fileId, f.name, f.sections);
      expect(pages(keeping)).toEqual(pages(fresh));
    });
    for (const engine of [keeping, fresh]) engine.removeFile(1);
    expect(pages(keeping)).toEqual(pages(fresh));
  });
});
