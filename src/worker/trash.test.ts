/**
 * Removing files and undoing it: the files come back under the same file and section ids,
 * answer the same searches, and are stored again (a new library over the store finds them).
 */
import { describe, expect, it } from 'vitest';
import { handlerHarness } from '../../tests/support/handler.ts';
import { seeds } from '../../tests/support/corpus.ts';
import type { ImportFile } from '../shared/protocol.ts';

const asImport = (name: string, bytes: Uint8Array): ImportFile => ({ name, path: `docs/${name}`, bytes: bytes.slice().buffer });
const QUERIES = ['芯片', '晶體管', 'AI', '天玑9200', '人工智能', 'title:简报'];

describe('remove and restore', () => {
  it('removes two of three files, then puts them back exactly: ids, search results, storage', async () => {
    const { result, store, library } = handlerHarness();
    const files = seeds().slice(0, 3).map((s) => asImport(s.name, s.bytes));
    const imported = await result('import', { files });
    const [a, b] = imported.files.filter((f) => !f.name.startsWith('002'));
    const gone = [a!.id, b!.id];
    const sectionIds = gone.map((id) => store.files.get(id)!.sectionIds);
    const answers = async (lib = library) =>
      Promise.all(QUERIES.map(async (q) => (await lib.search(q, { limit: 0 })).hits.map((h) => [h.sectionId, h.fileId, h.title, h.snippet, h.alsoIn])));
    const before = await answers();
    expect(before.flat().filter((h) => gone.includes(h[1] as number)).length).toBeGreaterThan(2);

    const removed = await result('remove', { fileIds: gone });
    expect(removed.files.map((f) => f.id)).toEqual(imported.files.map((f) => f.id).filter((id) => !gone.includes(id)));
    expect(gone.some((id) => store.files.has(id))).toBe(false);
    for (const q of QUERIES) expect((await library.search(q, { limit: 0 })).hits.filter((h) => gone.includes(h.fileId))).toEqual([]);

    const restored = await result('restore', { fileIds: gone });
    expect(restored.files).toEqual(imported.files);
    expect(gone.map((id) => store.files.get(id)?.sectionIds)).toEqual(sectionIds);
    expect(await answers()).toEqual(before);
    const read = await result('read', { sectionId: sectionIds[0]![0]!, query: '芯片' });
    expect(read?.section.fileId).toBe(gone[0]);

    // Stored again, in the snapshot too: a reload lists them and finds them.
    expect(store.meta!.indexedFileIds).toEqual(expect.arrayContaining(gone));
    const reopened = handlerHarness(store);
    const state = await reopened.result('init', {});
    expect(state.files).toEqual(imported.files);
    expect(await answers(reopened.library)).toEqual(before);
    // After a reload a text is remade from its patch, or stays in storage until needed: a removal
    // takes both along all the same, and stores them again.
    await reopened.result('remove', { fileIds: gone });
    await reopened.result('restore', { fileIds: gone });
    for (const id of gone) expect(store.sections.get(id)!.every((r, k) => r.patch !== undefined || store.texts.get(id)![k]!.length > 0)).toBe(true);
    const third = handlerHarness(store);
    await third.result('init', {});
    expect(await answers(third.library)).toEqual(before);
    // Nothing left to restore: a second restore changes nothing.
    expect((await result('restore', { fileIds: gone })).files).toEqual(imported.files);
  });

  it('skips a removed file whose text was imported again meanwhile, and keeps only the last removal', async () => {
    const { result } = handlerHarness();
    const files = seeds().slice(0, 3).map((s) => asImport(s.name, s.bytes));
    const imported = await result('import', { files });
    const [first, second, third] = [...imported.files].sort((x, y) => x.id - y.id);
    await result('remove', { fileIds: [first!.id, second!.id] });
    const again = await result('import', { files: files.slice(0, 1) });
    expect(again.outcomes.map((o) => o.status)).toEqual(['indexed']);
    const state = await result('restore', { fileIds: [first!.id, second!.id] });
    // The first came back as a new file: its old one is not put back beside it.
    expect(state.files.map((f) => f.path).sort()).toEqual(files.map((f) => f.path).sort());
    expect(state.files.some((f) => f.id === first!.id)).toBe(false);
    expect(state.files.some((f) => f.id === second!.id)).toBe(true);

    // A later removal replaces the trash; a clear empties it.
    await result('remove', { fileIds: [second!.id] });
    await result('remove', { fileIds: [third!.id] });
    expect((await result('restore', { fileIds: [second!.id, third!.id] })).files.map((f) => f.id)).not.toContain(second!.id);
    await result('remove', { fileIds: [third!.id] });
    await result('clear', {});
    expect((await result('restore', { fileIds: [third!.id] })).files).toEqual([]);
  });
});
