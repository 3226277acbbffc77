import { clear, createStore, del, delMany, get, getMany, promisifyRequest, set, setMany, type UseStore } from 'idb-keyval';
import type { FileBlock, FileRecord, LibraryMeta, ObjectBlock, SectionRecord } from '../shared/records.ts';
import { fromColumns, toColumns, wholeRecords } from './section-columns.ts';
import {
  blockKey,
  blockKeyRange,
  fileIdsOfBlock,
  fileKey,
  fileKeyRange,
  indexChunkOf,
  indexGenerationOf,
  indexKeyRange,
  indexKey,
  META_KEY,
  originalKey,
  sectionsKey,
  textsKey,
} from './keys.ts';
import { isLaterChunk, laterReads, splitTexts, type LibraryStore, type StoredFile, type StoredLibrary } from './library-store.ts';
import type { IndexChunk } from '../core/index/search-index.ts';

/** IndexedDB database and object store names. */
export const DB_NAME = 'souwen';
export const STORE_NAME = 'library';

/**
 * Files per block (see `FileBlock`): an import batch's worth (`BATCH_FILES`). Chromium spends
 * about 40 µs per value read whatever its size: 3 066 values of 67 sections took 130–190 ms to
 * read, 48 values of 64 files each 35–60 ms (DESIGN.md, decision 63).
 */
const BLOCK_FILES = 16;
/**
 * Folded text that closes a block before it has {@link BLOCK_FILES} files (`BATCH_CHARS`): a
 * folder of novels back from the trash is not one value of hundreds of MB.
 */
const BLOCK_CHARS = 2_000_000;
/** Files of an older library moved into blocks per transaction (see `packFiles`). */
const PACK_FILES = 256;
/**
 * Bytes of index chunks written per transaction (see `saveIndex`): a put copies its value in the
 * task that makes it, and the 60 MB of a 50 MB library's index put at once held a search typed
 * at the end of an import up for hundreds of ms (DESIGN.md, decision 92).
 */
const INDEX_WRITE_BYTES = 1 << 20;

/**
 * The library in IndexedDB through idb-keyval: one object store, string keys (see keys.ts).
 * @remarks Each write is one transaction, which is what makes a file (record + sections + texts
 * + manifest) appear atomically. File records and section records live in blocks of a few files
 * (`block:<ids>`); removing or rewriting a file rewrites its block in the same transaction.
 */
export class IdbLibraryStore implements LibraryStore {
  readonly mode = 'indexeddb' as const;
  readonly #db: UseStore;
  /**
   * The key of the block holding each file, as of the last load and this store's writes (only
   * one tab writes, and it loads again when another one did: see `Library.syncIfStale`).
   */
  readonly #blockOf = new Map<number, string>();
  /** Files the last load found stored one value each (schema 5 and before), until moved into a block. */
  readonly #unpackedIds = new Set<number>();

  constructor(db: UseStore = createStore(DB_NAME, STORE_NAME)) {
    this.#db = db;
  }

