import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import { BACKUP_FORMAT, BACKUP_VERSION, checkManifest, ORIGINALS_FOLDER, type CheckedEntry, type RefusedEntry } from './backup-manifest.ts';
import { PipelineError } from './errors.ts';
import { newBudget, unzipEntries, ZIP_LIMITS, type ExpansionBudget } from './extract/zip.ts';
import { readDirectory } from './extract/zip-directory.ts';
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
 * library comes back with the same articles and the same search results. Nothing in a dropped
 * backup is trusted: its zip is read with the archive limits, its manifest against the schema in
 * backup-manifest.ts, and a bad file entry is reported on its own while the others are restored.
 */

export const BACKUP_MANIFEST = 'souwen-library.json';
export { BACKUP_FORMAT, BACKUP_VERSION } from './backup-manifest.ts';

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
    const original = `${ORIGINALS_FOLDER}${name}`;
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

/** A file to re-import from a backup, or a file entry that cannot be restored and why. */
export type RestoredEntry = { path: string; addedAt: number; bytes: Uint8Array } | { path: string; error: PipelineError };

/**
 * What a zip is as a backup: an ordinary archive (no manifest), a backup refused as a whole (its
 * manifest unreadable, or from a newer version), or a backup with one result per file entry and
 * what is left of the expansion budget for reading the restored files.
 */
export type BackupContents =
  | { kind: 'archive' }
  | { kind: 'refused'; error: PipelineError }
  | { kind: 'backup'; entries: RestoredEntry[]; budget: ExpansionBudget };

/** Whether the zip has a manifest at its root: read from the central directory, nothing inflated. */
function hasManifest(bytes: Uint8Array): boolean {
  try {
    return readDirectory(bytes).some((e) => e.name === BACKUP_MANIFEST);
  } catch {
    return false; // Not readable as a zip: the archive reader says so.
  }
}

/** A backup's zip entries and the entries the archive reader refused, by path. */
interface ZipByPath {
  entries: ReadonlyMap<string, Uint8Array>;
  skipped: ReadonlyMap<string, PipelineError>;
}

/** The file to restore for one checked entry; an original is restored once, found in a Map (never a plain object). */
function restore(entry: CheckedEntry | RefusedEntry, archivePath: string, zip: ZipByPath, used: Set<string>): RestoredEntry {
  if ('reason' in entry) return { path: `${archivePath}/${entry.label}`, error: new PipelineError('bad-backup-entry', 'read', `${archivePath}/${entry.label}`, entry.reason) };
  const at = `${archivePath}/${entry.original}`;
  const bytes = zip.entries.get(at);
  const skipped = zip.skipped.get(at);
  if (skipped) return { path: entry.path, error: new PipelineError(skipped.code, 'read', entry.path, `its original is not readable (${skipped.message})`) };
  if (!bytes) return { path: entry.path, error: new PipelineError('bad-backup-entry', 'read', entry.path, `its original ${entry.original.slice(0, 200)} is not in the backup`) };
  // Many entries naming one original would restore it over and over: the work would not be bounded by the zip.
  if (used.has(at)) return { path: entry.path, error: new PipelineError('bad-backup-entry', 'read', entry.path, 'its original is restored by an earlier entry') };
  used.add(at);
  return { path: entry.path, addedAt: entry.addedAt, bytes };
}

/**
 * Reads a zip as a backup (see {@link BackupContents}). The zip is read by the archive reader, with
 * the same limits, CRC checks and expansion `budget` as any dropped zip; the manifest is checked
 * field by field (backup-manifest.ts), and a bad file entry costs that entry only.
 */
export function readBackup(bytes: Uint8Array, archivePath = 'backup.zip', budget: ExpansionBudget = newBudget(), now = Date.now()): BackupContents {
  if (!hasManifest(bytes)) return { kind: 'archive' };
  let read: ReturnType<typeof unzipEntries>;
  try {
    // Only what is restored is read: `articles/` is a copy for reading elsewhere, never imported.
    read = unzipEntries(bytes, archivePath, budget, (name) => name === BACKUP_MANIFEST || name.startsWith('originals/'));
  } catch (e) {
    return { kind: 'refused', error: e instanceof PipelineError ? e : new PipelineError('broken-archive', 'read', archivePath, String(e), { cause: e }) };
  }
  const manifestPath = `${archivePath}/${BACKUP_MANIFEST}`;
  const manifest = read.entries.find((e) => e.path === manifestPath);
  if (!manifest) {
    const why = read.skipped.find((s) => s.path === manifestPath)?.error.message ?? 'it is missing';
    return { kind: 'refused', error: new PipelineError('bad-backup', 'read', archivePath, `the backup's manifest is not readable (${why})`) };
  }
  // A manifest saved again by an editor may have gained a byte order mark, which JSON refuses.
  const check = checkManifest(strFromU8(manifest.bytes).replace(/^\uFEFF/, ''), now, ZIP_LIMITS.maxEntries);
  if (check.kind === 'refused') return { kind: 'refused', error: new PipelineError(check.code, 'read', archivePath, check.reason) };
  const zip: ZipByPath = { entries: new Map(read.entries.map((e) => [e.path, e.bytes])), skipped: new Map(read.skipped.map((s) => [s.path, s.error])) };
  const used = new Set<string>();
  return { kind: 'backup', entries: check.entries.map((entry) => restore(entry, archivePath, zip, used)), budget };
}
