/**
 * When storage runs out mid-import, the files that fit stay stored and searchable, the others are
 * reported as "storage full", and the library keeps working (and reopens consistent).
 */
import { describe, expect, it } from 'vitest';
import { seeds } from '../../tests/support/corpus.ts';
import type { LibraryMeta } from '../shared/records.ts';
import type { StoredFile } from '../storage/library-store.ts';
import { MemoryLibraryStore } from '../storage/memory-store.ts';
import { Library } from './library.ts';
import { sha256 } from '../../tests/support/hash.ts';

/** A store with a quota in characters of original text, failing as IndexedDB does when it is used up. */
class SmallStore extends MemoryLibraryStore {
  used = 0;
  constructor(readonly quota: number) {
    super();
  }
  override async putFiles(files: readonly StoredFile[], meta: LibraryMeta): Promise<void> {
    // A transaction is all or nothing: when the batch does not fit, nothing of it is written.
    const size = files.reduce((n, f) => n + (f.original ?? f.sections.map((s) => s.text ?? '').join('')).length, 0);
    if (this.used + size > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.used += size;
    return super.putFiles(files, meta);
  }
}

describe('storage quota', () => {
  it('keeps what fits, reports the rest as storage-full, and stays usable', async () => {
    const files = seeds();
    const sizes = files.map((s) => s.text.length);
    const store = new SmallStore(sizes[0]! + sizes[1]! + 10);
    const library = new Library(store, sha256);
    await library.init();
    const { outcomes } = await library.import(
      files.map((s) => ({ name: s.name, path: s.name, bytes: s.bytes.slice().buffer })),
      () => {},
      new AbortController().signal,
    );
    const indexed = outcomes.filter((o) => o.status === 'indexed');
    const full = outcomes.filter((o) => o.status === 'skipped' && o.code === 'storage-full');
    expect(indexed.length).toBeGreaterThanOrEqual(2);
    expect(indexed.length + full.length).toBe(files.length);
    expect(full.length).toBeGreaterThan(0);
    // Only stored files are listed and searchable.
    expect(library.state().files.map((f) => f.path).sort()).toEqual(indexed.map((o) => o.path).sort());
    for (const o of full) expect(library.engine.search(`file:${o.path.slice(0, 12)}`).total).toBe(0);
    // Reopened, the library is the same.
    const reopened = new Library(store, sha256);
    expect((await reopened.init()).files.map((f) => f.path).sort()).toEqual(indexed.map((o) => o.path).sort());
    expect(new Set(reopened.state().files.map((f) => f.id)).size).toBe(indexed.length);
  });
});
