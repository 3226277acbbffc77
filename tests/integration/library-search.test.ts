/** The worker's Library answers a search in two steps: rank, load the page's texts, show. */
import { describe, expect, it, vi } from 'vitest';
import type { ImportFile } from '../../src/shared/protocol.ts';
import { MemoryLibraryStore } from '../../src/storage/memory-store.ts';
import { Library } from '../../src/worker/library.ts';
import { seeds } from '../support/corpus.ts';
import { sha256 } from '../support/hash.ts';
import { withTextsApart } from '../support/older-library.ts';

const seedFiles = (): ImportFile[] => seeds().map(({ name, bytes }) => ({ name, path: name, bytes: bytes.slice().buffer }));

describe('Library.search after a reload (section texts left in storage)', () => {
  it('ranks once, reads the texts of the page’s files only, and answers as before the reload', async () => {
    const store = new MemoryLibraryStore();
    const first = new Library(store, sha256);
    await first.init();
    await first.import(seedFiles(), () => {}, new AbortController().signal);
    const before = await first.search('晶體管', { limit: 20 });
    expect(before.hits.length).toBeGreaterThan(0);
    // As a library stored before schema 7 keeps them (a later one remakes most texts from patches).
    withTextsApart(store);
    store.meta = { ...store.meta!, schemaVersion: 6 };

    const second = new Library(store, sha256);
    await second.init();
    const everySection = Array.from({ length: second.engine.sectionCount + 10 }, (_, id) => id);
    const unread = second.engine.filesWithoutText(everySection).length;
    // Every text is still in storage: the search has to load those it shows.
    expect(unread).toBe(seeds().length);
    const rank = vi.spyOn(second.engine, 'rank');
    const search = vi.spyOn(second.engine, 'search');
    const after = await second.search('晶體管', { limit: 20 });
    expect(after).toEqual(before);
    expect(rank).toHaveBeenCalledTimes(1);
    expect(search).not.toHaveBeenCalled();
    const pageFiles = new Set(after.hits.map((h) => h.fileId)).size;
    expect(second.engine.filesWithoutText(everySection)).toHaveLength(unread - pageFiles);
  });
});
