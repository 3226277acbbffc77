/**
 * What the library holds, apart from the search engine: its file records, the hashes that
 * recognize a file dropped again, and the stored meta (id counters, index generation).
 */
import { PipelineError } from '../core/errors.ts';
import { INDEX_CONFIG_HASH } from '../core/index/search-index.ts';
import type { FileOutcome, LibraryFile } from '../shared/protocol.ts';
import { SCHEMA_VERSION, type FileRecord, type LibraryMeta } from '../shared/records.ts';
import { HeldFiles } from './held-files.ts';

/** The meta of a library with nothing in it yet. */
export const emptyMeta = (): LibraryMeta => ({
  schemaVersion: SCHEMA_VERSION,
  createdAt: Date.now(),
  indexConfigHash: INDEX_CONFIG_HASH,
  nextFileId: 1,
  nextSectionId: 1,
  indexGeneration: 0,
  indexedFileIds: [],
});

/** A skipped file's outcome, from the error that stopped it. */
export function skippedOutcome(error: PipelineError): FileOutcome {
  return { path: error.fileName, status: 'skipped', code: error.code, message: error.message, ...(error.detail ? { detail: error.detail } : {}) };
}

/**
 * The library's file records and meta, in memory. Records are looked up by id, by the hash of
 * their text (the same document in another encoding) and by the hash of their bytes (the same
 * file dropped again, known before it is decoded).
 */
export class Catalog {
  readonly files = new HeldFiles();
  readonly #byHash = new Map<string, number>();
  readonly #byBytes = new Map<string, number>();
  /** The stored meta as this library last wrote or read it. */
  meta: LibraryMeta = emptyMeta();

  /** The file whose text has this hash, if any. */
  byText(hash: string): number | undefined {
    return this.#byHash.get(hash);
  }

  /** The file whose bytes have this hash, if any. */
  byBytes(hash: string): number | undefined {
    return this.#byBytes.get(hash);
  }

  /** Adds or replaces a record. */
  remember(file: FileRecord): void {
    this.files.set(file);
    this.#byHash.set(file.hash, file.id);
    if (file.bytesHash) this.#byBytes.set(file.bytesHash, file.id);
  }

  /** Drops a record (removed, or never stored). */
  forget(file: FileRecord): void {
    this.files.delete(file.id);
    this.#byHash.delete(file.hash);
    if (file.bytesHash) this.#byBytes.delete(file.bytesHash);
  }

  /** Drops every record and starts from empty meta. */
  reset(): void {
    this.files.clear();
    this.#byHash.clear();
    this.#byBytes.clear();
    this.meta = emptyMeta();
  }

  /** The outcome of a file whose text is already in the library as file `existing`. */
  duplicateOf(path: string, existing: number): FileOutcome {
    const other = this.files.get(existing)?.path ?? '';
    return skippedOutcome(new PipelineError('duplicate', 'store', path, `the same text is already in the library (${other})`));
  }

  /** Every section id of every file. */
  allSectionIds(): number[] {
    return [...this.files.keys()].flatMap((id) => this.files.sectionIds(id));
  }

  /**
   * The files as the UI lists them, newest first.
   * @param titleOf a section's title; the engine keeps titles beside the folded text, so the
   * listing needs no section text (a reload leaves texts in storage)
   */
  listing(titleOf: (sectionId: number) => string | undefined): LibraryFile[] {
    return [...this.files.summaries()]
      .sort((a, b) => b.record.id - a.record.id)
      .map(({ record: f, sections, firstSectionId }) => ({
        id: f.id,
        name: f.name,
        path: f.path,
        size: f.size,
        encoding: f.encoding,
        sections,
        addedAt: f.addedAt,
        title: (firstSectionId !== undefined ? titleOf(firstSectionId) : undefined) || f.name,
        folder: f.path.slice(0, Math.max(0, f.path.lastIndexOf('/'))),
      }));
  }
}
