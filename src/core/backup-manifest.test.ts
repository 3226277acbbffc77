/**
 * The backup manifest's schema, field by field, and reading a backup with the archive reader's
 * limits: every tampered field costs its own entry (or is replaced), never the backup's other files.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BACKUP_MANIFEST, readBackup, writeBackup } from './backup.ts';
import { checkManifest } from './backup-manifest.ts';

const NOW = Date.UTC(2026, 10, 30);
const entry = (fields: Record<string, unknown>) => ({ path: 'a/b.txt', addedAt: Date.UTC(2024, 0, 1), encoding: 'utf-8', original: 'originals/0001-b.txt', ...fields });
const manifest = (files: unknown[], top: Record<string, unknown> = {}) => JSON.stringify({ format: 'souwen-library', version: 1, exportedAt: '2026-01-01T00:00:00Z', files, ...top });
const check = (text: string) => checkManifest(text, NOW, 100);
const one = (fields: Record<string, unknown>) => {
  const result = check(manifest([entry(fields)]));
  return result.kind === 'checked' ? result.entries[0] : result;
};

describe('backup manifest schema', () => {
  it.each([
    ['not JSON', '{ "format": "souwen-library", 不是', 'bad-backup', /not readable/],
    ['JSON but not an object', '[1, 2]', 'bad-backup', /not a souwen-library manifest/],
    ['another format', manifest([], { format: 'other' }), 'bad-backup', /not a souwen-library manifest/],
    ['no version', manifest([], { version: undefined }), 'bad-backup', /no valid version/],
    ['a version that is text', manifest([], { version: '1' }), 'bad-backup', /no valid version/],
    ['a newer version', manifest([], { version: 2 }), 'unsupported-backup', /version 2 is not supported/],
    ['files not a list', manifest([], { files: { 0: {} } }), 'bad-backup', /no list of files/],
    ['more files than an archive may hold', manifest(Array.from({ length: 101 }, () => entry({}))), 'bad-backup', /lists 101 files/],
  ])('%s refuses the manifest', (_, text, code, reason) => {
    expect(check(text)).toEqual({ kind: 'refused', code, reason: expect.stringMatching(reason) });
  });

  it.each([
    ['a numeric path', { path: 42 }, 'files[0]', /path is not a non-empty text/],
    ['an empty path', { path: '  ' }, 'files[0]', /path is not a non-empty text/],
    ['a path with ..', { path: 'a/../../etc/passwd' }, 'a/../../etc/passwd', /climbs out/],
    ['a path with control characters', { path: 'a\u0000b.txt' }, 'a\u0000b.txt', /control characters/],
    ['original "__proto__"', { original: '__proto__' }, 'a/b.txt', /original is not a file under originals/],
    ['original "constructor"', { original: 'constructor' }, 'a/b.txt', /original is not a file under originals/],
    ['a numeric original', { original: 7 }, 'a/b.txt', /original is not a file under originals/],
    ['the folder as original', { original: 'originals/' }, 'a/b.txt', /original is not a file under originals/],
  ])('%s costs that entry only', (_, fields, label, reason) => {
    expect(one(fields)).toEqual({ label, reason: expect.stringMatching(reason) });
  });

  it('refuses an entry that is not an object, and checks the others', () => {
    expect(check(manifest([null, [1], entry({})]))).toMatchObject({ kind: 'checked', entries: [{ label: 'files[0]' }, { label: 'files[1]' }, { path: 'a/b.txt' }] });
  });

  it.each([['text', 'yesterday'], ['NaN', NaN], ['1e300', 1e300], ['negative', -1], ['before 2000', Date.UTC(1999, 11, 31)], ['a week ahead', NOW + 7 * 86_400_000], ['missing', undefined]])(
    'a date that is %s is replaced by now, and the entry restored',
    (_, addedAt) => {
      expect(one({ addedAt })).toEqual({ path: 'a/b.txt', original: 'originals/0001-b.txt', addedAt: NOW, dateReplaced: true });
    },
  );

  it('keeps a sane date, and does not read the informational fields', () => {
    expect(one({ encoding: { evil: true }, articles: 5, titles: '__proto__' })).toEqual({
      path: 'a/b.txt',
      original: 'originals/0001-b.txt',
      addedAt: Date.UTC(2024, 0, 1),
      dateReplaced: false,
    });
  });
});

describe('reading a backup', () => {
  const backup = () => unzipSync(writeBackup([1, 2].map((i) => ({ path: `n/${i}.txt`, addedAt: Date.UTC(2024, 0, i), encoding: 'utf-8', original: `第${i}篇`, articles: [] })), new Date(NOW)));
  const edit = (files: Record<string, Uint8Array>, change: (m: { files: Record<string, unknown>[] }) => void): Record<string, Uint8Array> => {
    const m = JSON.parse(strFromU8(files[BACKUP_MANIFEST]!)) as { files: Record<string, unknown>[] };
    change(m);
    return { ...files, [BACKUP_MANIFEST]: strToU8(JSON.stringify(m)) };
  };
  const read = (files: Record<string, Uint8Array>) => readBackup(zipSync(files), 'b.zip', undefined, NOW);
  const summary = (files: Record<string, Uint8Array>) => {
    const r = read(files);
    return r.kind === 'backup' ? r.entries.map((e) => ('error' in e ? `${e.path}: ${e.error.code}` : e.path)) : r;
  };

  it('looks originals up by name: "originals/__proto__" or a missing original is that entry only', () => {
    expect(summary(edit(backup(), (m) => (m.files[0]!.original = 'originals/__proto__')))).toEqual(['n/1.txt: bad-backup-entry', 'n/2.txt']);
  });

  it('restores an original once, however many entries name it', () => {
    expect(summary(edit(backup(), (m) => (m.files[1]!.original = m.files[0]!.original)))).toEqual(['n/1.txt', 'n/2.txt: bad-backup-entry']);
  });

  it('reads the originals with the archive limits: a zip bomb among them is refused, the rest restored', () => {
    const files = edit(backup(), (m) => m.files.push({ path: 'n/bomb.txt', addedAt: NOW, original: 'originals/bomb.txt' }));
    files['originals/bomb.txt'] = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    expect(summary(files)).toEqual(['n/1.txt', 'n/2.txt', 'n/bomb.txt: archive-limit']);
  });

  it('reads a manifest saved with a byte order mark; a zip without one is an archive', () => {
    const files = backup();
    files[BACKUP_MANIFEST] = new Uint8Array([0xef, 0xbb, 0xbf, ...files[BACKUP_MANIFEST]!]);
    expect(summary(files)).toEqual(['n/1.txt', 'n/2.txt']);
    expect(read({ 'a.txt': strToU8('文') })).toEqual({ kind: 'archive' });
  });

  it('a manifest that is not JSON refuses the backup as unreadable, not as from a newer version', () => {
    const r = read({ ...backup(), [BACKUP_MANIFEST]: strToU8('not json') });
    expect(r.kind === 'refused' && [r.error.code, r.error.message]).toEqual(['bad-backup', expect.stringContaining("the backup's manifest is not readable")]);
  });
});
