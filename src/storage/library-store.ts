import type { FileRecord, LibraryMeta, SectionRecord } from '../shared/records.ts';
import type { IndexChunk } from '../core/index/search-index.ts';
import { CHARS_CHUNKS, isReadingChunk, isSlotChunk } from '../core/index/char-index-io.ts';

/** Everything read back from storage when the worker starts. */
export interface StoredLibrary {
  meta: LibraryMeta | undefined;
  files: FileRecord[];
  sections: Map<number, SectionRecord[]>;
  /** Chunks of the current index generation, if any, but those read later (see `laterChunks`). */
  indexChunks: IndexChunk[];
  /**
   * Reads the rest of the generation's chunks (the character index's, `chars/…`) but its pinyin
   * tables: a reload answers its first query without them, and takes them when they arrive.
   */
  laterChunks: () => Promise<IndexChunk[]>;
  /** Reads the slot table and the pinyin tables of the character index (taken after the rest). */
  readingChunks: () => Promise<IndexChunk[]>;
}

/** Whether a chunk is read after the first result (see `StoredLibrary.laterChunks`). */
export const isLaterChunk = (name: string) => name.startsWith(CHARS_CHUNKS);

/** The later chunks in the two reads: the character index's, and its pinyin tables (with the slot table). */
export function laterReads<T>(later: readonly T[], nameOf: (chunk: T) => string): { rest: T[]; readings: T[] } {
  return {
    rest: later.filter((c) => !isReadingChunk(nameOf(c))),
    readings: later.filter((c) => isReadingChunk(nameOf(c)) || isSlotChunk(nameOf(c))),
  };
}

/** A file as written: its record, its sections, and its original text unless the record can rebuild it (null). */
export interface StoredFile {
  file: FileRecord;
  sections: SectionRecord[];
  original: string | null;
}

/**
 * Persistence used by the worker. Each write is atomic: files are stored with their sections in
 * one transaction, and a new index generation becomes current only when all of it is written.
 */
export interface LibraryStore {
  readonly mode: 'indexeddb' | 'memory';
  /**
   * Reads the library. Its section records are new objects each time, the caller's own: it may
   * keep and change them (the engine takes them as they are: `SearchEngine.restoreFile`).
   * @param whileReading called once, as soon as the largest reads are asked for: work for the
   *   worker while storage reads (it is not awaited)
   */
  load(whileReading?: () => void): Promise<StoredLibrary>;
  /** The stored manifest alone (cheap): tells whether another tab changed the library. */
  loadMeta(): Promise<LibraryMeta | undefined>;
  /**
   * Stores files, each with its sections (their text apart from their records: see `getTexts`)
   * and its original (uncleaned) text unless null, and the manifest, in one transaction.
   */
  putFiles(files: readonly StoredFile[], meta: LibraryMeta): Promise<void>;
  /**
   * The text of each file's sections, in order (absent for files stored with it inline, or whose
   * sections' patches remake it; a section with a patch may have '' here).
   */
  getTexts(fileIds: readonly number[]): Promise<Map<number, string[]>>;
  /** The original text of a file, before cleaning ("show original"). */
  getOriginal(fileId: number): Promise<string | undefined>;
  /** Deletes files (records, sections, texts, originals) and writes the manifest, in one go. */
  deleteFiles(fileIds: readonly number[], meta: LibraryMeta): Promise<void>;
  /** Writes index chunks as generation `meta.indexGeneration`, flips the manifest, drops older generations. */
  saveIndex(chunks: IndexChunk[], meta: LibraryMeta): Promise<void>;
  /** Moves files stored one value each (schema 5 and before) into blocks (schema 6). */
  packFiles(): Promise<void>;
  /** Writes the manifest alone (after a schema upgrade). */
  putMeta(meta: LibraryMeta): Promise<void>;
  clear(): Promise<void>;
}

/**
 * Sections as their records (text left out) and their texts, in order: how stores keep them.
 * Texts are null when every section's patch remakes its text (schema 7): nothing is stored apart.
 */
export function splitTexts(sections: readonly SectionRecord[]): { records: SectionRecord[]; texts: string[] | null } {
  return {
    records: sections.map(({ text: _text, ...record }) => record),
    texts: sections.every((s) => s.patch !== undefined) ? null : sections.map((s) => s.text ?? ''),
  };
}
