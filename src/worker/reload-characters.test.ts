/**
 * After a reload the character index is read from the snapshot while the files are restored and
 * taken once the first query is answered, not built again section by section, its pinyin tables
 * with it; a damaged one is built again, as before.
 */
import { describe, expect, it } from 'vitest';
import { seeds } from '../../tests/support/corpus.ts';
import { sha256 } from '../../tests/support/hash.ts';
import { SearchEngine } from '../core/engine.ts';
import { ingest } from '../core/pipeline.ts';
import { MemoryLibraryStore } from '../storage/memory-store.ts';
import { Library } from './library.ts';

const never = new AbortController().signal;
const QUERIES = ['的', '芯', '片', 'AI', 'xp', 'xinpian', 'title:芯片', '。'];

async function importedStore(): Promise<{ store: MemoryLibraryStore; answers: string[][] }> {
  const store = new MemoryLibraryStore();
  const library = new Library(store, sha256);
  await library.init();
  await library.import(seeds().map((s) => ({ name: s.name, path: s.name, bytes: s.bytes.slice().buffer })), () => {}, never);
  // As the worker does once the import ends: its pinyin tables written between requests, then saved.
  while (!(await library.idleSlice()));
  await library.saveReadings();
  return { store, answers: await answersOf(library) };
}

async function answersOf(library: Library): Promise<string[][]> {
  const out: string[][] = [];
  for (const q of QUERIES) out.push((await library.search(q, { limit: 0 })).hits.map((h) => `${h.sectionId} ${h.title}`));
  return out;
}

/** Opens the stored library again, and waits for its idle work until none is left. */
async function reopened(store: MemoryLibraryStore): Promise<{ library: Library; imported: boolean }> {
  const library = new Library(store, sha256);
  await library.init();
  const imported = await library.charactersImported();
  // Taken as read: the text and titles are in, before any idle work.
  expect(library.engine.charactersIndexed).toBe(imported);
  while (!(await library.idleSlice()));
  return { library, imported };
}

describe('a reload', () => {
  it('reads the character index saved with the snapshot, and answers as before', async () => {
    const { store, answers } = await importedStore();
    expect(store.indexChunks.some(([name]) => name.startsWith('chars/'))).toBe(true);
    const { library, imported } = await reopened(store);
    expect(imported).toBe(true);
    expect(library.engine.charactersIndexed).toBe(true);
    expect(await answersOf(library)).toEqual(answers);
  });

  it('asks storage for it while the files are restored, once, and takes its pinyin tables too', async () => {
    const { store, answers } = await importedStore();
    const load = store.load.bind(store);
    const asked = { rest: 0, readings: 0 };
    store.load = async () => {
      const stored = await load();
      return { ...stored, laterChunks: () => (asked.rest++, stored.laterChunks()), readingChunks: () => (asked.readings++, stored.readingChunks()) };
    };
    const library = new Library(store, sha256);
    await library.init();
    expect(asked.rest).toBe(1);
    expect(await library.charactersImported()).toBe(true);
    // Complete at once: no pinyin table is left to write between requests.
    expect(library.engine.indexCharacters(0)).toBe(true);
    expect(asked).toEqual({ rest: 1, readings: 1 });
    expect(await answersOf(library)).toEqual(answers);
  });

  /** A reloaded library in the middle of taking its character index: chunks read, first step taken, the next waiting for a turn. */
  async function midTake() {
    const { store, answers } = await importedStore();
    const library = new Library(store, sha256);
    await library.init();
    const taken = library.charactersImported();
    for (let k = 0; k < 20; k++) await Promise.resolve();
    expect(library.engine.charactersIndexed).toBe(false);
    return { library, taken, answers };
  }

  it('finishes taking it before a search that comes meanwhile, which then reads no section for want of it', async () => {
    const { library, taken, answers } = await midTake();
    const searched = library.search('的', { limit: 0 });
    expect(library.engine.charactersIndexed).toBe(true);
    await searched;
    expect(await taken).toBe(true);
    expect(await answersOf(library)).toEqual(answers);
  });

  it('does not hold up a search the pair index answers alone: the take goes on after it', async () => {
    const { library, taken, answers } = await midTake();
    // A Latin word, not pinyin: its pairs are all it needs.
    const searched = library.search('transformer', { limit: 0 });
    expect(library.engine.charactersIndexed).toBe(false);
    await searched;
    expect(await taken).toBe(true);
    expect(library.engine.charactersIndexed).toBe(true);
    expect(await answersOf(library)).toEqual(answers);
  });

  it('takes the character index when its pinyin tables cannot be read, and writes those again', async () => {
    const { store, answers } = await importedStore();
    const load = store.load.bind(store);
    store.load = async () => ({ ...(await load()), readingChunks: () => Promise.reject(new Error('unreadable')) });
    const library = new Library(store, sha256);
    await library.init();
    expect(await library.charactersImported()).toBe(true);
    expect(library.engine.charactersIndexed).toBe(true);
    expect(library.engine.indexCharacters(0)).toBe(false);
    // Answered as before while they are missing (pinyin narrowed by the characters alone), and after.
    expect(await answersOf(library)).toEqual(answers);
    while (!(await library.idleSlice()));
    expect(await answersOf(library)).toEqual(answers);
  });

  it('builds the character index again when the saved one is damaged, and answers as before', async () => {
    const { store, answers } = await importedStore();
    store.indexChunks = store.indexChunks.map(([name, data]) => {
      if (!name.startsWith('chars/text/')) return [name, data];
      const damaged = new Int32Array(data.slice().buffer);
      damaged[3] = 0x7fff_ffff; // the first key's postings
      return [name, new Uint8Array(damaged.buffer)];
    });
    const { library, imported } = await reopened(store);
    expect(imported).toBe(false);
    expect(await answersOf(library)).toEqual(answers);
  });
});

describe('SearchEngine.importCharacters', () => {
  it('refuses a saved character index when files are added or removed while it is read', async () => {
    const files = seeds().map(({ name, bytes }) => ({ name, sections: ingest(bytes, name).sections }));
    const saved = new SearchEngine();
    const stored = files.map((f, fileId) => ({ fileId, name: f.name, sections: saved.addFile(fileId, f.name, f.sections) }));
    saved.compactIndex();
    const chunks = await saved.exportIndex();
    const drain = (reading: Generator<void, boolean>, meanwhile: () => void) => {
      let step = reading.next();
      meanwhile();
      while (!step.done) step = reading.next();
      return step.value;
    };
    for (const change of ['none', 'remove', 'add'] as const) {
      const engine = new SearchEngine();
      engine.importIndex(chunks);
      for (const f of stored) engine.restoreFile(f.fileId, f.name, f.sections, true);
      const taken = drain(engine.importCharacters(chunks), () => {
        if (change === 'remove') engine.removeFile(1);
        if (change === 'add') engine.addFile(99, 'new.txt', files[0]!.sections);
      });
      expect(taken).toBe(change === 'none');
      engine.indexCharacters();
      // Exact either way: what the seeds hold, less or more one file.
      const want = new SearchEngine();
      for (const f of stored) if (change !== 'remove' || f.fileId !== 1) want.addFile(f.fileId, f.name, files[f.fileId]!.sections);
      if (change === 'add') want.addFile(99, 'new.txt', files[0]!.sections);
      for (const q of ['的', '芯', '。', 'xp']) expect(engine.search(q, { limit: 0 }).total).toBe(want.search(q, { limit: 0 }).total);
    }
  });
});
