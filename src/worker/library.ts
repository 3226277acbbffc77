import { readBackup, writeBackup, type BackupFile } from '../core/backup.ts';
import { SearchEngine, type ReadResult, type SearchOptions, type SearchResult } from '../core/engine.ts';
import { isAbortError, PipelineError } from '../core/errors.ts';
import { INDEX_CONFIG_HASH } from '../core/index/search-index.ts';
import { normalize } from '../core/normalize/normalize.ts';
import { prepareWording } from '../core/query/wording.ts';
import { ingestMany } from '../core/pipeline.ts';
import type { IngestedFile } from '../core/types.ts';
import type { FileOutcome, ImportFile, ImportTimings, LibraryFile, LibraryState, Progress } from '../shared/protocol.ts';
import { SCHEMA_VERSION, type FileRecord, type LibraryMeta, type SectionRecord } from '../shared/records.ts';
import type { LibraryStore, StoredFile } from '../storage/library-store.ts';
import { migrate } from '../storage/migrate.ts';
import { joinWithGaps, originalGaps } from './original-gaps.ts';
import { contentBytes, refoldLibrary } from './refold.ts';
import { Stopwatch } from './stopwatch.ts';
import { StoreBatch } from './store-batch.ts';

/** Computes a content hash (hex); injected so Node tests and the worker use their own crypto. */
export type HashFn = (bytes: Uint8Array) => Promise<string>;

const emptyMeta = (): LibraryMeta => ({
  schemaVersion: SCHEMA_VERSION,
  createdAt: Date.now(),
  indexConfigHash: INDEX_CONFIG_HASH,
  nextFileId: 1,
  nextSectionId: 1,
  indexGeneration: 0,
  indexedFileIds: [],
});

/** IndexedDB's answer when the origin's storage quota is used up. */
const isQuotaError = (e: unknown) => e instanceof Error && (e.name === 'QuotaExceededError' || /quota/i.test(e.message));

const fingerprint = (m: LibraryMeta) => `${m.nextFileId}:${m.nextSectionId}:${m.indexGeneration}`;

function skippedOutcome(error: PipelineError): FileOutcome {
  return { path: error.fileName, status: 'skipped', code: error.code, message: error.message, ...(error.detail ? { detail: error.detail } : {}) };
}

/** Why a file could not be written. */
function storeFailure(path: string, cause: unknown): FileOutcome {
  const full = isQuotaError(cause);
  return skippedOutcome(
    new PipelineError(full ? 'storage-full' : 'internal', 'store', path, full ? 'the storage quota is used up' : `could not be saved (${String(cause)})`, { cause }),
  );
}

type IndexedOutcome = Extract<FileOutcome, { status: 'indexed' }>;
/** A file indexed and waiting to be written with its batch. */
type Staged = { stored: StoredFile; outcome: IndexedOutcome };

/** One import in progress: where its time goes, the files waiting to be written, the writes that failed. */
interface ImportRun {
  watch: Stopwatch<keyof ImportTimings>;
  batch: StoreBatch<Staged>;
  /** Outcomes said "indexed" whose write then failed, with what to report instead. */
  failed: Map<FileOutcome, FileOutcome>;
}

/**
 * Gives pending messages (searches) a turn between two files of an import. A message to itself,
 * not `setTimeout(0)`: timers nested five deep wait at least 4 ms, which a run of skipped files
 * (no storage write in between to reset the nesting) paid on every file.
 */
const yieldToEvents = () =>
  new Promise<void>((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });

/**
 * The worker's state and operations: the search engine plus its persistence. A plain class with
 * injected storage and hashing, so it is unit-tested in Node exactly as the worker runs it.
 */
export class Library {
  readonly engine = new SearchEngine();
  readonly #store: LibraryStore;
  readonly #hash: HashFn;
  readonly #files = new Map<number, FileRecord>();
  readonly #byHash = new Map<string, number>();
  readonly #byBytes = new Map<string, number>();
  #meta: LibraryMeta = emptyMeta();
  /** The loaded snapshot lacks some stored files (they were indexed from their text at load). */
  #snapshotStale = false;
  /** Why this library must not be written (it comes from a newer version), if so. */
  #refusal: Error | undefined;

