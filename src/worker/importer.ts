/**
 * One import, as steps: each dropped file is routed (a library backup or any other file), hashed
 * (a file dropped again is known before it is read), read through the pipeline, indexed, staged
 * and written with its batch. The importer owns each file's outcome by its index in the answer.
 */
import type { SearchEngine } from '../core/engine.ts';
import { isAbortError, PipelineError } from '../core/errors.ts';
import type { FileOutcome, ImportFile, ImportPhase, ImportTimings, Progress } from '../shared/protocol.ts';
import type { FileRecord, SectionRecord } from '../shared/records.ts';
import type { LibraryStore, StoredFile } from '../storage/library-store.ts';
import { skippedOutcome, type Catalog } from './catalog.ts';
import { fileRecord } from './file-record.ts';
import { importSteps, type Work } from './import-steps.ts';
import { prepareFile, type PreparedFile, type ReadFile } from './prepared-file.ts';
import type { SourceReader } from './reader.ts';
import { isQuotaError } from './snapshot.ts';
import { Stopwatch } from './stopwatch.ts';
import { StoreBatch } from './store-batch.ts';
import { yieldToEvents } from './turns.ts';

/** Computes a content hash (hex); injected so Node tests and the worker use their own crypto. */
export type HashFn = (bytes: Uint8Array) => Promise<string>;

/** What an import works on: the library's engine, storage, hashing and records. */
export interface ImportContext {
  engine: SearchEngine;
  store: LibraryStore;
  hash: HashFn;
  catalog: Catalog;
  /** Reads each source (decode, extract, clean, split); in this thread unless given. */
  reader?: SourceReader;
}

/** What an import answers: one outcome per file (an archive or backup gives one per entry). */
export interface ImportReport {
  outcomes: FileOutcome[];
  cancelled: boolean;
  timings: ImportTimings;
}

/** A file indexed and waiting to be written with its batch, and where its outcome is. */
type Staged = { stored: StoredFile; at: number };

/**
 * Steps of an import asked for before the one being indexed: two, so that past the end of a
 * file, the next file is already being read while this one is indexed.
 */
const LOOKAHEAD = 2;

/** Why a file could not be written. */
function storeFailure(path: string, cause: unknown): FileOutcome {
  const full = isQuotaError(cause);
  return skippedOutcome(
    new PipelineError(full ? 'storage-full' : 'internal', 'store', path, full ? 'the storage quota is used up' : `could not be saved (${String(cause)})`, { cause }),
  );
}


/**
 * Runs one import. Files are written a few at a time (`StoreBatch`); a file's progress is
 * reported once it is stored. A bad file is reported and skipped, never stops the batch.
 */
export class Importer {
  readonly engine: SearchEngine;
  readonly #context: ImportContext;
  readonly #watch = new Stopwatch<keyof ImportTimings>(['read', 'index', 'hash', 'store', 'snapshot']);
  readonly #batch = new StoreBatch<Staged>();
  /** The write under way (see {@link #startWrite}), or the last one. */
  #writing: Promise<void> = Promise.resolve();
  /** The answer, in order; a file whose write fails has its "indexed" replaced in place. */
  readonly #outcomes: FileOutcome[] = [];
  #onProgress: (p: Progress) => void = () => {};
  /** What the last progress said was done (files and bytes stored), and the phase it named. */
  #done: Omit<Progress, 'phase'> = { path: '', filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0, library: { files: 0, sections: 0 } };
  #phase: ImportPhase | undefined;

  constructor(context: ImportContext) {
    this.#context = context;
    this.engine = context.engine;
  }

  /** Times `phase` of the import (the snapshot is saved by the library, timed here). */
  time<T>(phase: keyof ImportTimings, job: () => Promise<T>): Promise<T> {
    return this.#watch.time(phase, job);
  }

  /**
   * Tells the UI that the import entered `phase`, with what is done so far; nothing when it is
   * in that phase already. One message per file (once stored) plus one per phase change.
   */
  report(phase: ImportPhase): void {
    if (phase !== this.#phase) this.#emit(phase);
  }

  #emit(phase: ImportPhase): void {
    this.#phase = phase;
    this.#onProgress({ phase, ...this.#done });
  }

