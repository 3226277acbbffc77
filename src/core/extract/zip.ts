import { unzipSync, type UnzipFileInfo } from 'fflate';
import { PipelineError } from '../errors.ts';

/** Limits that make a zip bomb a refusal, not an outage. Documented in the README. */
export const ZIP_LIMITS = {
  /** Entries in one archive (a folder of 10 000 small notes is fine). */
  maxEntries: 20_000,
  /** Uncompressed bytes of all entries of one archive. */
  maxTotalBytes: 512 * 1024 * 1024,
  /** Uncompressed bytes of one entry (as for a file dropped on its own). */
  maxEntryBytes: 100 * 1024 * 1024,
  /** Uncompressed ÷ compressed size above which an entry is a bomb (text compresses ~3–10×). */
  maxRatio: 200,
  /** Archives inside archives. */
  maxDepth: 2,
} as const;

/** One file taken out of an archive; `path` is `archive.zip/folder/name.txt`. */
export interface ArchiveEntry {
  path: string;
  bytes: Uint8Array;
}

/** A file of the archive that was not taken out, with the reason. */
export interface ArchiveSkip {
  path: string;
  error: PipelineError;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];

/** Whether the bytes start like a zip archive (local file header, or an empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return [ZIP_MAGIC, EMPTY_ZIP_MAGIC].some((magic) => magic.every((b, i) => bytes[i] === b));
}

/** Folders and files operating systems add to archives: never content. */
function isJunk(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.') || part === '__MACOSX' || part === 'Thumbs.db' || part === 'desktop.ini');
}

/**
 * Lists and decompresses an archive's files, refusing those over the limits before any
 * decompression (sizes come from the central directory; fflate decompresses into a buffer of
 * exactly the declared size, so a lying header fails instead of growing).
 * @throws PipelineError `broken-archive` for an unreadable zip, `archive-limit` when the archive
 * as a whole is over the entry-count or total-size limit.
 */
export function unzipEntries(bytes: Uint8Array, archivePath: string): { entries: ArchiveEntry[]; skipped: ArchiveSkip[] } {
  const skipped: ArchiveSkip[] = [];
  let count = 0;
  let total = 0;
  let overLimit = false;
  const accept = (file: UnzipFileInfo): boolean => {
    const path = `${archivePath}/${file.name}`;
    if (file.name.endsWith('/') || isJunk(file.name)) return false;
    count++;
    // Checked before each entry is decompressed (fflate calls the filter first), so an archive
    // over the limits stops costing memory as soon as it crosses them.
    if (overLimit || count > ZIP_LIMITS.maxEntries || total + file.originalSize > ZIP_LIMITS.maxTotalBytes) {
      overLimit = true;
      return false;
    }
    if (file.originalSize > ZIP_LIMITS.maxEntryBytes) {
      skipped.push({ path, error: new PipelineError('too-large', 'read', path, `the file is larger than ${ZIP_LIMITS.maxEntryBytes / 1024 / 1024} MB`) });
      return false;
    }
    if (file.originalSize > 1024 * 1024 && file.originalSize / Math.max(file.size, 1) > ZIP_LIMITS.maxRatio) {
      skipped.push({ path, error: new PipelineError('archive-limit', 'read', path, `compressed ${Math.round(file.originalSize / Math.max(file.size, 1))}:1, refused as a zip bomb`) });
      return false;
    }
    total += file.originalSize;
    return true;
  };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: accept });
  } catch (cause) {
    throw new PipelineError('broken-archive', 'read', archivePath, `the zip archive cannot be read (${(cause as Error).message})`, { cause });
  }
  if (overLimit && count > ZIP_LIMITS.maxEntries) {
    throw new PipelineError('archive-limit', 'read', archivePath, `the archive holds ${count} files; at most ${ZIP_LIMITS.maxEntries} are read`);
  }
  if (overLimit) {
    throw new PipelineError('archive-limit', 'read', archivePath, `the archive expands to more than ${ZIP_LIMITS.maxTotalBytes / 1024 / 1024} MB`);
  }
  const entries = Object.keys(files)
    .sort()
    .map((name) => ({ path: `${archivePath}/${name}`, bytes: files[name]! }));
  return { entries, skipped };
}
