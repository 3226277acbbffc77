import 'fake-indexeddb/auto';
import { createStore, getMany, keys, set, setMany, type UseStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type FileRecord, type LibraryMeta, type SectionRecord } from '../shared/records.ts';
import { IdbLibraryStore } from './idb-store.ts';
import type { IndexChunk } from '../core/index/search-index.ts';

let dbCount = 0;
function freshStore() {
  const db = createStore(`souwen-test-${dbCount++}`, 'library');
  return { db, store: new IdbLibraryStore(db) };
}

const meta = (generation: number, indexed: number[] = []): LibraryMeta => ({
  schemaVersion: SCHEMA_VERSION,
  createdAt: 0,
  indexConfigHash: 'h',
  nextFileId: 3,
  nextSectionId: 10,
  indexGeneration: generation,
  indexedFileIds: indexed,
});
const file = (id: number): FileRecord => ({ id, name: `${id}.txt`, path: `${id}.txt`, size: 3, hash: `hash${id}`, encoding: 'utf-8', bom: false, addedAt: 1, sectionIds: [id * 10] });
const section = (fileId: number): SectionRecord => ({ id: fileId * 10, fileId, index: 0, title: 't', text: '芯片', norm: '芯片' });

/** Index chunk bytes, told apart by their first byte. */
const bytes = (first: number) => new Uint8Array([first, 0, 255]);