  /** The library's size now: what is stored when no file is staged (see `run`). */
  #size(): Progress['library'] {
    const { catalog, engine } = this.#context;
    // Less the files staged since the last write began (see `#startWrite`): not stored yet.
    const open = this.#batch.items;
    const sections = open.reduce((n, staged) => n + staged.stored.sections.length, 0);
    return { files: catalog.files.size - open.length, sections: engine.sectionCount - sections };
  }

  /**
   * Imports `files` until done or cancelled; the library saves its snapshot afterwards.
   *
   * @remarks Reading runs ahead of indexing: while a file is indexed here, the parsing worker
   * already reads the next (`importSteps` is asked for the steps after this one before it is
   * indexed). At 50 MB the two took 5.2 s and 12 s one after the other (DESIGN.md, decision 59).
   */
  async run(files: readonly ImportFile[], onProgress: (p: Progress) => void, signal: AbortSignal): Promise<{ outcomes: FileOutcome[]; cancelled: boolean }> {
    const bytesTotal = files.reduce((n, f) => n + f.bytes.byteLength, 0);
    let bytesDone = 0;
    this.#onProgress = onProgress;
    // A phase message repeats the size of the last file report: staged files are not stored yet.
    this.#done = { path: files[0]?.path ?? '', filesDone: 0, filesTotal: files.length, bytesDone, bytesTotal, library: this.#size() };
    if (files.length > 0) this.report('read');
    const work = importSteps(files, { ...this.#context, time: (phase, job) => this.#watch.time(phase, job) });
    // Steps asked for ahead of the one being indexed: a file's end, then the next file's read.
    const ahead: Promise<IteratorResult<Work>>[] = [];
    const askAhead = () => {
      while (ahead.length < LOOKAHEAD) {
        const next = work.next();
        // Awaited in turn; if the import stops (cancelled) first, its failure is not unhandled.
        next.catch(() => undefined);
        ahead.push(next);
      }
    };
    for (;;) {
      askAhead();
      const step = await ahead.shift()!;
      if (step.done) break;
      if (signal.aborted) {
        void work.return(undefined).catch(() => undefined);
        return { outcomes: await this.#finish(), cancelled: true };
      }
      askAhead();
      const item = step.value;
      if (item.kind === 'outcome') this.#outcomes.push(item.outcome);
      else if (item.kind === 'read') {
        // A turn first, in which the step asked for ahead sends the next file to the parsing worker.
        await yieldToEvents();
        const at = this.#outcomes.length;
        const { result } = item;
        this.#outcomes[at] = 'error' in result ? skippedOutcome(result.error) : await this.#stage(at, result.path, result.file, item.addedAt, item.whole);
      } else {
        bytesDone += item.file.bytes.byteLength;
        const done = { path: item.file.path, filesDone: item.i + 1, filesTotal: files.length, bytesDone, bytesTotal };
        // Run once this file is stored: the files staged then are exactly those just written.
        // The import then goes on reading the next file, or is done with files.
        this.#afterStored(() => {
          this.#done = { ...done, library: this.#size() };
          this.#emit(item.i + 1 < files.length ? 'read' : 'store');
        });
        await yieldToEvents();
      }
      // An archive or a backup holds many files: they are written as they fill batches too.
      if (this.#batch.full) await this.#startWrite();
    }
    return { outcomes: await this.#finish(), cancelled: false };
  }

  /** Where the import's time went, so far. */
  get timings(): ImportTimings {
    return this.#watch.ms;
  }

  async #finish(): Promise<FileOutcome[]> {
    await this.#startWrite();
    await this.#writing;
    return this.#outcomes;
  }

  /**
   * Runs `report` once every file staged so far is stored: after the files staged now are
   * written, else after the write under way, if any (reports keep their order).
   */
  #afterStored(report: () => void): void {
    if (this.#batch.empty) void this.#writing.then(report, report);
    else this.#batch.after(report);
  }

  /**
   * Starts writing the staged files once the write before has ended, and goes on without waiting
   * for this one: the files after it are read and indexed meanwhile, while storage commits it on
   * its own thread (one write at a time, in order). Waiting for each commit, a 50 MB import
   * took 8.1–8.5 s; without, 8.0–8.1 s (DESIGN.md, decision 81).
   */
  async #startWrite(): Promise<void> {
    await this.#writing;
    const batch = this.#batch.take();
    this.#writing = this.#write(batch);
    // Its failure is awaited with it (the next write, or the end); not an unhandled rejection meanwhile.
    this.#writing.catch(() => undefined);
  }

  /**
   * Adds a file to the engine a slice at a time, giving searches a turn between slices, so a big
   * file never holds them up for its whole indexing (60 MB: 7.7 s in one go).
   */
  async #index(fileId: number, path: string, file: PreparedFile): Promise<SectionRecord[]> {
    const slices = this.engine.addFileInSlices(fileId, path, file.sections);
    for (;;) {
      const step = await this.#watch.time('index', () => slices.next());
      if (step.done) return step.value;
      // Only a big file takes more than one slice: worth saying, not for every small file.
      this.report('index');
      await yieldToEvents();
    }
  }

  /**
   * Indexes a file and stages it for writing; its outcome says "indexed" unless the write fails
   * (`#write` then replaces it, at `at`). Duplicates are refused here, staged ones included.
   */
  async #stage(at: number, path: string, read: ReadFile, addedAt = Date.now(), bytesHash?: string): Promise<FileOutcome> {
    const { catalog } = this.#context;
    try {
      // Prepared by the parsing worker; read in this thread, it is prepared here.
      const file = 'textHash' in read ? read : await this.#watch.time('hash', () => prepareFile(read, this.#context.hash));
      const fileId = catalog.meta.nextFileId;
      const sections: SectionRecord[] = await this.#index(fileId, path, file);
      // Duplicates are recognized by their text: the same text in GBK and in UTF-8, or with other
      // line ends, is the same document; its copy in the other script is not (DESIGN.md, decision 8).
      const existing = catalog.byText(file.textHash);
      if (existing !== undefined) {
        this.engine.removeFile(fileId);
        return catalog.duplicateOf(path, existing);
      }
      const record = fileRecord(fileId, path, file, addedAt, sections, bytesHash);
      // Ids of a file whose write fails are not reused: the files staged after it have theirs.
      catalog.meta = { ...catalog.meta, nextFileId: fileId + 1, nextSectionId: this.engine.nextSectionId };
      catalog.remember(record);
      const original = 'text' in file.original ? file.original.text : null;
      this.#batch.add({ stored: { file: record, sections, original }, at }, file.chars);
      return { path, status: 'indexed', fileId, sections: sections.length, encoding: file.encoding };
    } catch (e) {
      if (isAbortError(e)) throw e;
      return skippedOutcome(e instanceof PipelineError ? e : new PipelineError('internal', 'index', path, String(e), { cause: e }));
    }
  }

  /**
   * Writes the staged files in one transaction. When it fails (storage full), each is written
   * alone, so that the files that fit stay and only the others are reported, and forgotten.
   */
  async #write({ items, after }: ReturnType<StoreBatch<Staged>['take']>): Promise<void> {
    const { store, catalog } = this.#context;
    if (items.length > 0) {
      this.report('store');
      try {
        await this.#watch.time('store', () => store.putFiles(items.map((s) => s.stored), catalog.meta));
      } catch (e) {
        if (isAbortError(e)) {
          for (const { stored } of items) this.#forget(stored.file);
          throw e;
        }
        for (const { stored, at } of items) {
          try {
            await this.#watch.time('store', () => store.putFiles([stored], catalog.meta));
          } catch (cause) {
            this.#forget(stored.file);
            this.#outcomes[at] = storeFailure(stored.file.path, cause);
          }
        }
      }
    }
    for (const report of after) report();
  }

  #forget(file: FileRecord): void {
    this.engine.removeFile(file.id);
    this.#context.catalog.forget(file);
  }
}
