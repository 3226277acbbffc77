/**
 * The library listing: each file with its first article's title and its folder, from what the
 * engine holds after a reload (section texts stay in storage until shown), fast at 5 000 files.
 */
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../tests/support/hash.ts';
import type { FileRecord, SectionRecord } from '../shared/records.ts';
import { MemoryLibraryStore } from '../storage/memory-store.ts';
import { emptyMeta } from './catalog.ts';
import { Library } from './library.ts';

const FILES = 5000;

/** A stored library of `n` files of two articles each, in a few folders, one file without articles. */
async function storedLibrary(n: number): Promise<MemoryLibraryStore> {
  const store = new MemoryLibraryStore();
  const files = Array.from({ length: n }, (_, i) => {
    const id = i + 1;
    const path = i % 3 === 0 ? `notes-${id}.txt` : `folder-${i % 7}/sub/notes-${id}.txt`;
    const sections: SectionRecord[] = id === n ? [] : [0, 1].map((k) => ({ id: 2 * id + k, fileId: id, index: k, title: `第${id}篇的第${k}章`, text: `正文${id}-${k}`, norm: `正文${id}-${k}` }));
    const file: FileRecord = { id, name: path.split('/').pop()!, path, size: 10, hash: `h${id}`, encoding: 'utf-8', bom: false, addedAt: id, sectionIds: sections.map((s) => s.id) };
    return { file, sections, original: null };
  });
  await store.putFiles(files, { ...emptyMeta(), nextFileId: n + 1, nextSectionId: 2 * n + 2 });
  return store;
}

describe('library listing', () => {
  it(`lists ${FILES} files with titles and folders without loading any section text, in milliseconds`, async () => {
    const library = new Library(await storedLibrary(FILES), sha256);
    await library.init();
    // Nothing read from the texts: a reload leaves them in storage.
    expect(library.engine.filesWithoutText([2, 3])).toEqual([1]);
    library.state();
    let best = Infinity;
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      library.state();
      best = Math.min(best, performance.now() - t);
    }
    console.log(`listing ${FILES} files: ${best.toFixed(2)} ms`);
    expect(best).toBeLessThan(50);
    const files = library.state().files;
    expect(files).toHaveLength(FILES);
    expect(files[0]).toMatchObject({ id: FILES, title: `notes-${FILES}.txt`, folder: 'folder-1/sub' });
    expect(files.find((f) => f.id === 1)).toMatchObject({ title: '第1篇的第0章', folder: '' });
    expect(files.find((f) => f.id === 2)).toMatchObject({ title: '第2篇的第0章', folder: 'folder-1/sub', name: 'notes-2.txt' });
  });
});
