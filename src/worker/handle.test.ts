import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { basename } from 'node:path';
import { ENCODINGS_DIR, readEncoding, seeds } from '../../tests/support/corpus.ts';
import { readBytes, scaleCorpus } from '../../tests/support/scale.ts';
import { readBackup } from '../core/backup.ts';
import { handlerHarness, resultOf } from '../../tests/support/handler.ts';
import { sha256 } from '../../tests/support/hash.ts';
import { withTextsApart } from '../../tests/support/older-library.ts';
import type { ImportFile } from '../shared/protocol.ts';
import { MemoryLibraryStore } from '../storage/memory-store.ts';
import { IDLE_AFTER_MS } from './jobs.ts';
import { Library } from './library.ts';

const setup = (store?: MemoryLibraryStore) => handlerHarness(store);

const asImport = (name: string, bytes: Uint8Array): ImportFile => ({
  name,
  path: `docs/${name}`,
  bytes: bytes.slice().buffer,
});
const seedFiles = () => seeds().map((s) => asImport(s.name, s.bytes));
const bad = () => [
  asImport('empty.txt', readEncoding('empty.txt')),
  asImport('binary-png-named-txt.txt', readEncoding('binary-png-named-txt.txt')),
  asImport('gbk-short.txt', readEncoding('gbk-short.txt')),
  asImport('undecodable.txt', Uint8Array.of(0xc4, 0xe3, 0xff, 0xff, 0x81)),
  asImport('slides.key', new TextEncoder().encode('你好')),
];

