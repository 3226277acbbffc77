import { inflateSync } from 'fflate';
import { PipelineError } from '../errors.ts';
import { isJunkPath, MAX_FILE_BYTES } from '../paths.ts';
import { crc32, dataOffset, readDirectory, type DirectoryEntry } from './zip-directory.ts';

/** Limits that make a zip bomb a refusal, not an outage. Documented in the README. */
export const ZIP_LIMITS = {
  /** Entries in one archive (a folder of 10 000 small notes is fine). */
  maxEntries: 20_000,
  /** Uncompressed bytes of all entries of one archive. */
  maxTotalBytes: 512 * 1024 * 1024,
  /** Uncompressed bytes of one entry (as for a file dropped on its own). */
  maxEntryBytes: MAX_FILE_BYTES,
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

/** Compression methods named in refusals (APPNOTE 4.4.5). */
const METHODS: ReadonlyMap<number, string> = new Map([
  [9, 'Deflate64'],
  [12, 'bzip2'],
  [14, 'LZMA'],
  [93, 'Zstandard'],
  [95, 'XZ'],
  [98, 'PPMd'],
]);

/**
 * Bytes that may still be expanded in one import, shared by nested archives: every archive
 * inside an archive is within its own limits, yet 20 of them expanded to 10 000 MiB before.
 */
export interface ExpansionBudget {
  remaining: number;
}

/** A fresh budget for one dropped file (the same total as one archive may expand to). */
export const newBudget = (): ExpansionBudget => ({ remaining: ZIP_LIMITS.maxTotalBytes });

/** Why one entry is not read, or null when it may be decompressed. */
function refusal(entry: DirectoryEntry, path: string): PipelineError | null {
  if (entry.flags & 1) return new PipelineError('encrypted-entry', 'read', path, 'the entry is encrypted');
  if (entry.method !== 0 && entry.method !== 8) {
    return new PipelineError('unsupported-compression', 'read', path, `compressed with ${METHODS.get(entry.method) ?? `method ${entry.method}`}, which is not read`);
  }
  if (entry.size > ZIP_LIMITS.maxEntryBytes) return new PipelineError('too-large', 'read', path, `the file is larger than ${ZIP_LIMITS.maxEntryBytes / 1024 / 1024} MB`);
  if (entry.size > 1024 * 1024 && entry.size / Math.max(entry.compressedSize, 1) > ZIP_LIMITS.maxRatio) {
    return new PipelineError('archive-limit', 'read', path, `compressed ${Math.round(entry.size / Math.max(entry.compressedSize, 1))}:1, refused as a zip bomb`);
  }
  return null;
}

/**
 * Decompresses one entry and checks its CRC. When the CRC fails on exactly the declared size, the
 * size field may be what is wrong (a damaged or hand-made archive): the stream is read again
 * without it, within the entry limit, and kept if its CRC then matches.
 */
function inflateEntry(bytes: Uint8Array, entry: DirectoryEntry, path: string): Uint8Array {
  const start = dataOffset(bytes, entry);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (start + entry.compressedSize > bytes.length) throw new PipelineError('broken-archive', 'read', path, 'the entry is cut off');
  const read = (size: number): Uint8Array => {
    if (entry.method === 0) return data.subarray(0, Math.min(size, data.length));
    return inflateSync(data, { out: new Uint8Array(size) });
  };
  let out: Uint8Array;
  try {
    out = read(entry.size);
    if (crc32(out) === entry.crc) return out;
    out = read(Math.min(ZIP_LIMITS.maxEntryBytes, Math.max(2 * entry.size, 64 * 1024)));
  } catch (cause) {
    throw new PipelineError('broken-archive', 'read', path, `the entry's data is damaged (${(cause as Error).message})`, { cause });
  }
  // A stream that ends early inflates to fewer bytes than its buffer: only its real length counts.
  if (crc32(out) !== entry.crc) throw new PipelineError('broken-archive', 'read', path, 'the entry fails its CRC check: its data is damaged');
  return out;
}

/** `a.txt`, `a.txt (2)`, …: entries of one name are all kept. */
function uniqueNames(): (name: string) => string {
  const seen = new Map<string, number>();
  return (name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n === 1) return name;
    const dot = name.lastIndexOf('.');
    // `notes/a.txt` → `notes/a (2).txt`; a name without an extension (or a dot file) gets it at the end.
    return dot > name.lastIndexOf('/') + 1 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
  };
}

