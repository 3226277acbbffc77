/**
 * A library written under the previous schema opens, upgrades in place and keeps every document;
 * one written by a newer version is refused and left untouched.
 */
import { describe, expect, it } from 'vitest';
import { seeds } from '../../tests/support/corpus.ts';
import { SCHEMA_VERSION } from '../shared/records.ts';
import { Library } from '../worker/library.ts';
import { MemoryLibraryStore } from './memory-store.ts';
import { migrate, NewerSchemaError } from './migrate.ts';
import { sha256 } from '../../tests/support/hash.ts';

const never = new AbortController().signal;

/** A store holding the seeds as schema 1 wrote them: texts in the section records, a manifest without `createdAt`. */
async function schemaOneStore(): Promise<MemoryLibraryStore> {
  const store = new MemoryLibraryStore();
  const library = new Library(store, sha256);
  await library.init();
  await library.import(seeds().map((s) => ({ name: s.name, path: s.name, bytes: s.bytes.slice().buffer })), () => {}, never);
  // Before schema 3, a section's text was in its record.
  for (const [fileId, records] of store.sections) store.sections.set(fileId, records.map((r, k) => ({ ...r, text: store.texts.get(fileId)![k] })));
  store.texts.clear();
  // Schema 1 had no `createdAt`: the stored object lacks it, whatever the type says.
  const v1 = { ...store.meta!, schemaVersion: 1 };
  Reflect.deleteProperty(v1, 'createdAt');
  store.meta = v1;
  return store;
}

describe('schema migration', () => {
  it('upgrades a schema 1 library in place: same files, same answers, a current manifest', async () => {
    const store = await schemaOneStore();
    const oldest = Math.min(...(await store.load()).files.map((f) => f.addedAt));
    const library = new Library(store, sha256);
    const state = await library.init();
    expect(state.files).toHaveLength(5);
    expect((await library.search('芯片企业', {})).hits[0]?.title).toBe('2022中國AI芯片企業50強');
    expect(store.meta?.schemaVersion).toBe(SCHEMA_VERSION);
    expect(store.meta?.createdAt).toBe(oldest);
    // Opening it again finds nothing left to upgrade.
    expect(migrate(await store.load())).toBeNull();
  });

  it('refuses a library from a newer version and changes nothing in it', async () => {
    const store = await schemaOneStore();
    store.meta = { ...store.meta!, schemaVersion: SCHEMA_VERSION + 1, createdAt: 1 };
    const before = structuredClone(await store.load());
    const library = new Library(store, sha256);
    await expect(library.init()).rejects.toBeInstanceOf(NewerSchemaError);
    // Every write starts with syncIfStale: one attempted anyway is refused before it touches anything.
    await expect(library.syncIfStale()).rejects.toBeInstanceOf(NewerSchemaError);
    expect(await store.load()).toEqual(before);
  });
});