describe('IdbLibraryStore (fake-indexeddb)', () => {
  it('stores a file with its sections and loads them back', async () => {
    const { store } = freshStore();
    await store.putFiles([{ file: file(1), sections: [section(1)], original: '原文' }], meta(0));
    expect(await store.getOriginal(1)).toBe('原文');
    const loaded = await store.load();
    expect(loaded.files).toEqual([file(1)]);
    // The text is kept apart from the record: a reload does not read it.
    const { text: _text, ...record } = section(1);
    expect(loaded.sections.get(1)).toEqual([record]);
    expect(await store.getTexts([1, 2])).toEqual(new Map([[1, ['芯片']]]));
    expect(loaded.meta).toEqual(meta(0));
  });

  it('hands the worker its warm-up once the records are asked for, before they are given', async () => {
    const { store } = freshStore();
    await store.putFiles([{ file: file(1), sections: [section(1)], original: null }], meta(0));
    const calls: string[] = [];
    const loading = store.load(() => calls.push('warm-up'));
    expect(calls).toEqual([]);
    const loaded = await loading;
    calls.push(`loaded ${loaded.files.length}`);
    expect(calls).toEqual(['warm-up', 'loaded 1']);
  });

  it('writes the section records of a block as columns, and reads blocks of objects (schemas 6 and 7)', async () => {
    const { db, store } = freshStore();
    await store.putFiles([{ file: file(1), sections: [section(1)], original: null }], meta(0));
    const [written] = await getMany<Record<string, unknown>>(['block:1'], db);
    expect(Object.keys(written!).sort()).toEqual(['columns', 'files']);
    const { text: _text, ...record } = section(1);
    await set('block:2', { files: [file(2)], sections: [[{ ...record, id: 20, fileId: 2 }]] }, db);
    const loaded = await store.load();
    expect(loaded.files.map((f) => f.id).sort()).toEqual([1, 2]);
    expect(loaded.sections.get(1)).toEqual([record]);
    expect(loaded.sections.get(2)).toEqual([{ ...record, id: 20, fileId: 2 }]);
  });

  it('gives every record with every field, in one order, whatever shape it was stored in', async () => {
    const { db, store } = freshStore();
    await store.putFiles([{ file: file(1), sections: [section(1)], original: null }], meta(0));
    // Fields in another order, some missing, one no record has: a block of objects, and a value per file.
    const odd = { norm: '芯片', title: 't', index: 0, fileId: 2, id: 20, patch: undefined, stray: 1 };
    await set('block:2', { files: [file(2)], sections: [[odd]] }, db);
    await setMany([[`file:3`, file(3)], [`sections:3`, [{ ...odd, id: 30, fileId: 3 }]]], db);
    const loaded = await store.load();
    const shapes = [1, 2, 3].map((id) => Object.keys(loaded.sections.get(id)![0]!).join());
    expect(new Set(shapes).size).toBe(1);
    expect(shapes[0]).toBe('id,fileId,index,title,url,source,date,text,norm,drift,normTitle,script,patch');
    expect(loaded.sections.get(2)).toEqual([{ id: 20, fileId: 2, index: 0, title: 't', norm: '芯片' }]);
  });

  it('reads records written with their text inline (schema 2) as they are', async () => {
    const { db, store } = freshStore();
    await setMany([[`file:1`, file(1)], [`sections:1`, [section(1)]], ['meta', meta(0)]], db);
    expect((await store.load()).sections.get(1)).toEqual([section(1)]);
    expect(await store.getTexts([1])).toEqual(new Map());
  });

  it('writes no original for a file whose original is its text', async () => {
    const { db, store } = freshStore();
    await store.putFiles([{ file: { ...file(1), originalIsText: true }, sections: [section(1)], original: null }], meta(0));
    expect(await store.getOriginal(1)).toBeUndefined();
    expect((await keys(db)).map(String).sort()).toEqual(['block:1', 'meta', 'texts:1']);
    await store.deleteFiles([1], meta(0));
    expect((await keys(db)).map(String).sort()).toEqual(['meta']);
  });

  it('stores the records of up to 16 files as one value, and reads them back', async () => {
    const { db, store } = freshStore();
    const ids = Array.from({ length: 20 }, (_, k) => k + 1);
    await store.putFiles(ids.map((id) => ({ file: file(id), sections: [section(id)], original: null })), meta(0));
    const blocks = (await keys(db)).map(String).filter((k) => k.startsWith('block:'));
    expect(blocks.sort()).toEqual([`block:${ids.slice(0, 16).join(',')}`, 'block:17,18,19,20']);
    const loaded = await store.load();
    expect(loaded.files.map((f) => f.id).sort((a, b) => a - b)).toEqual(ids);
    for (const id of ids) expect(loaded.sections.get(id)?.map((r) => r.norm)).toEqual(['芯片']);
  });

  it('closes a block at 2 000 000 characters of folded text, before 16 files', async () => {
    const { db, store } = freshStore();
    const long = (id: number): SectionRecord => ({ ...section(id), norm: '芯'.repeat(900_000) });
    await store.putFiles([1, 2, 3, 4].map((id) => ({ file: file(id), sections: [long(id)], original: null })), meta(0));
    expect((await keys(db)).map(String).filter((k) => k.startsWith('block:')).sort()).toEqual(['block:1,2,3', 'block:4']);
  });

  it('loads the other files when a block is damaged', async () => {
    const { db, store } = freshStore();
    await store.putFiles([{ file: file(1), sections: [section(1)], original: null }], meta(0));
    await store.putFiles([{ file: file(2), sections: [section(2)], original: null }], meta(0));
    const brokenRecords = [{ files: [file(2)], sections: [[null]] }, { files: [file(2)], sections: ['x'] }, { files: [file(2)], sections: [[{ ...section(2), drift: 7 }]] }];
    for (const damaged of ['not a block', { files: [file(2)] }, { files: 'x', sections: [] }, null, ...brokenRecords]) {
      await set('block:2', damaged, db);
      expect((await store.load()).files.map((f) => f.id)).toEqual([1]);
    }
  });

  it('rewrites a block without a deleted file, and moves a file stored again out of its old block', async () => {
    const { db, store } = freshStore();
    await store.putFiles([1, 2, 3].map((id) => ({ file: file(id), sections: [section(id)], original: '原文' })), meta(0));
    await store.deleteFiles([2], meta(0));
    expect((await keys(db)).map(String).filter((k) => k.startsWith('block:'))).toEqual(['block:1,3']);
    // Folded again or back from the trash: the file is stored anew, once.
    await store.putFiles([{ file: { ...file(3), name: 'again.txt' }, sections: [section(3)], original: null }], meta(0));
    expect((await keys(db)).map(String).filter((k) => k.startsWith('block:')).sort()).toEqual(['block:1', 'block:3']);
    const loaded = await store.load();
    expect(loaded.files.map((f) => [f.id, f.name]).sort()).toEqual([[1, '1.txt'], [3, 'again.txt']]);
    expect(await store.getOriginal(2)).toBeUndefined();
    expect(await store.getOriginal(1)).toBe('原文');
  });

  it('reads files stored one value each (schema 5), and packs them into blocks', async () => {
    const { db, store } = freshStore();
    const { text: _text, ...record } = section(1);
    await setMany([[`file:1`, file(1)], [`sections:1`, [record]], [`file:2`, file(2)], [`sections:2`, [section(2)]], [`texts:1`, ['芯片']], ['meta', meta(0)]], db);
    const before = await store.load();
    expect(before.files.map((f) => f.id)).toEqual([1, 2]);
    await store.packFiles();
    expect((await keys(db)).map(String).sort()).toEqual(['block:1,2', 'meta', 'texts:1']);
    const after = await store.load();
    expect([after.files, [...after.sections]]).toEqual([before.files, [...before.sections]]);
    expect(await store.getTexts([1])).toEqual(new Map([[1, ['芯片']]]));
  });

  it('stores a file found one value each again as a block, leaving no older copy behind', async () => {
    const { db, store } = freshStore();
    await setMany([[`file:1`, file(1)], [`sections:1`, [section(1)]], ['meta', meta(0)]], db);
    await store.load();
    await store.putFiles([{ file: { ...file(1), name: 'refolded.txt' }, sections: [section(1)], original: null }], meta(0));
    expect((await keys(db)).map(String).sort()).toEqual(['block:1', 'meta', 'texts:1']);
    expect((await store.load()).files.map((f) => f.name)).toEqual(['refolded.txt']);
  });

  it('deletes a file with its texts', async () => {
    const { db, store } = freshStore();
    await store.putFiles([{ file: file(1), sections: [section(1)], original: '原文' }], meta(0));
    await store.deleteFiles([1], meta(0));
    expect((await keys(db)).map(String).sort()).toEqual(['meta']);
  });

  it('loads only the current index generation and deletes older ones after a save', async () => {
    const { db, store } = freshStore();
    await store.saveIndex([['1.map', bytes(1)]], meta(1, [1]));
    await store.saveIndex([['1.map', bytes(2)], ['1.reg', bytes(3)]], meta(2, [1]));
    const loaded = await store.load();
    expect(loaded.indexChunks.sort()).toEqual([['1.map', bytes(2)], ['1.reg', bytes(3)]]);
    expect((await keys(db)).map(String).filter((k) => k.startsWith('index:')).sort()).toEqual(['index:2:1.map', 'index:2:1.reg']);
  });

  it('ignores the chunks of a save that crashed before its manifest flip, and never mixes them in', async () => {
    const { db, store } = freshStore();
    await store.saveIndex([['1.map', bytes(4)]], meta(1, [1]));
    // A crashed save of generation 2 left a chunk behind; the manifest still says generation 1.
    await set('index:2:1.extra', bytes(5), db);
    expect((await store.load()).indexChunks).toEqual([['1.map', bytes(4)]]);
    await store.saveIndex([['1.map', bytes(6)]], meta(2, [1]));
    expect((await store.load()).indexChunks).toEqual([['1.map', bytes(6)]]);
  });

  it('writes a snapshot of large chunks a chunk per transaction, and one cut off midway leaves the last one whole', async () => {
    const { db } = freshStore();
    let writes = 0;
    let failAt = Infinity;
    const cutOff: UseStore = (mode, callback) => (mode === 'readwrite' && ++writes === failAt ? Promise.reject(new Error('cut off')) : db(mode, callback));
    const store = new IdbLibraryStore(cutOff);
    const chunk = (first: number): IndexChunk => [`c${first}`, Object.assign(new Uint8Array(1 << 20), { 0: first })];
    const firstBytes = async () => (await store.load()).indexChunks.map(([name, data]) => [name, data[0]]).sort();
    await store.saveIndex([chunk(1), chunk(2), chunk(3)], meta(1, [1]));
    // Three chunks and the manifest: other requests get turns between the copies of 1 MB each.
    expect(writes).toBe(4);
    failAt = writes + 2;
    await expect(store.saveIndex([chunk(4), chunk(5), chunk(6)], meta(2, [1]))).rejects.toThrow('cut off');
    expect(await firstBytes()).toEqual([['c1', 1], ['c2', 2], ['c3', 3]]);
    await store.saveIndex([chunk(7)], meta(3, [1]));
    expect(await firstBytes()).toEqual([['c7', 7]]);
    expect((await keys(db)).map(String).filter((k) => k.startsWith('index:'))).toEqual(['index:3:c7']);
  });

  it('deletes a file and its sections, and clears everything', async () => {
    const { store } = freshStore();
    await store.putFiles([{ file: file(1), sections: [section(1)], original: '原文' }], meta(0));
    await store.putFiles([{ file: file(2), sections: [section(2)], original: '原文二' }], meta(0));
    await store.deleteFiles([1], meta(0));
    expect((await store.load()).files.map((f) => f.id)).toEqual([2]);
    expect(await store.getOriginal(1)).toBeUndefined();
    await store.clear();
    const empty = await store.load();
    expect([empty.files, empty.meta, empty.indexChunks]).toEqual([[], undefined, []]);
  });
});

describe('IdbLibraryStore.open when IndexedDB is unavailable', () => {
  it('returns null (the worker then runs on a memory store) when there is no IndexedDB or opening it throws', async () => {
    const real = globalThis.indexedDB;
    try {
      Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true, writable: true });
      expect(await IdbLibraryStore.open()).toBeNull();
      // Private windows of some browsers: the object exists, opening fails.
      const refusing = {
        open: () => {
          throw new DOMException('The user denied permission to access the database.', 'SecurityError');
        },
      };
      Object.defineProperty(globalThis, 'indexedDB', { value: refusing, configurable: true, writable: true });
      expect(await IdbLibraryStore.open()).toBeNull();
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', { value: real, configurable: true, writable: true });
    }
    expect(await IdbLibraryStore.open()).not.toBeNull();
  });
});
