/**
 * Library backups in and out (the format is core/backup.ts): the files a backup holds, as
 * sources for the importer, and the backup zip of a library.
 */
import { readBackup, writeBackup, type BackupFile } from '../core/backup.ts';
import type { ExpansionBudget } from '../core/extract/zip.ts';
import type { FileOutcome } from '../shared/protocol.ts';
import type { FileRecord } from '../shared/records.ts';
import { skippedOutcome } from './catalog.ts';

/**
 * A file to import: dropped, or held in a backup (then with the time it was first added, and the
 * nesting depth and expansion budget the backup's zip leaves to it, so a restored archive cannot
 * expand past what the dropped file may).
 */
export interface Source {
  path: string;
  bytes: Uint8Array;
  addedAt: number | undefined;
  depth?: number;
  budget?: ExpansionBudget;
}

/** One file entry of a backup: a file to import, or the outcome that says why it is not restored. */
export type BackupItem = Source | { outcome: FileOutcome };

/**
 * What a zip dropped on the library is: a backup and its file entries in manifest order, a backup
 * refused as a whole (with the outcome that says why), or no backup (an ordinary archive).
 */
export type BackupRead = { kind: 'backup'; items: BackupItem[] } | { kind: 'refused'; outcome: FileOutcome } | { kind: 'archive' };

/** Reads a zip as a backup; see {@link BackupRead}. */
export function backupSources(bytes: Uint8Array, path: string): BackupRead {
  const read = readBackup(bytes, path);
  if (read.kind !== 'backup') return read.kind === 'archive' ? read : { kind: 'refused', outcome: skippedOutcome(read.error) };
  const items = read.entries.map((e): BackupItem =>
    'error' in e ? { outcome: skippedOutcome(e.error) } : { path: e.path, bytes: e.bytes, addedAt: e.addedAt, depth: 1, budget: read.budget },
  );
  return { kind: 'backup', items };
}

/** One article of a file, as a backup lists it. */
export type BackupArticle = BackupFile['articles'][number];

/** What a backup reads from the library for each file. */
export interface BackupReader {
  /** The file's sections, texts included. */
  articles(record: FileRecord): Promise<BackupArticle[]>;
  /** The file's text as imported, if it can be had. */
  original(record: FileRecord): Promise<string | undefined>;
}

/** The backup zip of these files, oldest first. */
export async function exportBackup(records: Iterable<FileRecord>, reader: BackupReader, now = new Date()): Promise<Uint8Array> {
  const files: BackupFile[] = [];
  for (const record of [...records].sort((a, b) => a.id - b.id)) {
    const articles = await reader.articles(record);
    const original = (await reader.original(record)) ?? articles.map((a) => a.text).join('\n\n');
    files.push({ path: record.path, addedAt: record.addedAt, encoding: record.encoding, original, articles });
  }
  return writeBackup(files, now);
}
