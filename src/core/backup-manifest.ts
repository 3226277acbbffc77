/**
 * The backup manifest's schema (README "Backup format"), checked by hand: a manifest is JSON a
 * stranger may have edited, so no field is trusted for its type. What a violation costs is part of
 * the schema: a bad manifest refuses the backup; a bad file entry costs that entry only; a bad
 * date is replaced; fields that are only informational are never read, so they cannot do harm.
 */

export const BACKUP_FORMAT = 'souwen-library';
export const BACKUP_VERSION = 1;
/** The folder of the zip that holds the files to restore. */
export const ORIGINALS_FOLDER = 'originals/';

/** Dates before this cannot be when a file was added to Souwen (a wrong clock, or a tampered field). */
const EARLIEST_DATE = Date.UTC(2000, 0, 1);
/** Tolerance for a clock that ran ahead on the browser that exported the backup. */
const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;
/** Longer than any path a file system gives; a longer one is not a path. */
const MAX_PATH_CHARS = 4096;

/** A file entry that passed the schema: what restoring it needs. */
export interface CheckedEntry {
  path: string;
  /** The zip entry under `originals/` that holds the file's text. */
  original: string;
  addedAt: number;
  /** `addedAt` was missing or out of range and is the import time instead. */
  dateReplaced: boolean;
}

/** A file entry the schema refused, with the reason and a label naming it for the person. */
export interface RefusedEntry {
  label: string;
  reason: string;
}

/** The manifest checked: refused as a whole (with the reason), or one result per file entry. */
export type ManifestCheck =
  | { kind: 'refused'; code: 'bad-backup' | 'unsupported-backup'; reason: string }
  | { kind: 'checked'; entries: (CheckedEntry | RefusedEntry)[] };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why `value` is not a path to show and route by, or null. */
function pathFault(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return 'its path is not a non-empty text';
  if (value.length > MAX_PATH_CHARS) return `its path is longer than ${MAX_PATH_CHARS} characters`;
  // A path is a name shown and routed by, never opened; `..` would still mislead whoever reads it.
  if (value.split(/[\\/]/).includes('..')) return 'its path climbs out of its folder (..)';
  if (/[\u0000-\u001f]/.test(value)) return 'its path holds control characters';
  return null;
}

/** Why `value` is not the name of a file under `originals/`, or null. */
function originalFault(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith(ORIGINALS_FOLDER) || value.length === ORIGINALS_FOLDER.length) {
    return `its original is not a file under ${ORIGINALS_FOLDER}`;
  }
  return null;
}

/** A sane `addedAt`: a finite number of milliseconds between 2000 and a day after `now`. */
const isSaneDate = (value: unknown, now: number): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= EARLIEST_DATE && value <= now + CLOCK_SKEW_MS;

/**
 * Checks one file entry. `encoding`, `articles` and `titles` are documented for people and other
 * tools; restoring reads the original again (its encoding is detected anew), so they are not read.
 */
function checkEntry(raw: unknown, index: number, now: number): CheckedEntry | RefusedEntry {
  const fallback = `files[${index}]`;
  if (!isRecord(raw)) return { label: fallback, reason: 'the entry is not an object' };
  const fault = pathFault(raw.path) ?? originalFault(raw.original);
  const label = typeof raw.path === 'string' && raw.path.trim() !== '' ? raw.path.slice(0, 200) : fallback;
  if (fault) return { label, reason: fault };
  const dated = isSaneDate(raw.addedAt, now);
  return { path: raw.path as string, original: raw.original as string, addedAt: dated ? (raw.addedAt as number) : now, dateReplaced: !dated };
}

/**
 * Checks a manifest's text against the schema. `format` must be Souwen's, `version` a whole
 * number (a later one is refused as from a newer version, before its other fields are read, since
 * a later format may shape them otherwise), `files` a list; `exportedAt` is informational.
 * @param maxEntries more file entries than this refuse the manifest (each entry is work to do)
 */
export function checkManifest(text: string, now: number, maxEntries: number): ManifestCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { kind: 'refused', code: 'bad-backup', reason: `the backup's manifest is not readable (${(e as Error).message})` };
  }
  if (!isRecord(parsed) || parsed.format !== BACKUP_FORMAT) return { kind: 'refused', code: 'bad-backup', reason: `the backup's manifest is not a ${BACKUP_FORMAT} manifest` };
  const { version, files } = parsed;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { kind: 'refused', code: 'bad-backup', reason: `the backup's manifest has no valid version (${String(version).slice(0, 40)})` };
  }
  if (version > BACKUP_VERSION) {
    return { kind: 'refused', code: 'unsupported-backup', reason: `backup version ${version} is not supported (this app reads version ${BACKUP_VERSION})` };
  }
  if (!Array.isArray(files)) return { kind: 'refused', code: 'bad-backup', reason: "the backup's manifest has no list of files" };
  if (files.length > maxEntries) return { kind: 'refused', code: 'bad-backup', reason: `the backup's manifest lists ${files.length} files; at most ${maxEntries} are read` };
  return { kind: 'checked', entries: files.map((raw: unknown, i) => checkEntry(raw, i, now)) };
}
