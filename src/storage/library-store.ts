import type { FileRecord, LibraryMeta, SectionRecord } from '../shared/records.ts';

/** Everything read back from storage when the worker starts. */
export interface StoredLibrary {
  meta: LibraryMeta | undefined;
  files: FileRecord[];
  sections: Map<number, SectionRecord[]>;
  /** Chunks of the current index generation, if any. */
  indexChunks: [string, string][];
}

/**
 * Persistence used by the worker. Each write is atomic: a file is stored with its sections in
 * one transaction, and a new index generation becomes current only when all of it is written.
 */
export interface LibraryStore {
  readonly mode: 'indexeddb' | 'memory';
  load(): Promise<StoredLibrary>;
  putFile(file: FileRecord, sections: SectionRecord[], meta: LibraryMeta): Promise<void>;
  deleteFile(fileId: number, meta: LibraryMeta): Promise<void>;
  /** Writes index chunks as generation `meta.indexGeneration`, flips the manifest, drops older generations. */
  saveIndex(chunks: [string, string][], meta: LibraryMeta): Promise<void>;
  clear(): Promise<void>;
}