  constructor(store: LibraryStore, hash: HashFn) {
    this.#store = store;
    this.#hash = hash;
  }

  /** Loads the stored library; imports the saved index when it was built by this code. */
  async init(): Promise<LibraryState> {
    // Build the fold table and the wording tries now rather than on the first import or keystroke.
    normalize('');
    prepareWording();
    const stored = await this.#store.load();
    const foldedBefore5 = stored.meta !== undefined && stored.meta.schemaVersion < 5;
    // An older library is upgraded in place; a newer one throws, and every later write is
    // refused (see syncIfStale), so this version never overwrites it.
    let upgraded: LibraryMeta | null;
    try {
      upgraded = migrate(stored);
    } catch (e) {
      this.#refusal = e instanceof Error ? e : new Error(String(e));
      throw e;
    }
    if (upgraded) {
      if (foldedBefore5) await refoldLibrary(stored, this.#store, stored.meta!, this.#hash);
      stored.meta = upgraded;
      await this.#store.putMeta(upgraded);
    }
    this.#meta = stored.meta ?? emptyMeta();
    const indexUsable = this.#meta.indexConfigHash === INDEX_CONFIG_HASH && stored.indexChunks.length > 0;
    if (indexUsable) this.engine.importIndex(stored.indexChunks);
    const inSnapshot = new Set(indexUsable ? this.#meta.indexedFileIds : []);
    let stale = !indexUsable && stored.files.length > 0;
    for (const file of stored.files.sort((a, b) => a.id - b.id)) {
      const sections = stored.sections.get(file.id) ?? [];
      this.#remember(file);
      this.engine.restoreFile(file.id, file.path, sections, inSnapshot.has(file.id));
      if (!inSnapshot.has(file.id)) stale = true;
    }
    // Files stored after the last snapshot (or a snapshot from other code) are indexed now; the
    // result is saved by saveIfStale, when this tab may write.
    this.#snapshotStale = stale;
    return this.state();
  }

  /**
   * Reloads everything when the stored library is not the one in memory (another tab wrote to
   * it). Every write moves the file or section counter or the index generation, so comparing
   * them is enough. Returns true when it reloaded.
   */
  async syncIfStale(): Promise<boolean> {
    if (this.#refusal) throw this.#refusal;
    if (fingerprint((await this.#store.loadMeta()) ?? emptyMeta()) === fingerprint(this.#meta)) return false;
    this.#forgetAll();
    await this.init();
    await this.saveIfStale();
    return true;
  }

  /** Saves a snapshot when the loaded one lacked stored files, so the next start need not re-index them. */
  async saveIfStale(): Promise<void> {
    if (!this.#snapshotStale || this.#refusal) return;
    await this.#saveIndex();
    this.#snapshotStale = false;
  }

  /**
   * Imports files one by one; a bad file is reported and skipped, never stops the batch. Files
   * are written a few at a time (`StoreBatch`); a file's progress is reported once it is stored.
   */
  async import(
    files: readonly ImportFile[],
    onProgress: (p: Progress) => void,
    signal: AbortSignal,
  ): Promise<{ outcomes: FileOutcome[]; cancelled: boolean; timings: ImportTimings }> {
    const run: ImportRun = { watch: new Stopwatch(['read', 'index', 'hash', 'store', 'snapshot']), batch: new StoreBatch(), failed: new Map() };
    const outcomes: FileOutcome[] = [];
    const bytesTotal = files.reduce((n, f) => n + f.bytes.byteLength, 0);
    let bytesDone = 0;
    let cancelled = false;
    for (const [i, file] of files.entries()) {
      if (signal.aborted) {
        cancelled = true;
        break;
      }
      outcomes.push(...(await this.#importOne(file, run)));
      bytesDone += file.bytes.byteLength;
      const progress = { path: file.path, filesDone: i + 1, filesTotal: files.length, bytesDone, bytesTotal };
      // Run once this file is stored: the files staged then are exactly those just written.
      run.batch.after(() => onProgress({ ...progress, library: { files: this.#files.size, sections: this.engine.sectionCount } }));
      if (run.batch.full) await this.#write(run);
      await yieldToEvents();
    }
    await this.#write(run);
    const final = outcomes.map((o) => run.failed.get(o) ?? o);
    if (final.some((o) => o.status === 'indexed')) await run.watch.time('snapshot', () => this.#saveIndex());
    return { outcomes: final, cancelled, timings: run.watch.ms };
  }

  /** Imports one dropped file; an archive gives one outcome per entry, a library backup one per file it holds. */
  async #importOne(file: ImportFile, run: ImportRun): Promise<FileOutcome[]> {
    const bytes = new Uint8Array(file.bytes);
    const restored = /\.zip$/i.test(file.path) ? this.#readBackup(bytes, file.path) : null;
    if (restored && 'error' in restored) return [restored.error];
    const sources = restored ?? [{ path: file.path, bytes, addedAt: undefined }];
    const outcomes: FileOutcome[] = [];
    for (const source of sources) {
      const bytesHash = await run.watch.time('hash', () => this.#hash(source.bytes));
      const same = this.#byBytes.get(bytesHash);
      if (same !== undefined) {
        // Dropped again: known before decoding, reading and normalizing it all over.
        outcomes.push(this.#duplicateOf(source.path, same));
        continue;
      }
      const results = await run.watch.time('read', () => ingestMany(source.bytes, source.path));
      for (const result of results) {
        const whole = results.length === 1 ? bytesHash : undefined;
        outcomes.push('error' in result ? skippedOutcome(result.error) : await this.#stage(result.path, result.file, run, source.addedAt, whole));
        // An archive or a backup holds many files: they are written as they fill batches too.
        if (run.batch.full) await this.#write(run);
      }
    }
    return outcomes;
  }

  /** The files of a library backup, null for any other zip, or the reason a backup cannot be read. */
  #readBackup(bytes: Uint8Array, path: string): { path: string; bytes: Uint8Array; addedAt: number | undefined }[] | { error: FileOutcome } | null {
    try {
      return readBackup(bytes);
    } catch (e) {
      return { error: skippedOutcome(new PipelineError('unsupported-backup', 'read', path, e instanceof Error ? e.message : String(e))) };
    }
  }

  /**
   * Loads the text of files' sections, which a reload leaves in storage until shown (a third of
   * what it would read). Texts stored inline (older records) are already there.
   */
  async loadTexts(fileIds: readonly number[]): Promise<void> {
    if (fileIds.length === 0) return;
    for (const [fileId, texts] of await this.#store.getTexts(fileIds)) this.engine.setTexts(fileId, texts);
  }

  /**
   * Loads the texts of up to `maxFiles` more files (idle work after a reload, so that later
   * results need no storage read). @returns true when every text is loaded
   */
  async loadMoreTexts(maxFiles: number): Promise<boolean> {
    const missing = this.engine.filesWithoutText([...this.#files.values()].flatMap((f) => f.sectionIds));
    await this.loadTexts(missing.slice(0, maxFiles));
    return missing.length <= maxFiles;
  }

  /** A page of results, loading the text of its sections first when a reload left it in storage. */
  async search(query: string, options: SearchOptions): Promise<SearchResult> {
    const result = this.engine.search(query, options);
    if (!result.textMissing) return result;
    await this.loadTexts(result.textMissing);
    return this.engine.search(query, options);
  }

  /** A section for the reader, its text loaded first if needed. */
  async read(sectionId: number, query: string, wording = true): Promise<ReadResult | null> {
    await this.loadTexts(this.engine.filesWithoutText([sectionId]));
    return this.engine.read(sectionId, query, wording);
  }

  /** The whole library as one backup zip (see core/backup.ts for the format). */
  async exportBackup(): Promise<Uint8Array> {
    const files: BackupFile[] = [];
    await this.loadTexts(this.engine.filesWithoutText([...this.#files.values()].flatMap((f) => f.sectionIds)));
    for (const record of [...this.#files.values()].sort((a, b) => a.id - b.id)) {
      const articles = record.sectionIds.flatMap((id) => {
        const read = this.engine.read(id);
        return read ? [{ title: read.section.title, url: read.section.url, date: read.section.date, text: read.section.text }] : [];
      });
      const original = (await this.#originalOf(record)) ?? articles.map((a) => a.text).join('\n\n');
      files.push({ path: record.path, addedAt: record.addedAt, encoding: record.encoding, original, articles });
    }
    return writeBackup(files, new Date());
  }

  /**
   * Indexes a file and stages it for writing; its outcome says "indexed" unless the write fails
   * (`#write` then replaces it). Duplicates are refused here, staged ones included.
   */
  async #stage(path: string, ingested: IngestedFile, { watch, batch }: ImportRun, addedAt = Date.now(), bytesHash?: string): Promise<FileOutcome> {
    try {
      const fileId = this.#meta.nextFileId;
      const firstId = this.#meta.nextSectionId;
      const sections: SectionRecord[] = await watch.time('index', () => this.engine.addFile(fileId, path, ingested.sections, firstId));
      // Duplicates are recognized by their text: the same text in GBK and in UTF-8, or with other
      // line ends, is the same document; its copy in the other script is not (DESIGN.md, 34).
      const hash = await watch.time('hash', () => this.#hash(contentBytes(ingested.sections.map((s) => s.text))));
      const existing = this.#byHash.get(hash);
      if (existing !== undefined) {
        this.engine.removeFile(fileId);
        return this.#duplicateOf(path, existing);
      }
      const record: FileRecord = {
        id: fileId,
        name: path.split('/').pop() ?? path,
        path,
        size: ingested.size,
        hash,
        encoding: ingested.encoding,
        bom: ingested.bom,
        addedAt,
        sectionIds: sections.map((s) => s.id),
        ...(bytesHash && { bytesHash }),
      };
      // A file little or nothing was cleaned from (notes, novels, poems) would be stored twice:
      // its sections and its original. What lies between its sections is enough to rebuild it.
      const gaps = originalGaps(ingested.original, ingested.sections);
      if (gaps) record.originalGaps = gaps;
      // Ids of a file whose write fails are not reused: the files staged after it have theirs.
      this.#meta = { ...this.#meta, nextFileId: fileId + 1, nextSectionId: firstId + sections.length };
      this.#remember(record);
      const outcome: IndexedOutcome = { path, status: 'indexed', fileId, sections: sections.length, encoding: ingested.encoding };
      const original = gaps ? null : ingested.original;
      batch.add({ stored: { file: record, sections, original }, outcome }, ingested.original.length);
      return outcome;
    } catch (e) {
      if (isAbortError(e)) throw e;
      return skippedOutcome(e instanceof PipelineError ? e : new PipelineError('internal', 'index', path, String(e), { cause: e }));
    }
  }

  /**
   * Writes the staged files in one transaction. When it fails (storage full), each is written
   * alone, so that the files that fit stay and only the others are reported, and forgotten.
   */
  async #write({ watch, batch, failed }: ImportRun): Promise<void> {
    const { items, after } = batch.take();
    if (items.length > 0) {
      try {
        await watch.time('store', () => this.#store.putFiles(items.map((s) => s.stored), this.#meta));
      } catch (e) {
        if (isAbortError(e)) {
          for (const { stored } of items) this.#forget(stored.file);
          throw e;
        }
        for (const { stored, outcome } of items) {
          try {
            await watch.time('store', () => this.#store.putFiles([stored], this.#meta));
          } catch (cause) {
            this.#forget(stored.file);
            failed.set(outcome, storeFailure(outcome.path, cause));
          }
        }
      }
    }
    for (const report of after) report();
  }

  #duplicateOf(path: string, existing: number): FileOutcome {
    const other = this.#files.get(existing)?.path ?? '';
    return skippedOutcome(new PipelineError('duplicate', 'store', path, `the same text is already in the library (${other})`));
  }

  #remember(file: FileRecord): void {
    this.#files.set(file.id, file);
    this.#byHash.set(file.hash, file.id);
    if (file.bytesHash) this.#byBytes.set(file.bytesHash, file.id);
  }

  /** Drops a file from memory (removed, or never stored). */
  #forget(file: FileRecord): void {
    this.engine.removeFile(file.id);
    this.#files.delete(file.id);
    this.#byHash.delete(file.hash);
    if (file.bytesHash) this.#byBytes.delete(file.bytesHash);
  }

  #forgetAll(): void {
    this.engine.clear();
    this.#files.clear();
    this.#byHash.clear();
    this.#byBytes.clear();
    this.#meta = emptyMeta();
  }

  /** A file's text as decoded, before cleaning, or null for an unknown file. */
  async original(fileId: number): Promise<string | null> {
    const record = this.#files.get(fileId);
    return record ? ((await this.#originalOf(record)) ?? null) : null;
  }

  async #originalOf(record: FileRecord): Promise<string | undefined> {
    const gaps = record.originalGaps ?? (record.originalIsText ? ['', ''] : undefined);
    if (!gaps) return this.#store.getOriginal(record.id);
    await this.loadTexts(this.engine.filesWithoutText(record.sectionIds));
    return joinWithGaps(record.sectionIds.map((id) => this.engine.read(id)?.section.text ?? ''), gaps);
  }

  /** Removes a file from the index and from storage. */
  async remove(fileId: number): Promise<LibraryState> {
    const file = this.#files.get(fileId);
    if (!file) return this.state();
    this.#forget(file);
    this.#meta = { ...this.#meta, indexedFileIds: this.#meta.indexedFileIds.filter((id) => id !== fileId) };
    await this.#store.deleteFile(fileId, this.#meta);
    await this.#saveIndex();
    return this.state();
  }

  /** Forgets everything. */
  async clear(): Promise<LibraryState> {
    this.#forgetAll();
    await this.#store.clear();
    return this.state();
  }

  async #saveIndex(): Promise<void> {
    // Trimmed before the export, so that the snapshot and the trimmed index are never both held
    // beside the untrimmed one.
    this.engine.compactIndex();
    const chunks = await this.engine.exportIndex();
    const previous = this.#meta;
    this.#meta = {
      ...this.#meta,
      indexConfigHash: INDEX_CONFIG_HASH,
      indexGeneration: this.#meta.indexGeneration + 1,
      indexedFileIds: [...this.#files.keys()],
    };
    try {
      await this.#store.saveIndex(chunks, this.#meta);
    } catch (e) {
      // No room for a new snapshot: the files themselves are stored, and the next start indexes
      // those the last snapshot lacks. The library stays usable; nothing is lost.
      this.#meta = previous;
      if (isQuotaError(e)) return;
      throw e;
    }
  }

  /** The library as the UI lists it, newest file first. */
  state(): LibraryState {
    const files: LibraryFile[] = [...this.#files.values()]
      .sort((a, b) => b.id - a.id)
      .map((f) => ({ id: f.id, name: f.name, path: f.path, size: f.size, encoding: f.encoding, sections: f.sectionIds.length, addedAt: f.addedAt }));
    return { files, sections: this.engine.sectionCount, storage: this.#store.mode };
  }

  /** Counts for the benchmark. */
  stats(): { files: number; sections: number; chars: number } {
    return { files: this.#files.size, sections: this.engine.sectionCount, chars: this.engine.normalizedLength };
  }
}
