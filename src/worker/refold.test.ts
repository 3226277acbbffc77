/**
 * A library stored under schema 4 folded regional vocabulary into its records (程序 → 进程) and
 * refused the other-script copy of a file as a duplicate. Opened now, it is folded again from
 * its text: answers follow the current definition of a match, and a Traditional copy is kept.
 */
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../shared/records.ts';
import { MemoryLibraryStore } from '../storage/memory-store.ts';
import { Library } from './library.ts';
import { joinWithGaps, originalGaps } from './original-gaps.ts';
import { splitSections } from '../core/split/sections.ts';
import { sha256 } from '../../tests/support/hash.ts';
import { withTextsApart } from '../../tests/support/older-library.ts';

const never = new AbortController().signal;
const file = (path: string, text: string) => ({ name: path, path, bytes: new TextEncoder().encode(text).buffer });

/** What schema 4 stored for a Simplified file: records folded with Taiwan vocabulary, hashed by folded text. */
async function schemaFourStore(): Promise<MemoryLibraryStore> {
  const store = new MemoryLibraryStore();
  const library = new Library(store, sha256);
  await library.init();
  await library.import([file('cn.txt', '这个程序读取字节序列。')], () => {}, never);
  withTextsApart(store);
  for (const [fileId, records] of store.sections) {
    store.sections.set(fileId, records.map(({ script: _s, ...r }) => ({ ...r, norm: '这个进程读取字节串行。', normTitle: '这个进程读取字节串行。' })));
  }
  for (const [id, f] of store.files) store.files.set(id, { ...f, hash: await sha256(new TextEncoder().encode('这个进程读取字节串行。')) });
  store.meta = { ...store.meta!, schemaVersion: 4, indexConfigHash: 'pairs-h65536|…|normalize-v1' };
  return store;
}

describe('opening a schema 4 library', () => {
  it('folds its sections again: 进程 no longer finds 程序, and 程序 does', async () => {
    const store = await schemaFourStore();
    const library = new Library(store, sha256);
    await library.init();
    expect((await library.search('进程', {})).total).toBe(0);
    expect((await library.search('程序', {})).matches).toBe(1);
    expect(store.meta?.schemaVersion).toBe(SCHEMA_VERSION);
    expect([...store.sections.values()][0]![0]!.norm).toBe('这个程序读取字节序列。');
  });

  it('keeps the Traditional copy of a stored Simplified file, shown as one hit with 另见', async () => {
    const store = await schemaFourStore();
    const library = new Library(store, sha256);
    await library.init();
    const { outcomes } = await library.import([file('tw.txt', '這個程序讀取字節序列。')], () => {}, never);
    expect(outcomes.map((o) => o.status)).toEqual(['indexed']);
    const hits = (await library.search('程序', {})).hits;
    expect(hits).toHaveLength(1);
    expect(hits[0]!.alsoIn.map((a) => a.fileName)).toHaveLength(1);
    // The same text again, in other bytes (with a byte-order mark), is still a duplicate.
    const again = await library.import([file('cn-bom.txt', '\ufeff这个程序读取字节序列。')], () => {}, never);
    expect(again.outcomes.map((o) => o.status === 'skipped' && o.code)).toEqual(['duplicate']);
  });
});

describe('original from sections and what lies between them', () => {
  it.each([
    ['poems', '静夜思\n〔唐〕李白\n床前明月光\n\n春晓\n〔唐〕孟浩然\n春眠不觉晓\n'],
    ['fortunes', '第一条\n%\n第二条\n%\n第三条\n'],
    ['one section', '只有一段文字'],
  ])('rebuilds the original of %s exactly', (_, text) => {
    const sections = splitSections(text, 'a.txt');
    const gaps = originalGaps(text, sections)!;
    expect(gaps).not.toBeNull();
    expect(joinWithGaps(sections.map((s) => s.text), gaps)).toBe(text);
  });

  it('gives up when a section is not the original at its offset', () => {
    expect(originalGaps('原文', [{ title: 't', text: '清理后', start: 0 }])).toBeNull();
  });
});
