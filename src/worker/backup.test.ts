/**
 * The library backup round trip: export one library, import the zip into an empty one (another
 * browser, as far as the library can tell), and get the same files and the same answers.
 */
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { readEncoding, seeds } from '../../tests/support/corpus.ts';
import { BACKUP_MANIFEST, type BackupManifest } from '../core/backup.ts';
import type { ImportFile } from '../shared/protocol.ts';
import { MemoryLibraryStore } from '../storage/memory-store.ts';
import { Library } from './library.ts';
import { sha256 } from '../../tests/support/hash.ts';

const never = new AbortController().signal;
const asImport = (path: string, bytes: Uint8Array): ImportFile => ({ name: path.split('/').pop()!, path, bytes: bytes.slice().buffer });

/** Seeds plus files whose first decoding was not UTF-8, and an HTML page that declares GBK. */
const FILES = () => [
  ...seeds().map((s) => asImport(`docs/${s.name}`, s.bytes)),
  ...['gbk-simplified-news.txt', 'big5-traditional-news.txt', 'utf16le-bom-traditional.txt', 'gbk-debian-reference-pr01.html'].map((name) =>
    asImport(`enc/${name}`, readEncoding(name)),
  ),
];
const QUERIES = ['芯片企业', '晶體管', 'RISC-V', '软件', 'title:简报', '新闻', 'Debian'];

async function libraryWith(files: ImportFile[]): Promise<Library> {
  const library = new Library(new MemoryLibraryStore(), sha256);
  await library.init();
  await library.import(files, () => {}, never);
  return library;
}

const answers = (library: Library) =>
  QUERIES.map((q) => library.engine.search(q, { limit: 0 }).hits.map((h) => [h.fileName, h.title, h.snippet.text]));

describe('library backup', () => {
  it('restores the same files, articles and search results in an empty library', async () => {
    const first = await libraryWith(FILES());
    const zip = await first.exportBackup();
    const second = await libraryWith([asImport('souwen-backup.zip', zip)]);
    const files = (l: Library) => l.state().files.map((f) => `${f.path} · ${f.sections}`).sort();
    expect(files(second)).toEqual(files(first));
    expect(files(first)).toHaveLength(FILES().length);
    expect(answers(second)).toEqual(answers(first));
    expect(answers(first).flat().length).toBeGreaterThan(10);
  });

  it('is an open format: a manifest, the originals as UTF-8 and readable articles', async () => {
    const library = await libraryWith(FILES());
    const entries = unzipSync(await library.exportBackup());
    const manifest = JSON.parse(strFromU8(entries[BACKUP_MANIFEST]!)) as BackupManifest;
    expect(manifest.format).toBe('souwen-library');
    expect(manifest.version).toBe(1);
    expect(manifest.files).toHaveLength(FILES().length);
    const gbk = manifest.files.find((f) => f.path === 'enc/gbk-simplified-news.txt')!;
    expect(gbk.encoding).toBe('gb18030');
    const original = entries[gbk.original]!;
    expect([...original.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(strFromU8(original.slice(3))).toBe(new TextDecoder('gb18030').decode(readEncoding('gbk-simplified-news.txt')));
    const articles = strFromU8(entries[manifest.files.find((f) => f.path.endsWith('001_23f69d89ce459f38.txt'))!.articles]!);
    expect(articles).toContain('2022中國AI芯片企業50強');
  });

  it('importing a backup into the same library adds nothing twice', async () => {
    const library = await libraryWith(FILES());
    const before = library.state().files.length;
    const { outcomes } = await library.import([asImport('souwen-backup.zip', await library.exportBackup())], () => {}, never);
    expect(outcomes.every((o) => o.status === 'skipped' && o.code === 'duplicate')).toBe(true);
    expect(library.state().files.length).toBe(before);
  });

  it('refuses a backup from a newer version with a clear reason, and imports other zips as archives', async () => {
    const newer = zipSync({ [BACKUP_MANIFEST]: new TextEncoder().encode(JSON.stringify({ format: 'souwen-library', version: 99, files: [] })) });
    const library = await libraryWith([]);
    const { outcomes } = await library.import([asImport('future.zip', newer)], () => {}, never);
    expect(outcomes).toEqual([expect.objectContaining({ status: 'skipped', code: 'unsupported-backup' })]);
    const plain = zipSync({ 'a/doc.txt': new TextEncoder().encode('普通压缩包里的文档') });
    const second = await library.import([asImport('plain.zip', plain)], () => {}, never);
    expect(second.outcomes).toEqual([expect.objectContaining({ status: 'indexed', path: 'plain.zip/a/doc.txt' })]);
  });
});
