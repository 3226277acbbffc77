/**
 * The index snapshot: the engine's index saved with the library, so that a reload imports it
 * instead of re-indexing every file. A snapshot is usable only when it was built by this code
 * (`indexConfigHash`), and covers only the files it lists (`indexedFileIds`).
 */
import type { SearchEngine } from '../core/engine.ts';
import type { Catalog } from './catalog.ts';
import { INDEX_CONFIG_HASH } from '../core/index/search-index.ts';
import type { LibraryMeta } from '../shared/records.ts';
import type { LibraryStore } from '../storage/library-store.ts';
import { yieldToEvents } from './turns.ts';

/** IndexedDB's answer when the origin's storage quota is used up. */
export const isQuotaError = (e: unknown) => e instanceof Error && (e.name === 'QuotaExceededError' || /quota/i.test(e.message));

/**
 * What identifies a library's stored state: every write moves the file or section counter or
 * the index generation, so two equal fingerprints mean nothing was written in between.
 */
export const fingerprint = (m: LibraryMeta) => `${m.nextFileId}:${m.nextSectionId}:${m.indexGeneration}`;

/** Whether a stored snapshot can be imported by this code. */
export const snapshotUsable = (meta: LibraryMeta, chunks: readonly unknown[]) => meta.indexConfigHash === INDEX_CONFIG_HASH && chunks.length > 0;

/**
 * Compacts and saves the engine's index as the next generation.
 *
 * @param fileIds the files the snapshot covers (every file in the engine)
 * @returns the meta to keep: the new one, or `meta` unchanged when there was no room
 * @remarks No room for a new snapshot is not an error: the files themselves are stored, and the
 * next start indexes those the last snapshot lacks. The library stays usable; nothing is lost.
 */
export async function saveSnapshot(engine: SearchEngine, store: LibraryStore, meta: LibraryMeta, fileIds: number[]): Promise<LibraryMeta> {
  // Trimmed before the export, so that the snapshot and the trimmed index are never both held
  // beside the untrimmed one.
  // A step and a chunk at a time, giving searches a turn in between: at 50 MB a compaction and
  // export in one go once held them up for 1–2 s.
  for (const _ of engine.compactIndexInSlices()) await yieldToEvents();
  const chunks = await engine.exportIndex(yieldToEvents);
  const next: LibraryMeta = { ...meta, indexConfigHash: INDEX_CONFIG_HASH, indexGeneration: meta.indexGeneration + 1, indexedFileIds: fileIds };
  try {
    await store.saveIndex(chunks, next);
    return next;
  } catch (e) {
    if (isQuotaError(e)) return meta;
    throw e;
  }
}

/**
 * The library's snapshots: each change saves one ({@link save}), and two states call for one more
 * when this tab may write: the loaded snapshot lacked stored files ({@link stale}), or idle work
 * has since written the pinyin tables it lacks ({@link readingsUnsaved}: an import leaves them
 * for when it ends).
 */
export class Snapshots {
  /** The loaded snapshot lacks some stored files (they were indexed from their text at load). */
  stale = false;
  /** The pinyin tables were written since the last snapshot, which lacks them. */
  #readingsUnsaved = false;

  constructor(
    readonly engine: SearchEngine,
    readonly store: LibraryStore,
    readonly catalog: Catalog,
  ) {}

  /** A library was loaded: `stale` when its snapshot lacks stored files. */
  loaded(stale: boolean): void {
    this.stale = stale;
    this.#readingsUnsaved = false;
  }

  /** Saves the index as the next generation, covering every file (see {@link saveSnapshot}). */
  async save(): Promise<void> {
    const withReadings = this.engine.readingsIndexed;
    this.catalog.meta = await saveSnapshot(this.engine, this.store, this.catalog.meta, [...this.catalog.files.keys()]);
    // Also when there was no room: tried again, it would export the index for nothing.
    if (withReadings) this.#readingsUnsaved = false;
  }

  /** Adds to the character index or its pinyin tables as idle work (see `SearchEngine.indexCharacters`), noting tables it completes. */
  indexCharacters(maxChars: number): boolean {
    const hadReadings = this.engine.readingsIndexed;
    const done = this.engine.indexCharacters(maxChars);
    if (!hadReadings && this.engine.readingsIndexed) this.#readingsUnsaved = true;
    return done;
  }

  /** Whether the pinyin tables are complete and the last snapshot lacks them. */
  get readingsUnsaved(): boolean {
    return this.#readingsUnsaved && this.engine.readingsIndexed;
  }
}