  /** Opens the store, or returns null when IndexedDB is unavailable (private mode, disabled). */
  static async open(): Promise<IdbLibraryStore | null> {
    try {
      if (typeof indexedDB === 'undefined') return null;
      const store = new IdbLibraryStore();
      await get(META_KEY, store.#db);
      return store;
    } catch {
      return null;
    }
  }

  putMeta(meta: LibraryMeta): Promise<void> {
    return set(META_KEY, meta, this.#db);
  }

  loadMeta(): Promise<LibraryMeta | undefined> {
    return get<LibraryMeta>(META_KEY, this.#db);
  }

  async load(whileReading?: () => void): Promise<StoredLibrary> {
    // The manifest and the keys at the same time: each first request takes tens of ms.
    const [meta, indexKeys, blockKeys] = await Promise.all([get<LibraryMeta>(META_KEY, this.#db), this.#keysIn(indexKeyRange()), this.#keysIn(blockKeyRange())]);
    const generation = meta?.indexGeneration ?? 0;
    const generationKeys = indexKeys.filter((k) => generation > 0 && indexGenerationOf(k) === generation);
    const chunkKeys = generationKeys.filter((k) => !isLaterChunk(indexChunkOf(k)));
    const laterKeys = generationKeys.filter((k) => isLaterChunk(indexChunkOf(k)));
    // Blocks and index chunks are most of the bytes: read them at the same time.
    const chunkData = getMany<Uint8Array>(chunkKeys, this.#db);
    const blocksRead = getMany<unknown>(blockKeys, this.#db);
    if (whileReading) {
      // idb-keyval asks for the values in a later microtask: a task boundary lets it first.
      await new Promise((resolve) => setTimeout(resolve, 0));
      whileReading();
    }
    const blocks = await blocksRead;
    const files: FileRecord[] = [];
    const sections = new Map<number, SectionRecord[]>();
    this.#blockOf.clear();
    blocks.forEach((block, b) => {
      for (const id of fileIdsOfBlock(blockKeys[b]!)) this.#blockOf.set(id, blockKeys[b]!);
      // A damaged block costs its own files, not the library's load.
      const read = readBlock(block);
      read?.files.forEach((f, k) => {
        files.push(f);
        sections.set(f.id, read.sections[k] ?? []);
      });
    });
    this.#unpackedIds.clear();
    for (const [f, records] of await this.#unpacked()) {
      if (sections.has(f.id)) continue;
      files.push(f);
      sections.set(f.id, records);
      this.#unpackedIds.add(f.id);
    }
    const data = await chunkData;
    const later = laterReads(laterKeys, (key) => indexChunkOf(key));
    return { meta, files, sections, indexChunks: named(chunkKeys, data), laterChunks: this.#chunkReader(later.rest), readingChunks: this.#chunkReader(later.readings) };
  }

  /**
   * Reads these chunks when called. Made apart from `load`, whose closures would keep every
   * record it read alive for as long as this one lives.
   */
  #chunkReader(keys: string[]): () => Promise<IndexChunk[]> {
    return async () => {
      // A few at a time: the worker turns the values it receives into bytes before anything
      // else, and all of them at once (190 MB at 200 MB) held the first result up by 0.3 s.
      const data: (Uint8Array | undefined)[] = [];
      for (let k = 0; k < keys.length; k += CHUNKS_PER_READ) data.push(...(await getMany<Uint8Array | undefined>(keys.slice(k, k + CHUNKS_PER_READ), this.#db)));
      return named(keys, data);
    };
  }

  /** Files stored one value each, as schema 5 and before did, with their sections' records. */
  async #unpacked(): Promise<[FileRecord, SectionRecord[]][]> {
    // One getAll over their key range, not a get each (4 082 gets took 118 ms, the getAll 28 ms).
    const files = await this.#db('readonly', (store) => promisifyRequest(store.getAll(fileKeyRange()) as IDBRequest<FileRecord[]>));
    const sections = files.length > 0 ? await getMany<SectionRecord[] | undefined>(files.map((f) => sectionsKey(f.id)), this.#db) : [];
    return files.map((f, i) => [f, (Array.isArray(sections[i]) && wholeRecords([sections[i]])?.[0]) || []]);
  }

  async #keysIn(range: IDBKeyRange): Promise<string[]> {
    const found = await this.#db('readonly', (store) => promisifyRequest(store.getAllKeys(range)));
    return found.map(String);
  }

  /**
   * Moves files stored one value each (schema 5 and before) into blocks, a few hundred per
   * transaction: one that fails leaves its files where they were, and `load` reads both kinds.
   */
  async packFiles(): Promise<void> {
    const unpacked = await this.#unpacked();
    for (const [f] of unpacked) this.#unpackedIds.add(f.id);
    for (let i = 0; i < unpacked.length; i += PACK_FILES) {
      const part = unpacked.slice(i, i + PACK_FILES);
      await this.#write((store) => this.#putBlocks(store, part.map(([file, records]) => ({ file, records }))));
    }
  }

  putFiles(files: readonly StoredFile[], meta: LibraryMeta): Promise<void> {
    const stored = files.map(({ file, sections, original }) => ({ file, original, ...splitTexts(sections) }));
    return this.#write((store) => {
      // A file stored again (folded again, back from the trash) leaves its old block.
      this.#dropFromBlocks(store, files.map((f) => f.file.id));
      this.#putBlocks(store, stored);
      for (const { file, texts, original } of stored) {
        if (texts) store.put(texts, textsKey(file.id));
        else store.delete(textsKey(file.id));
        if (original !== null) store.put(original, originalKey(file.id));
      }
      store.put(meta, META_KEY);
    });
  }

  /**
   * Stores files with their section records in blocks of up to {@link BLOCK_FILES}, deleting
   * the values of those stored one value each.
   */
  #putBlocks(store: IDBObjectStore, files: readonly { file: FileRecord; records: SectionRecord[] }[]): void {
    for (const { file } of files) {
      if (!this.#unpackedIds.delete(file.id)) continue;
      store.delete(fileKey(file.id));
      store.delete(sectionsKey(file.id));
    }
    for (const part of blocksOf(files)) {
      const key = blockKey(part.map((f) => f.file.id));
      store.put(blockOf(part.map((f) => f.file), part.map((f) => f.records)), key);
      for (const { file } of part) this.#blockOf.set(file.id, key);
    }
  }

  /** Rewrites the blocks holding any of the files without them (deleting a block left empty). */
  #dropFromBlocks(store: IDBObjectStore, fileIds: readonly number[]): void {
    const doomed = new Set(fileIds);
    const keys = new Set(fileIds.flatMap((id) => this.#blockOf.get(id) ?? []));
    for (const key of keys) {
      const left = fileIdsOfBlock(key).filter((id) => !doomed.has(id));
      const request = store.get(key) as IDBRequest<unknown>;
      request.onsuccess = () => {
        const block = readBlock(request.result);
        store.delete(key);
        const kept = block?.files.flatMap((f, k) => (doomed.has(f.id) ? [] : [k])) ?? [];
        if (block && kept.length > 0) store.put(blockOf(kept.map((k) => block.files[k]!), kept.map((k) => block.sections[k]!)), blockKey(left));
      };
      for (const id of left) this.#blockOf.set(id, blockKey(left));
    }
    for (const id of doomed) this.#blockOf.delete(id);
  }

  /**
   * Runs `work` in one read-write transaction, resolved when it commits. When it does not, the
   * blocks are as they were, and so must {@link #blockOf} be, which `work` has already changed.
   */
  async #write(work: (store: IDBObjectStore) => void): Promise<void> {
    try {
      await this.#db('readwrite', (store) => {
        work(store);
        return promisifyRequest(store.transaction);
      });
    } catch (e) {
      this.#blockOf.clear();
      for (const key of await this.#keysIn(blockKeyRange())) for (const id of fileIdsOfBlock(key)) this.#blockOf.set(id, key);
      for (const [f] of await this.#unpacked()) this.#unpackedIds.add(f.id);
      throw e;
    }
  }

  async getTexts(fileIds: readonly number[]): Promise<Map<number, string[]>> {
    const texts = await getMany<string[] | undefined>(fileIds.map(textsKey), this.#db);
    return new Map(fileIds.flatMap((id, i) => (texts[i] ? [[id, texts[i]] as const] : [])));
  }

  getOriginal(fileId: number): Promise<string | undefined> {
    return get<string>(originalKey(fileId), this.#db);
  }

  async deleteFiles(fileIds: readonly number[], meta: LibraryMeta): Promise<void> {
    // The manifest first: a file missing from it is re-indexed or dropped on load, never half-listed.
    await setMany([[META_KEY, meta]], this.#db);
    // One transaction for all of them: removing a folder of 500 files is not 500 transactions.
    await this.#write((store) => {
      this.#dropFromBlocks(store, fileIds);
      for (const id of fileIds) {
        this.#unpackedIds.delete(id);
        for (const key of [fileKey(id), sectionsKey(id), textsKey(id), originalKey(id)]) store.delete(key);
      }
    });
  }

  async saveIndex(chunks: IndexChunk[], meta: LibraryMeta): Promise<void> {
    const generation = meta.indexGeneration;
    const current = (await get<LibraryMeta>(META_KEY, this.#db))?.indexGeneration;
    // Leftovers of a save that crashed before its flip may carry the number we are about to use.
    await this.#deleteGenerations((g) => g !== current);
    // A few chunks per transaction, so that other requests get turns in between. Nothing reads
    // this generation before the manifest names it, and a save cut off here leaves chunks the
    // next save deletes (above): the flip below is what makes the snapshot whole.
    for (const part of runsOf(chunks, ([, data]) => data.byteLength, INDEX_WRITE_BYTES)) await setMany(part.map(([k, d]) => [indexKey(generation, k), d]), this.#db);
    await setMany([[META_KEY, meta]], this.#db);
    await this.#deleteGenerations((g) => g !== generation);
  }

  async #deleteGenerations(which: (generation: number) => boolean): Promise<void> {
    const doomed = (await this.#keysIn(indexKeyRange())).filter((k) => {
      const g = indexGenerationOf(k);
      return g !== null && which(g);
    });
    if (doomed.length > 0) await delMany(doomed, this.#db);
  }

  async clear(): Promise<void> {
    this.#blockOf.clear();
    this.#unpackedIds.clear();
    await clear(this.#db);
    await del(META_KEY, this.#db);
  }
}

/** Files cut into blocks, in order: each closed at {@link BLOCK_FILES} files or {@link BLOCK_CHARS} of folded text. */
function blocksOf<T extends { records: readonly SectionRecord[] }>(files: readonly T[]): T[][] {
  return runsOf(files, (f) => f.records.reduce((n, r) => n + r.norm.length, 0), BLOCK_CHARS, BLOCK_FILES);
}

/**
 * `items` in order, in runs each closed once its items weigh `weight` or it holds `count` of
 * them (an item heavier than `weight` is a run alone).
 */
function runsOf<T>(items: readonly T[], weigh: (item: T) => number, weight: number, count = Infinity): T[][] {
  const runs: T[][] = [];
  let held = Infinity;
  for (const item of items) {
    if (held >= weight || runs.at(-1)!.length >= count) {
      runs.push([]);
      held = 0;
    }
    runs.at(-1)!.push(item);
    held += weigh(item);
  }
  return runs;
}

/** Chunks read in one request by `#chunkReader`: about 4 MB. */
const CHUNKS_PER_READ = 4;

/** Chunks by name; one gone since its key was listed (a newer save dropped its generation) is left out, and the import then refuses the lot. */
function named(keys: readonly string[], data: readonly (Uint8Array | undefined)[]): IndexChunk[] {
  return keys.flatMap((k, i): IndexChunk[] => (data[i] ? [[indexChunkOf(k), data[i]]] : []));
}

/** A block as written: its files' records, and their sections' records as columns (schema 8). */
function blockOf(files: FileRecord[], sections: readonly (readonly SectionRecord[])[]): FileBlock {
  return { files, columns: toColumns(sections) };
}

/**
 * A stored block's files and their sections' records, a list per file, from either shape
 * (schema 8's columns, or 6 and 7's objects); null for a value of neither shape, or whose parts
 * do not add up.
 */
function readBlock(value: unknown): ObjectBlock | null {
  const block = value as Partial<FileBlock & ObjectBlock> | undefined;
  if (!Array.isArray(block?.files) || !block.files.every((f) => typeof f?.id === 'number')) return null;
  const sections = block.columns ? fromColumns(block.columns) : objectSections(block.sections);
  return Array.isArray(sections) && sections.length === block.files.length ? { files: block.files, sections } : null;
}

/** The records of a block of objects (schemas 6–7), made whole; null unless each file's are a list of objects. */
function objectSections(sections: unknown): SectionRecord[][] | null {
  if (!Array.isArray(sections)) return null;
  const lists = sections as unknown[];
  const whole = lists.every((list) => Array.isArray(list) && list.every((r) => typeof r === 'object' && r !== null));
  return whole ? wholeRecords(lists as SectionRecord[][]) : null;
}
