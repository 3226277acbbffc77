/**
 * A library written under the previous schema opens, upgrades in place and keeps every document;
 * one written by a newer version is refused and left untouched.
 */
import 'fake-indexeddb/auto';
import { createStore, delMany, getMany, keys, setMany } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { seeds } from '../../tests/support/corpus.ts';
import { applyPatch } from '../core/normalize/text-patch.ts';
import type { Hit } from '../core/search/results.ts';
import { SCHEMA_VERSION, type FileBlock, type FileRecord, type SectionRecord } from '../shared/records.ts';
import { Library } from '../worker/library.ts';
import { IdbLibraryStore } from './idb-store.ts';
import { fromColumns } from './section-columns.ts';
import { fileIdsOfBlock } from './keys.ts';
import { MemoryLibraryStore } from './memory-store.ts';
import { migrate, NewerSchemaError } from './migrate.ts';
import { sha256 } from '../../tests/support/hash.ts';
import { withTextsApart } from '../../tests/support/older-library.ts';

const never = new AbortController().signal;

/** A store holding the seeds as schema 1 wrote them: texts in the section records, a manifest without `createdAt`. */
async function schemaOneStore(): Promise<MemoryLibraryStore> {
  const store = new MemoryLibraryStore();
  const library = new Library(store, sha256);
  await library.init();
  await library.import(seeds().map((s) => ({ name: s.name, path: s.name, bytes: s.bytes.slice().buffer })), () => {}, never);
  // Before schema 3, a section's text was in its record (and no patch was).
  withTextsApart(store);
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
    // What is stored (the function reading the later chunks aside).
    const stored = async () => {
      const { laterChunks: _later, readingChunks: _readings, ...rest } = await store.load();
      return rest;
    };
    const before = structuredClone(await stored());
    const library = new Library(store, sha256);
    await expect(library.init()).rejects.toBeInstanceOf(NewerSchemaError);
    // Every write starts with syncIfStale: one attempted anyway is refused before it touches anything.
    await expect(library.syncIfStale()).rejects.toBeInstanceOf(NewerSchemaError);
    expect(await stored()).toEqual(before);
  });

  it('upgrades a schema 5 library of one value per file in IndexedDB into blocks: same files, same answers', async () => {
    const db = createStore('souwen-schema-5', 'library');
    const library = new Library(new IdbLibraryStore(db), sha256);
    await library.init();
    await library.import(seeds().map((s) => ({ name: s.name, path: s.name, bytes: s.bytes.slice().buffer })), () => {}, never);
    const shown = (hits: Hit[]) => hits.map((h) => [h.title, h.snippet.text]);
    const answer = shown((await library.search('芯片企业', {})).hits);
    // As schema 5 stored them: `file:<id>`, `sections:<id>` (no patches) and `texts:<id>`, no blocks.
    const blockKeys = (await keys(db)).map(String).filter((k) => k.startsWith('block:'));
    const blocks = (await getMany<FileBlock | undefined>(blockKeys, db)).flatMap((b) => (b ? [b] : []));
    const [meta] = await getMany<{ schemaVersion: number }>(['meta'], db);
    const asFiveStored = async (f: FileRecord, records: SectionRecord[]): Promise<[string, unknown][]> => {
      const [kept] = await getMany<string[] | undefined>([`texts:${f.id}`], db);
      const texts = records.map((r, k) => (r.patch !== undefined ? applyPatch(r.norm, r.patch) : kept![k]!));
      return [[`file:${f.id}`, f], [`sections:${f.id}`, records.map(({ patch: _patch, ...r }) => r)], [`texts:${f.id}`, texts]];
    };
    const values = await Promise.all(blocks.flatMap((b) => b.files.map((f, k) => asFiveStored(f, fromColumns(b.columns)![k]!))));
    await setMany([...values.flat(), ['meta', { ...meta, schemaVersion: 5 }]], db);
    await delMany(blockKeys, db);
    const ids = blockKeys.flatMap(fileIdsOfBlock).sort((a, b) => a - b);

    const upgraded = new Library(new IdbLibraryStore(db), sha256);
    expect((await upgraded.init()).files.map((f) => f.id).sort((a, b) => a - b)).toEqual(ids);
    expect(shown((await upgraded.search('芯片企业', {})).hits)).toEqual(answer);
    const after = (await keys(db)).map(String);
    expect(after.filter((k) => k.startsWith('file:') || k.startsWith('sections:'))).toEqual([]);
    expect(after.filter((k) => k.startsWith('block:')).flatMap(fileIdsOfBlock).sort((a, b) => a - b)).toEqual(ids);
    expect((await getMany<{ schemaVersion: number }>(['meta'], db))[0]!.schemaVersion).toBe(SCHEMA_VERSION);
  });
});
