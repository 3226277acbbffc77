/**
 * The bad-input matrix: every kind of broken or hostile input ends with a per-file status, and
 * nothing else in the same import is lost. Runs the worker's Library with an in-memory store.
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { FileOutcome, ImportFile } from '../../src/shared/protocol.ts';
import { MemoryLibraryStore } from '../../src/storage/memory-store.ts';
import { Library } from '../../src/worker/library.ts';
import { readEncoding, seeds } from '../support/corpus.ts';
import { sha256 } from '../support/hash.ts';

const file = (path: string, bytes: Uint8Array): ImportFile => ({ name: path.split('/').pop()!, path, bytes: bytes.slice().buffer });
const utf8 = (text: string) => new TextEncoder().encode(text);

async function importAll(files: ImportFile[]) {
  const library = new Library(new MemoryLibraryStore(), sha256);
  await library.init();
  const { outcomes } = await library.import(files, () => {}, new AbortController().signal);
  return { library, outcomes, byPath: new Map(outcomes.map((o) => [o.path, o])) };
}

const status = (o: FileOutcome | undefined) => (o ? (o.status === 'indexed' ? 'indexed' : o.code) : 'missing');
const good = () => file('good/000.txt', seeds()[0]!.bytes);

describe('bad input never loses the good files', () => {
  it.each([
    ['binary (PNG)', file('note.png.txt', readEncoding('binary-png-named-txt.txt')), 'binary'],
    ['empty file', file('empty.txt', new Uint8Array()), 'empty'],
    ['0-byte zip', file('empty.zip', new Uint8Array()), 'empty'],
    ['corrupt zip (truncated)', file('broken.zip', zipSync({ 'a.txt': utf8('你好'.repeat(1000)) }).slice(0, 60)), 'broken-archive'],
    ['.zip that is not a zip', file('fake.zip', utf8('这不是压缩包')), 'broken-archive'],
    ['undecodable bytes', file('undecodable.txt', Uint8Array.of(0xc4, 0xe3, 0xff, 0xff, 0x81)), 'unsupported-encoding'],
    ['unsupported type', file('report.pdf', utf8('%PDF-1.4')), 'unsupported-type'],
    ['backup whose manifest is not JSON', file('backup.zip', zipSync({ 'souwen-library.json': utf8('{ 不是 JSON'), 'originals/0001-a.txt': utf8('文') })), 'bad-backup'],
    ['backup of a newer version', file('newer.zip', zipSync({ 'souwen-library.json': utf8('{"format":"souwen-library","version":2,"files":[]}') })), 'unsupported-backup'],
  ])('%s → %s', async (_, bad, code) => {
    const { outcomes, byPath } = await importAll([bad, good()]);
    expect(outcomes).toHaveLength(2);
    expect(status(byPath.get(bad.path))).toBe(code);
    expect(status(byPath.get('good/000.txt'))).toBe('indexed');
  });

  it('a zip bomb (50 MB of one byte, ~1000:1) is refused without expanding it; the rest of the zip is read', async () => {
    const bomb = zipSync({ 'bomb.txt': new Uint8Array(50 * 1024 * 1024).fill(0x61), 'ok.txt': utf8('正常的文件。') }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    const { byPath, library } = await importAll([file('bomb.zip', bomb), good()]);
    expect(status(byPath.get('bomb.zip/bomb.txt'))).toBe('archive-limit');
    expect(byPath.get('bomb.zip/bomb.txt')).toMatchObject({ message: expect.stringMatching(/zip bomb/) });
    expect(status(byPath.get('bomb.zip/ok.txt'))).toBe('indexed');
    expect(status(byPath.get('good/000.txt'))).toBe('indexed');
    expect(library.engine.search('正常的文件').total).toBe(1);
  });

  it('a 50 MB single text file is indexed as one file', async () => {
    const line = '床前明月光，疑是地上霜。举头望明月，低头思故乡。\n';
    const big = utf8(line.repeat(Math.ceil((50 * 1024 * 1024) / utf8(line).length)));
    const { byPath, library } = await importAll([file('big.txt', big), good()]);
    expect(status(byPath.get('big.txt'))).toBe('indexed');
    expect(status(byPath.get('good/000.txt'))).toBe('indexed');
    expect(library.engine.search('低头思故乡').total).toBe(1);
  }, 120_000);

  it('10 000 tiny files in one zip each get a status; junk entries are skipped silently', async () => {
    const entries: Record<string, Uint8Array> = {};
    for (let i = 0; i < 10_000; i++) entries[`notes/${String(i).padStart(5, '0')}.txt`] = utf8(`第${i}号笔记：编号${i}的内容。`);
    entries['__MACOSX/notes/._00001.txt'] = utf8('junk');
    entries['notes/.DS_Store'] = Uint8Array.of(0, 0, 0, 1);
    const { outcomes, library } = await importAll([file('notes.zip', zipSync(entries)), good()]);
    expect(outcomes).toHaveLength(10_001);
    expect(outcomes.filter((o) => o.status === 'indexed')).toHaveLength(10_001);
    expect(outcomes.some((o) => /__MACOSX|DS_Store/.test(o.path))).toBe(false);
    expect(library.engine.search('编号9999的').total).toBe(1);
  }, 120_000);
});

describe('zip archives', () => {
  it('reads nested folders and legacy encodings, and reports the PNG, each entry with its own status', async () => {
    const zip = zipSync({
      'docs/gbk/news.txt': readEncoding('gbk-simplified-news.txt'),
      'docs/big5/news.txt': readEncoding('big5-traditional-news.txt'),
      'docs/utf16/timeout.txt': readEncoding('utf16le-bom-traditional.txt'),
      'docs/img/note.png': readEncoding('binary-note.png'),
      'inner.zip': zipSync({ 'deep/note.md': utf8('# 标题\n嵌套压缩包里的笔记。') }),
    });
    const { outcomes, library } = await importAll([file('mixed.zip', zip)]);
    expect(outcomes.map((o) => [o.path, status(o)])).toEqual([
      ['mixed.zip/docs/big5/news.txt', 'indexed'],
      ['mixed.zip/docs/gbk/news.txt', 'indexed'],
      ['mixed.zip/docs/img/note.png', 'unsupported-type'],
      ['mixed.zip/docs/utf16/timeout.txt', 'indexed'],
      ['mixed.zip/inner.zip/deep/note.md', 'indexed'],
    ]);
    expect(library.engine.search('骁龙8Gen2').hits.map((h) => h.fileName)).toEqual(['mixed.zip/docs/gbk/news.txt']);
    expect(library.engine.search('芯片企业').hits.map((h) => h.fileName)).toEqual(['mixed.zip/docs/big5/news.txt']);
    expect(library.engine.search('规定时限').hits.map((h) => h.fileName)).toEqual(['mixed.zip/docs/utf16/timeout.txt']);
    expect(library.engine.search('嵌套压缩包').hits.map((h) => h.fileName)).toEqual(['mixed.zip/inner.zip/deep/note.md']);
  });
});
