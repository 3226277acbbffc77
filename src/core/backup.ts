import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { routeByName, routeOf } from './route.ts';

/**
 * The library backup: one zip a person can keep, open with any tool, and import into Souwen on
 * another browser. The format is documented in README.md ("Backup format"):
 *
 *   souwen-library.json         manifest: format, version, export time, one entry per file
 *   originals/0001-name.txt …   each file's text as imported (decoded, UTF-8 with BOM)
 *   articles/0001-name.txt …    each file's cleaned articles, title first, for reading anywhere
 *
 * Importing uses `originals/` only: they go through the same pipeline as the first time, so the
 * library comes back with the same articles and the same search results.
 */

export const BACKUP_MANIFEST = 'souwen-library.json';
export const BACKUP_FORMAT = 'souwen-library';
export const BACKUP_VERSION = 1;

/** One file of the library as it goes into a backup. */
export interface BackupFile {
  /** Path as first imported (folder/…/name, or archive.zip/entry). */
  path: string;
  /** Milliseconds since the epoch. */
  addedAt: number;
  /** Encoding the file was decoded from. */
  encoding: string;
  /** The decoded text as imported, before cleaning. */
  original: string;
  articles: { title: string; url?: string | undefined; date?: string | undefined; text: string }[];
}

/** The manifest's entry for one file. */
export interface BackupEntry {
  path: string;
  addedAt: number;
  encoding: string;
  original: string;
  articles: string;
  titles: string[];
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  files: BackupEntry[];
}

/** UTF-8 with a byte order mark, so a `<meta charset="gbk">` in an HTML original cannot mislead decoding. */
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
const utf8WithBom = (text: string) => {
  const body = strToU8(text);
  const out = new Uint8Array(BOM.length + body.length);
  out.set(BOM);
  out.set(body, BOM.length);
  return out;
};

/** A file name safe in any zip tool: the last path part, without characters that name nothing. */
function entryName(index: number, path: string): string {
  const base = (path.split('/').pop() ?? 'file').replace(/[\\:*?"<>|\u0000-\u001f]/g, '_') || 'file';
  return `${String(index + 1).padStart(4, '0')}-${base}`;
}

/** Writes the backup zip. */
export function writeBackup(files: readonly BackupFile[], exportedAt: Date): Uint8Array {
  const zip: Zippable = {};
  const entries: BackupEntry[] = files.map((f, i) => {
    const name = entryName(i, f.path);
    const original = `originals/${name}`;
    const articles = `articles/${name}${name.endsWith('.txt') ? '' : '.txt'}`;
    zip[original] = utf8WithBom(f.original);
    zip[articles] = strToU8(
      f.articles.map((a) => [a.title, a.url ? `原文: ${a.url}` : '', a.date ?? '', '', a.text].filter((l, j) => l || j >= 3).join('\n')).join('\n\n'),
    );
    return { path: f.path, addedAt: f.addedAt, encoding: f.encoding, original, articles, titles: f.articles.map((a) => a.title) };
  });
  const manifest: BackupManifest = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: exportedAt.toISOString(), files: entries };
  zip[BACKUP_MANIFEST] = strToU8(JSON.stringify(manifest, null, 2));
  return zipSync(zip, { level: 6 });
}

/**
 * Whether a dropped file may be a library backup: a zip archive named `.zip` (an `.epub` is a
 * zip too, but a book). {@link readBackup} then decides by its manifest. The worker routes
 * backups with this and nothing else.
 */
export function mayBeBackup(path: string, bytes: Uint8Array): boolean {
  return routeOf(path, bytes) === 'archive' && routeByName(path) === 'archive';
}

/** A file to re-import from a backup. */
export interface RestoredFile {
  path: string;
  addedAt: number;
  bytes: Uint8Array;
}

/**
 * Reads a backup zip, or returns null when the zip is not one (it is then imported as an
 * ordinary archive). Throws when it is a backup this version cannot read.
 */
export function readBackup(bytes: Uint8Array): RestoredFile[] | null {
  let manifestBytes: Uint8Array | undefined;
  try {
    manifestBytes = unzipSync(bytes, { filter: (f) => f.name === BACKUP_MANIFEST })[BACKUP_MANIFEST];
  } catch {
    return null;
  }
  if (!manifestBytes) return null;
  const manifest = JSON.parse(strFromU8(manifestBytes)) as Partial<BackupManifest>;
  if (manifest.format !== BACKUP_FORMAT || !Array.isArray(manifest.files)) return null;
  if (manifest.version !== BACKUP_VERSION) throw new Error(`backup version ${String(manifest.version)} is not supported (this app reads version ${BACKUP_VERSION})`);
  const wanted = new Set(manifest.files.map((f) => f.original));
  const entries = unzipSync(bytes, { filter: (f) => wanted.has(f.name) });
  return manifest.files.flatMap((f) => {
    const data = entries[f.original];
    return data ? [{ path: f.path, addedAt: f.addedAt, bytes: data }] : [];
  });
}