/**
 * Opens an archive: reads its central directory and checks every limit before anything is
 * decompressed, then gives its entries one at a time, in path order, each inflated only when it
 * is asked for — so an import holds one entry of an archive at a time, never all of them. A
 * damaged, encrypted or unsupported entry is that entry's own item; the others are read.
 * @param budget bytes this import may still expand (nested archives share it)
 * @param select which entries to read at all (by name in the archive); the others are neither
 *   counted nor inflated (a backup reads its manifest and originals, not its `articles/`)
 * @throws PipelineError `broken-archive` for an unreadable directory, `archive-limit` when the
 * archive as a whole is over the entry-count or total-size limit or the budget.
 */
export function openArchive(
  bytes: Uint8Array,
  archivePath: string,
  budget: ExpansionBudget = newBudget(),
  select: (name: string) => boolean = () => true,
): Iterable<ArchiveEntry | ArchiveSkip> {
  let directory: DirectoryEntry[];
  try {
    directory = readDirectory(bytes);
  } catch (cause) {
    throw new PipelineError('broken-archive', 'read', archivePath, `the zip archive cannot be read (${(cause as Error).message})`, { cause });
  }
  const files = directory.filter((e) => !e.name.endsWith('/') && !isJunkPath(e.name) && select(e.name));
  if (files.length > ZIP_LIMITS.maxEntries) {
    throw new PipelineError('archive-limit', 'read', archivePath, `the archive holds ${files.length} files; at most ${ZIP_LIMITS.maxEntries} are read`);
  }
  const total = files.reduce((n, e) => n + (refusal(e, '') ? 0 : e.size), 0);
  if (total > ZIP_LIMITS.maxTotalBytes || total > budget.remaining) {
    throw new PipelineError('archive-limit', 'read', archivePath, `the archive expands to more than ${Math.round(Math.min(ZIP_LIMITS.maxTotalBytes, budget.remaining) / 1024 / 1024)} MB`);
  }
  budget.remaining -= total;
  const unique = uniqueNames();
  // Names made unique in directory order, then listed in path order, as a file manager would.
  const named = files.map((entry) => ({ entry, path: `${archivePath}/${unique(entry.name)}` }));
  named.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return entryItems(bytes, named);
}

/** The entries of an opened archive, each inflated when the caller asks for it. */
function* entryItems(bytes: Uint8Array, named: readonly { entry: DirectoryEntry; path: string }[]): Generator<ArchiveEntry | ArchiveSkip> {
  for (const { entry, path } of named) {
    const refused = refusal(entry, path);
    if (refused) {
      yield { path, error: refused };
      continue;
    }
    try {
      yield { path, bytes: inflateEntry(bytes, entry, path) };
    } catch (e) {
      yield { path, error: e instanceof PipelineError ? e : new PipelineError('broken-archive', 'read', path, String(e)) };
    }
  }
}

/**
 * Every entry of an archive at once (see {@link openArchive}): for a book or a backup, whose
 * parts are read together.
 */
export function unzipEntries(
  bytes: Uint8Array,
  archivePath: string,
  budget: ExpansionBudget = newBudget(),
  select: (name: string) => boolean = () => true,
): { entries: ArchiveEntry[]; skipped: ArchiveSkip[] } {
  const entries: ArchiveEntry[] = [];
  const skipped: ArchiveSkip[] = [];
  for (const item of openArchive(bytes, archivePath, budget, select)) {
    if ('error' in item) skipped.push(item);
    else entries.push(item);
  }
  return { entries, skipped };
}
