/**
 * Library backups in and out (the format is core/backup.ts): the files a backup holds, as
 * sources for the importer, and the backup zip of a library.
 */
import { readBackup, writeBackup, type BackupFile } from '../core/backup.ts';
import { PipelineError } from '../core/errors.ts';
import type { FileOutcome } from '../shared/protocol.ts';
import type { FileRecord } from '../shared/records.ts';
import { skippedOutcome } from './catalog.ts';

/** A file to import: dropped, or held in a backup (then with the time it was first added). */
export interface Source {
  path: string;
  bytes: Uint8Array;
  addedAt: number | undefined;
}

/**
 * What a zip dropped on the library is: a backup and the files it holds, a backup this version
 * refuses (with the outcome that says why), or no backup (an ordinary archive).
 */
export type BackupRead = { kind: 'backup'; files: Source[] } | { kind: 'refused'; outcome: FileOutcome } | { kind: 'archive' };

/** Reads a zip as a backup; see {@link BackupRead}. */
export function backupSources(bytes: Uint8Array, path: string): BackupRead {
  try {
    const files = readBackup(bytes);
    return files ? { kind: 'backup', files } : { kind: 'archive' };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { kind: 'refused', outcome: skippedOutcome(new PipelineError('unsupported-backup', 'read', path, reason)) };
  }
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
