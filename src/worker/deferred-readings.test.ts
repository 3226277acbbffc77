/**
 * An import leaves the pinyin tables of its files for when it ends (a fifth of its indexing at
 * 50 MB): the idle work writes them, and the worker saves them in a snapshot once complete, so
 * that a reload takes them rather than writes them again. Pinyin queries are exact meanwhile.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seeds } from '../../tests/support/corpus.ts';
import { handlerHarness } from '../../tests/support/handler.ts';
import { sha256 } from '../../tests/support/hash.ts';
import { isReadingChunk } from '../core/index/char-index-io.ts';
import { MemoryLibraryStore } from '../storage/memory-store.ts';
import { Library } from './library.ts';

const never = new AbortController().signal;
const files = () => seeds().map((s) => ({ name: s.name, path: s.name, bytes: s.bytes.slice().buffer }));
const PINYIN = ['xp', 'xinpian', 'ai', 'my', 'xinp', 'zhongguo'];
const hasReadings = (store: MemoryLibraryStore) => store.indexChunks.some(([name]) => isReadingChunk(name));

/** A library with the seeds imported, its idle work not yet run. */
async function imported(): Promise<{ store: MemoryLibraryStore; library: Library }> {
  const store = new MemoryLibraryStore();
  const library = new Library(store, sha256);
  await library.init();
  await library.import(files(), () => {}, never);
  return { store, library };
}

async function answersOf(library: Library): Promise<string[]> {
  const out: string[] = [];
  for (const q of PINYIN) {
    const r = await library.search(q, { limit: 0 });
    out.push(`${q}: ${r.pinyinMatches} ${r.hits.map((h) => h.sectionId).join(',')}`);
  }
  return out;
}

/** Opens the stored library again: its pinyin tables are taken with the rest (none left to write), and it answers as `before`. */
async function expectTakenOnReload(store: MemoryLibraryStore, before: Library): Promise<void> {
  const reopened = new Library(store, sha256);
  await reopened.init();
  expect(await reopened.charactersImported()).toBe(true);
  expect(reopened.engine.indexCharacters(0)).toBe(true);
  expect(await answersOf(reopened)).toEqual(await answersOf(before));
}

describe('pinyin tables after an import', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('are written when the import ends, not during it, and answers are the same before and after', async () => {
    const { store, library } = await imported();
    // The snapshot saved at the end of the import has the character index, not its pinyin tables.
    expect(library.engine.charactersIndexed).toBe(true);
    expect(library.engine.readingsIndexed).toBe(false);
    expect(store.indexChunks.some(([name]) => name.startsWith('chars/'))).toBe(true);
    expect(hasReadings(store)).toBe(false);
    const before = await answersOf(library);
    while (!(await library.idleSlice()));
    expect(library.engine.readingsIndexed).toBe(true);
    expect(await answersOf(library)).toEqual(before);
    expect(before.find((a) => a.startsWith('xinpian:'))).toMatch(/^xinpian: [1-9]/);
  });

  it('are saved in a snapshot of their own once written, and a reload takes them', async () => {
    const { store, library } = await imported();
    expect(library.readingsUnsaved).toBe(false);
    while (!(await library.idleSlice()));
    expect(library.readingsUnsaved).toBe(true);
    const generation = store.meta!.indexGeneration;
    await library.saveReadings();
    expect(library.readingsUnsaved).toBe(false);
    expect(store.meta!.indexGeneration).toBe(generation + 1);
    expect(hasReadings(store)).toBe(true);
    await expectTakenOnReload(store, library);
  });

  it('are written and saved after a reload when the page closed before they were saved', async () => {
    const { store, library: first } = await imported();
    const second = new Library(store, sha256);
    await second.init();
    expect(await second.charactersImported()).toBe(true);
    // The character index is taken; its pinyin tables were never saved, so are left to write.
    expect(second.engine.indexCharacters(0)).toBe(false);
    while (!(await second.idleSlice()));
    expect(second.readingsUnsaved).toBe(true);
    await second.saveReadings();
    await expectTakenOnReload(store, first);
  });

  it('are left alone by idle work during an import, which does not spin meanwhile', async () => {
    const store = new MemoryLibraryStore();
    const library = new Library(store, sha256);
    await library.init();
    let slices = 0;
    let written = false;
    const importing = library.import(files(), () => {
      // Between two files, as when a search during the import let idle work run.
      void library.idleSlice().then((done) => {
        slices++;
        written ||= library.engine.readingsIndexed && library.engine.sectionCount > 0;
        expect(done).toBe(true);
      });
    }, never);
    await importing;
    expect(slices).toBeGreaterThan(0);
    expect(written).toBe(false);
  });

  it('are saved by the worker when requests pause, with no request for it', async () => {
    vi.useFakeTimers();
    const { store, result, library } = handlerHarness();
    await result('init', {});
    await result('import', { files: files() });
    expect(hasReadings(store)).toBe(false);
    await vi.runAllTimersAsync();
    expect(library.engine.readingsIndexed).toBe(true);
    // The snapshot is saved a chunk at a time, with turns for requests between two (messages, not timers).
    vi.useRealTimers();
    await vi.waitFor(() => expect(hasReadings(store)).toBe(true));
    expect(library.readingsUnsaved).toBe(false);
  });
});