describe('worker handler', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('imports a batch with progress per file, and skips bad files with a reason without stopping', async () => {
    const { send } = setup();
    const files = [...bad().slice(0, 2), ...seedFiles(), ...bad().slice(2)];
    // gbk-short.txt is a 39-byte GBK file: decoded and indexed, not refused.
    const replies = await send('import', { files });
    const progress = replies.filter((r) => r.type === 'progress');
    // One message per file once stored (the two bad files first: nothing to write), and one per
    // change of phase: reading at the start, writing the batch, saving the snapshot last.
    const said = progress.map((p) => p.type === 'progress' && `${p.phase} ${p.filesDone}/${p.filesTotal}`);
    const perFile = files.map((_, i) => `${i + 1 < files.length ? 'read' : 'store'} ${i + 1}/10`);
    expect(said).toEqual(['read 0/10', ...perFile.slice(0, 2), 'store 2/10', ...perFile.slice(2), 'snapshot 10/10']);
    const { outcomes, files: listed, timings } = resultOf(replies, 'import');
    // Where the time went, for the benchmark: every phase was entered (the seeds are read, indexed, hashed, stored, snapshotted).
    expect(Object.keys(timings).sort()).toEqual(['hash', 'index', 'read', 'snapshot', 'store']);
    for (const ms of Object.values(timings)) expect(ms).toBeGreaterThan(0);
    expect(outcomes.map((o) => (o.status === 'skipped' ? o.code : o.status))).toEqual([
      'empty',
      'binary',
      'indexed',
      'indexed',
      'indexed',
      'indexed',
      'indexed',
      'indexed',
      'unsupported-encoding',
      'unsupported-type',
    ]);
    expect(listed).toHaveLength(6);
  });

  it('says when a big file is being indexed, and when the snapshot is saved', async () => {
    const { send } = setup();
    const text = Array.from({ length: 120 }, (_, i) => `# 第${i}章\n\n${`第${i}章的正文，很长很长。`.repeat(300)}\n`).join('\n');
    const replies = await send('import', { files: [asImport('big.md', new TextEncoder().encode(text))] });
    const said = replies.flatMap((r) => (r.type === 'progress' ? [`${r.phase} ${r.filesDone}/${r.filesTotal}`] : []));
    expect(said).toEqual(['read 0/1', 'index 0/1', 'store 0/1', 'store 1/1', 'snapshot 1/1']);
  });

  it('answers a search sent while the library loads once it has loaded, not from an empty index', async () => {
    const store = new MemoryLibraryStore();
    const first = setup(store);
    await first.send('import', { files: seedFiles() });
    const second = setup(store);
    const [, hits] = await Promise.all([second.send('init', {}), second.result('search', { query: '芯片', limit: 5, offset: 0 })]);
    expect(hits.total).toBeGreaterThan(0);
  });

  it('lists the library between two files of an import, so the list fills as files arrive', async () => {
    const listed: number[] = [];
    let pending: Promise<void> | undefined;
    const harness = handlerHarness(undefined, {
      // Asked on each file's progress, as the UI does (at most once a second).
      onReply: (r) => {
        if (r.type === 'progress' && r.filesDone > 0) pending = harness.result('list', {}).then((s) => void listed.push(s.files.length));
      },
    });
    // Files are written 16 at a time (store-batch.ts): 40 files are listed 16, then 32, then 40.
    const files = Array.from({ length: 40 }, (_, i) => asImport(`note-${i}.txt`, new TextEncoder().encode(`第${i}篇笔记：芯片与晶体管。`)));
    await harness.send('import', { files });
    await pending;
    expect(listed[0]).toBeGreaterThan(0);
    expect(listed[0]).toBeLessThan(files.length);
    expect(listed[listed.length - 1]).toBe(files.length);
  });

  it('gives other requests a turn between files without timers (nested timers wait 4 ms each in a browser)', async () => {
    // With timers frozen, an import that yielded with setTimeout would never finish.
    vi.useFakeTimers();
    const library = new Library(new MemoryLibraryStore(), sha256);
    await library.init();
    const files = Array.from({ length: 30 }, (_, i) => asImport(`empty-${i}.txt`, new Uint8Array()));
    const { outcomes } = await library.import(files, () => {}, new AbortController().signal);
    expect(outcomes.map((o) => o.status === 'skipped' && o.code)).toEqual(files.map(() => 'empty'));
  }, 10_000);

  it('recognizes a file imported twice, before reading it again, also after a reload', async () => {
    const { result, store } = setup();
    await result('import', { files: seedFiles().slice(0, 1) });
    const again = await result('import', { files: [asImport('copy.txt', seeds()[0]!.bytes)] });
    expect(again.outcomes[0]).toMatchObject({
      status: 'skipped',
      code: 'duplicate',
      message: 'docs/copy.txt: the same text is already in the library (docs/000_0a557d132eb083d1.txt)',
    });
    // The same bytes: recognized by their hash, not decoded, cleaned and normalized once more.
    expect([again.timings.read, again.timings.index]).toEqual([0, 0]);
    const reopened = setup(store);
    await reopened.result('init', {});
    const afterReload = await reopened.result('import', { files: [asImport('copy.txt', seeds()[0]!.bytes)] });
    expect(afterReload.outcomes[0]).toMatchObject({ status: 'skipped', code: 'duplicate' });
    expect(afterReload.timings.read).toBe(0);
  });

  it('recognizes the same text in another encoding as a duplicate', async () => {
    const { result } = setup();
    const utf8 = readFileSync(join(ENCODINGS_DIR, 'expected/big5-traditional-news.txt.utf8.txt'));
    await result('import', { files: [asImport('news-utf8.txt', new Uint8Array(utf8))] });
    const again = await result('import', { files: [asImport('big5-traditional-news.txt', readEncoding('big5-traditional-news.txt'))], });
    expect(again.outcomes[0]).toMatchObject({ status: 'skipped', code: 'duplicate' });
  });

  it('restores a library from storage: texts remade from their patches, the others read when shown', async () => {
    const first = setup();
    await first.result('import', { files: seedFiles() });
    const before = await first.result('search', { query: '晶體管', limit: 20, offset: 0 });
    // Only files with a section whose folding changed its length keep texts apart.
    const withTexts = [...first.store.sections].filter(([, records]) => records.some((r) => r.patch === undefined)).map(([id]) => id);
    expect([...first.store.texts.keys()].sort()).toEqual(withTexts.sort());
    expect(withTexts.length).toBeLessThan(5);
    const second = setup(first.store);
    await second.result('init', {});
    const allSections = Array.from({ length: 40 }, (_, i) => i);
    expect(second.library.engine.filesWithoutText(allSections).sort()).toEqual(withTexts.sort());
    const after = await second.result('search', { query: '晶體管', limit: 20, offset: 0 });
    expect(after.hits).toEqual(before.hits);
  });

  it('restores a library stored before schema 7: same files, same hits, index imported not rebuilt', async () => {
    const first = setup();
    await first.result('import', { files: seedFiles() });
    const before = await first.result('search', { query: '晶體管', limit: 20, offset: 0 });
    expect(first.store.meta!.indexedFileIds).toHaveLength(5);
    withTextsApart(first.store);
    first.store.meta = { ...first.store.meta!, schemaVersion: 6 };
    const second = setup(first.store);
    const state = await second.result('init', {});
    expect(state.files).toHaveLength(5);
    expect(state.sections).toBe(23);
    // Section texts stay in storage until shown: only the files of the hits are read.
    const allSections = Array.from({ length: 40 }, (_, i) => i);
    expect(second.library.engine.filesWithoutText(allSections)).toHaveLength(5);
    const after = await second.result('search', { query: '晶體管', limit: 20, offset: 0 });
    expect(after.hits.map((h) => h.title)).toEqual(before.hits.map((h) => h.title));
    expect(after.hits.every((h) => h.snippet.text.length > 0)).toBe(true);
    expect(after.total).toBe(2);
    expect(second.library.engine.filesWithoutText(allSections)).toHaveLength(3);
    // The reader loads its section's text too.
    const unread = second.library.engine.filesWithoutText(allSections)[0]!;
    const sectionId = allSections.find((id) => second.library.engine.filesWithoutText([id])[0] === unread)!;
    const read = await second.result('read', { sectionId, query: '' });
    expect(read?.section.text.length).toBeGreaterThan(0);
    expect(second.library.engine.filesWithoutText(allSections)).toHaveLength(2);
  });

  it('builds the character index and reads the section texts of a restored library when requests pause', async () => {
    const first = setup();
    await first.result('import', { files: seedFiles() });
    withTextsApart(first.store);
    first.store.meta = { ...first.store.meta!, schemaVersion: 6 };
    // Frozen timers: the idle work runs exactly when the quiet time has passed, never by luck.
    vi.useFakeTimers();
    const second = setup(first.store);
    await second.result('init', {});
    const allSections = Array.from({ length: 40 }, (_, i) => i);
    await vi.advanceTimersByTimeAsync(IDLE_AFTER_MS - 1);
    // Not yet: restored sections still wait for the character index, their texts in storage.
    expect(second.library.engine.indexCharacters(0)).toBe(false);
    expect(second.library.engine.filesWithoutText(allSections)).toHaveLength(5);
    // The idle work first reads the character index saved with the snapshot (storage, not
    // timers), then writes its pinyin tables and reads the texts, a slice at a time.
    await vi.runAllTimersAsync();
    expect(await second.library.charactersImported()).toBe(true);
    await vi.runAllTimersAsync();
    expect(second.library.engine.indexCharacters(0)).toBe(true);
    expect(second.library.engine.filesWithoutText(allSections)).toEqual([]);
  });

  it('re-indexes files stored after the last index snapshot (a crash between the two writes)', async () => {
    const first = setup();
    await first.result('import', { files: seedFiles() });
    first.store.meta = { ...first.store.meta!, indexedFileIds: first.store.meta!.indexedFileIds.slice(1) };
    const second = setup(first.store);
    await second.result('init', {});
    // File 1 (seed 000) is missing from the snapshot: its IBM article is found only if re-indexed.
    const r = await second.result('search', { query: '晶體管', limit: 20, offset: 0 });
    expect(r.hits.map((h) => h.title)).toEqual(['IBM全新AIU芯片:5nm工艺,230亿晶体管!深度学习处理性能强劲!', '沒錯!真·14cm制程']);
  });

  it('indexes every file again when the saved index is damaged, and finds what a fresh import finds', async () => {
    const first = setup();
    await first.result('import', { files: seedFiles() });
    const expected = await first.result('search', { query: '晶體管', limit: 20, offset: 0 });
    // One chunk cut short, as a disk or an extension might leave it.
    first.store.indexChunks = first.store.indexChunks.map(([k, d]) => [k, k === 'pairs/0' ? d.subarray(0, d.length - 2) : d]);
    const second = setup(first.store);
    await second.result('init', {});
    const r = await second.result('search', { query: '晶體管', limit: 20, offset: 0 });
    expect(r.hits.map((h) => h.title)).toEqual(expected.hits.map((h) => h.title));
    expect(r.hits.length).toBeGreaterThan(0);
  });

  it('keeps the original text behind the cleaned one: pinyin annotations are searched away but shown on request', async () => {
    const { result, store } = setup();
    const imported = await result('import', { files: seedFiles() });
    const page = imported.files.find((f) => f.name.startsWith('002'))!;
    const sectionId = store.files.get(page.id)!.sectionIds[0]!;
    const original = await result('original', { fileId: page.id, sectionId, query: '' });
    expect(original?.text).toContain('系統(tǒng)');
    expect((await result('search', { query: 'tǒng', limit: 20, offset: 0 })).total).toBe(0);
    expect(await result('original', { fileId: 999, sectionId, query: '' })).toBeNull();
  });

  it('stores a file that needed no cleaning once: its original is its sections and what lies between, also after a reload and in a backup', async () => {
    const { result, store, library } = setup();
    const poems = scaleCorpus(1).slice(0, 3);
    const files = [...poems.map((p) => asImport(basename(p), readBytes(p))), ...seedFiles()];
    const imported = await result('import', { files });
    const poem = imported.files.find((f) => f.name === basename(poems[0]!))!;
    const cleaned = imported.files.find((f) => f.name.startsWith('002'))!;
    // The poem file is clean sections, one per poem: no second copy. The scraped page was cleaned: its original is kept.
    expect(store.files.get(poem.id)?.sectionIds.length).toBeGreaterThan(1);
    expect(store.files.get(poem.id)?.originalGaps).toBeDefined();
    expect(store.originals.has(poem.id)).toBe(false);
    expect(store.originals.get(cleaned.id)).toContain('系統(tǒng)');
    const decoded = new TextDecoder().decode(readBytes(poems[0]!));
    const originalOf = (fileId: number) => ({ fileId, sectionId: store.files.get(fileId)!.sectionIds[0]!, query: '' });
    expect((await result('original', originalOf(poem.id)))?.text).toBe(decoded);

    const reopened = setup(store);
    await reopened.result('init', {});
    expect((await reopened.result('original', originalOf(poem.id)))?.text).toBe(decoded);
    expect((await reopened.result('original', originalOf(cleaned.id)))?.text).toContain('系統(tǒng)');
    const backup = readBackup(await library.exportBackup());
    const restored = backup.kind === 'backup' ? backup.entries.find((f) => f.path.endsWith(basename(poems[0]!))) : undefined;
    expect(restored && 'bytes' in restored ? new TextDecoder().decode(restored.bytes) : restored).toBe(decoded);
  });

  it('removes a file and clears the library, in memory and in storage', async () => {
    const { result, store } = setup();
    const imported = await result('import', { files: seedFiles() });
    const ibm = imported.files.find((f) => f.name.startsWith('000'))!;
    const state = await result('remove', { fileIds: [ibm.id] });
    expect(state.files).toHaveLength(4);
    expect(store.files.has(ibm.id)).toBe(false);
    const r = await result('search', { query: '晶體管', limit: 20, offset: 0 });
    expect(r.hits.map((h) => h.fileName)).toEqual(['docs/003_b8bbb12e4ef33002.txt']);
    // A removed file dropped again is a new file, not a duplicate of itself.
    const back = await result('import', { files: seedFiles().slice(0, 1) });
    expect(back.outcomes.map((o) => o.status)).toEqual(['indexed']);
    await result('clear', {});
    expect(store.files.size).toBe(0);
    expect((await result('search', { query: '芯片', limit: 20, offset: 0 })).total).toBe(0);
    const afterClear = await result('import', { files: seedFiles() });
    expect(afterClear.outcomes.map((o) => o.status)).toEqual(seedFiles().map(() => 'indexed'));
  });

  it('stops an import when cancelled after the N-th file, keeping (and finding) the N files already done', async () => {
    // Three batches' worth of small distinct notes; the cancel comes once the first batch of 16 is stored.
    const files = Array.from({ length: 40 }, (_, i) => asImport(`note-${String(i).padStart(2, '0')}.txt`, new TextEncoder().encode(`读书笔记第${i}篇：今天读完了一本书。${'记'.repeat(i + 1)}`)));
    const kept = 16;
    const harness = handlerHarness(new MemoryLibraryStore(), {
      onReply: (r) => {
        if (r.type === 'progress' && r.filesDone === kept) void harness.handle({ id: 101, type: 'cancel', target: 100 });
      },
    });
    const { cancelled, outcomes, files: listed } = resultOf(await harness.send('import', { files }, 100), 'import');
    expect(cancelled).toBe(true);
    expect(outcomes.map((o) => o.path)).toEqual(files.slice(0, kept).map((f) => f.path));
    expect(outcomes.every((o) => o.status === 'indexed')).toBe(true);
    expect(listed.map((f) => f.path).sort()).toEqual(files.slice(0, kept).map((f) => f.path));
    expect(harness.store.files.size).toBe(kept);
    // The files done are searchable; the rest never entered the library.
    expect((await harness.result('search', { query: '读书笔记', limit: 0, offset: 0 })).total).toBe(kept);
  });
});
