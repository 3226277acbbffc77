import type { FileRecord, LibraryMeta, SectionRecord } from '../shared/records.ts';
import { isLaterChunk, laterReads, splitTexts, type LibraryStore, type StoredFile, type StoredLibrary } from './library-store.ts';
import type { IndexChunk } from '../core/index/search-index.ts';
import { wholeRecords } from './section-columns.ts';

/**
 * A library kept in memory only: the fallback when IndexedDB is unavailable (nothing survives
 * a reload, and the UI says so), and the fake store of the worker's unit tests.
 */
export class MemoryLibraryStore implements LibraryStore {
  readonly mode = 'memory' as const;
  meta: LibraryMeta | undefined;
  readonly files = new Map<number, FileRecord>();
  readonly sections = new Map<number, SectionRecord[]>();
  indexChunks: IndexChunk[] = [];
  readonly originals = new Map<number, string>();
  readonly texts = new Map<number, string[]>();

  async putMeta(meta: LibraryMeta): Promise<void> {
    this.meta = structuredClone(meta);
  }

  async loadMeta(): Promise<LibraryMeta | undefined> {
    return this.meta && structuredClone(this.meta);
  }

  async load(whileReading?: () => void): Promise<StoredLibrary> {
    whileReading?.();
    return {
      meta: this.meta,
      files: [...this.files.values()],
      // Copies, as IndexedDB would give: the engine keeps them, and fills in their texts.
      sections: new Map([...this.sections].map(([id, records]) => [id, wholeRecords([records])![0]!])),
      indexChunks: this.indexChunks.filter(([name]) => !isLaterChunk(name)),
      laterChunks: async () => laterReads(this.#laterChunks(), ([name]) => name).rest,
      readingChunks: async () => laterReads(this.#laterChunks(), ([name]) => name).readings,
    };
  }

  #laterChunks(): IndexChunk[] {
    return this.indexChunks.filter(([name]) => isLaterChunk(name));
  }

  async putFiles(files: readonly StoredFile[], meta: LibraryMeta): Promise<void> {
    for (const { file, sections, original } of files) {
      this.files.set(file.id, file);
      if (original !== null) this.originals.set(file.id, original);
      const { records, texts } = splitTexts(sections);
      this.sections.set(file.id, records);
      if (texts) this.texts.set(file.id, texts);
      else this.texts.delete(file.id);
    }
    this.meta = meta;
  }

  /** Nothing to pack: memory holds no older library. */
  async packFiles(): Promise<void> {}

  async deleteFiles(fileIds: readonly number[], meta: LibraryMeta): Promise<void> {
    for (const fileId of fileIds) {
      this.files.delete(fileId);
      this.sections.delete(fileId);
      this.texts.delete(fileId);
      this.originals.delete(fileId);
    }
    this.meta = meta;
  }

  async getTexts(fileIds: readonly number[]): Promise<Map<number, string[]>> {
    return new Map(fileIds.flatMap((id) => (this.texts.has(id) ? [[id, [...this.texts.get(id)!]] as const] : [])));
  }

  async getOriginal(fileId: number): Promise<string | undefined> {
    return this.originals.get(fileId);
  }

  async saveIndex(chunks: IndexChunk[], meta: LibraryMeta): Promise<void> {
    this.indexChunks = chunks;
    this.meta = meta;
  }

  async clear(): Promise<void> {
    this.files.clear();
    this.sections.clear();
    this.texts.clear();
    this.originals.clear();
    this.indexChunks = [];
    this.meta = undefined;
  }
}
