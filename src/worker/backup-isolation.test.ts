/**
 * Every dropped source is isolated: tampered backups dropped between good files cost only their
 * own bad entries. Before, an `original` of "__proto__" or a numeric `path` threw out of the
 * import: the good files staged with it were listed, then gone after a reload.
 */
import { describe, expect, it } from 'vitest';
import { seeds } from '../../tests/support/corpus.ts';
import { sha256 } from '../../tests/support/hash.ts';
import { ADDED, LISTED, mixedDrop, REFUSED_WORDS, RESTORED_WORDS } from '../../tests/support/tampered-backups.ts';
import type { FileOutcome, ImportFile } from '../shared/protocol.ts';
import { MemoryLibraryStore } from '../storage/memory-store.ts';
import { Library } from './library.ts';

const never = new AbortController().signal;
const asImport = (path: string, bytes: Uint8Array): ImportFile => ({ name: path.split('/').pop()!, path, bytes: bytes.slice().buffer });
const status = (o: FileOutcome | undefined) => (o ? (o.status === 'indexed' ? 'indexed' : o.code) : 'missing');

/** The good files and the valid backup entries are listed and found; the bad entries are not. */
async function expectRestored(library: Library) {
  // Through the library, which loads the texts of a re-opened library's hits first.
  const found = async (w: string) => (await library.search(w, { limit: 0 })).hits.map((h) => h.fileName);
  for (const w of RESTORED_WORDS) expect(await found(w)).toEqual([`notes/${w}.txt`]);
  for (const w of REFUSED_WORDS) expect(await found(w)).toEqual([]);
  expect(library.state().files.map((f) => f.path).sort()).toEqual(LISTED);
}

describe('a drop of good files and tampered backups', () => {
  it('restores every valid entry, reports each bad one on its own, and keeps it all after a reload', async () => {
    const store = new MemoryLibraryStore();
    const library = new Library(store, sha256);
    await library.init();
    const before = Date.now();
    const { outcomes } = await library.import(mixedDrop().map((f) => asImport(f.path, f.bytes)), () => {}, never);
    expect(outcomes.map((o) => [o.path, status(o)])).toEqual([
      ['first.txt', 'indexed'],
      ['proto.zip/notes/原型链甲.txt', 'bad-backup-entry'],
      ['notes/原型链乙.txt', 'indexed'],
      ['proto.zip/notes/原型链丙.txt', 'bad-backup-entry'],
      ['numeric.zip/files[0]', 'bad-backup-entry'],
      ['notes/数字路径乙.txt', 'indexed'],
      ['notjson.zip', 'bad-backup'],
      ['notes/日期甲.txt', 'indexed'],
      ['notes/日期乙.txt', 'indexed'],
      ['notes/日期丙.txt', 'indexed'],
      ['last.txt', 'indexed'],
    ]);
    expect(outcomes.find((o) => o.path === 'notjson.zip')).toMatchObject({ message: expect.stringContaining("manifest is not readable") });
    await expectRestored(library);
    // A date out of range is replaced by the import time; a sane one is kept.
    const added = new Map(library.state().files.map((f) => [f.path, f.addedAt]));
    for (const p of ['notes/日期甲.txt', 'notes/日期乙.txt']) expect(added.get(p)).toBeGreaterThanOrEqual(before);
    expect(added.get('notes/日期丙.txt')).toBe(ADDED + 2);

    const reopened = new Library(store, sha256);
    await reopened.init();
    await expectRestored(reopened);
    expect((await reopened.search('芯片', { limit: 0 })).total).toBe((await library.search('芯片', { limit: 0 })).total);
    expect((await reopened.search('芯片', { limit: 0 })).total).toBeGreaterThan(0);
  });

  it('a source that throws while read is its own internal outcome; the files around it are stored', async () => {
    const store = new MemoryLibraryStore();
    const poison = seeds()[2]!.bytes;
    // A hash that fails on one file stands for any bug or input no check foresaw.
    const hash = async (bytes: Uint8Array) => {
      if (bytes.length === poison.length && bytes.every((b, i) => b === poison[i])) throw new Error('hashing failed');
      return sha256(bytes);
    };
    const library = new Library(store, hash);
    await library.init();
    const files = [asImport('a.txt', seeds()[0]!.bytes), asImport('poison.txt', poison), asImport('b.txt', seeds()[1]!.bytes)];
    const { outcomes } = await library.import(files, () => {}, never);
    expect(outcomes.map((o) => [o.path, status(o)])).toEqual([
      ['a.txt', 'indexed'],
      ['poison.txt', 'internal'],
      ['b.txt', 'indexed'],
    ]);
    const reopened = new Library(store, sha256);
    await reopened.init();
    expect(reopened.state().files.map((f) => f.path).sort()).toEqual(['a.txt', 'b.txt']);
  });
});
