import type { FileOutcome, LibraryFile, LibraryState, Progress, StorageMode } from '../../shared/protocol.ts';
import type { PickedFile } from '../../platform/files.ts';
import { IndexerError, type IndexerClient } from '../indexer-client.ts';
import { formatBytes, t } from '../i18n/messages.ts';

/** An import in progress or just finished. */
export interface ImportJob {
  id: number | null;
  progress: Progress | null;
  outcomes: FileOutcome[];
  running: boolean;
  cancelled: boolean;
  /** When the import started (ms since the epoch), for its rate and the time left. */
  startedAt: number;
}

/** Files just deleted, which "undo" can still bring back. */
export interface Removal {
  fileIds: number[];
  names: string[];
}

/** Results shown during an import are refreshed at most this often as files arrive. */
export const GROW_MS = 1000;

/** How long "undo" is offered after a delete. */
export const UNDO_MS = 8000;

/** An import's rate (bytes per second) and the time left (seconds), once there is enough to tell. */
export function importPace(job: ImportJob, now: number): { rate: number; secondsLeft: number } | null {
  const p = job.progress;
  const elapsed = (now - job.startedAt) / 1000;
  if (!p || elapsed < 1 || p.bytesDone === 0) return null;
  const rate = p.bytesDone / elapsed;
  return { rate, secondsLeft: Math.max(0, (p.bytesTotal - p.bytesDone) / rate) };
}

/** Sample documents shipped in public/samples/ (listed in its index.json). */
const SAMPLES_INDEX = 'samples/index.json';

/**
 * The library as the UI shows it: files, section count, where it is stored, and the current
 * import with per-file outcomes. All changes go through the worker; this mirrors its answers.
 */
/** Largest single import (README, Limits). */
export const IMPORT_LIMITS = { files: 20_000, bytes: 2_000_000_000 } as const;

export class LibraryModel {
  files = $state.raw<LibraryFile[]>([]);
  sections = $state(0);
  storage = $state<StorageMode>('indexeddb');
  ready = $state(false);
  error = $state<string | null>(null);
  job = $state<ImportJob | null>(null);
  /** The last delete, while it can be undone. */
  removed = $state.raw<Removal | null>(null);
  #undoTimer: ReturnType<typeof setTimeout> | undefined;
  /** Storage used by this origin and the quota, from `navigator.storage.estimate()`. */
  usage = $state<{ used: number; quota: number } | null>(null);
  /** Whether the browser promised not to evict the library under storage pressure. */
  persisted = $state(false);
  /** Called after the library changed, so searches can be re-run. */
  onChange: (() => void) | undefined;
  /** Called while an import runs, at most once a {@link GROW_MS}, when files were stored: results follow. */
  onGrow: (() => void) | undefined;
  #grownAt = 0;
  /** The file count the results were last refreshed for. */
  #grownTo = -1;
  readonly #client: IndexerClient;

  constructor(client: IndexerClient) {
    this.#client = client;
    // Another tab imported or removed files: show the library as it now is.
    client.onChanged = (state) => this.#apply(state);
  }

  /** Files and articles to show: during an import, those stored so far (the list follows when it ends). */
  get counts(): { files: number; sections: number } {
    const live = this.job?.running ? this.job.progress?.library : undefined;
    return live ?? { files: this.files.length, sections: this.sections };
  }

  #apply(s: LibraryState): void {
    this.files = s.files;
    this.sections = s.sections;
    this.storage = s.storage;
    this.onChange?.();
    void this.#measure();
  }

  async #measure(): Promise<void> {
    const storage = globalThis.navigator?.storage;
    if (!storage?.estimate) return;
    const { usage = 0, quota = 0 } = await storage.estimate();
    this.usage = { used: usage, quota };
    this.persisted = (await storage.persisted?.()) ?? false;
  }

  /** After the first import, asks the browser to keep the library even when space runs low. */
  async #askToPersist(): Promise<void> {
    const storage = globalThis.navigator?.storage;
    if (this.persisted || this.storage !== 'indexeddb' || !storage?.persist) return;
    this.persisted = await storage.persist();
  }

  async init(): Promise<void> {
    try {
      this.#apply(await this.#client.request('init', {}));
    } catch (e) {
      this.error = t.libraryErrors.loadFailed(e instanceof Error ? e.message : String(e));
    } finally {
      this.ready = true;
    }
  }

  /** Reads the files' bytes and hands them to the worker (transferred, not copied). */
  async importFiles(picked: readonly PickedFile[]): Promise<void> {
    if (picked.length === 0) return;
    const bytes = picked.reduce((n, p) => n + p.file.size, 0);
    // One import is read into memory at once: past these, the tab could run out of memory.
    if (picked.length > IMPORT_LIMITS.files || bytes > IMPORT_LIMITS.bytes) {
      this.error = t.libraryErrors.tooLarge(IMPORT_LIMITS.files, formatBytes(IMPORT_LIMITS.bytes), picked.length, formatBytes(bytes));
      return;
    }
    this.error = null;
    const job: ImportJob = { id: null, progress: null, outcomes: [], running: true, cancelled: false, startedAt: Date.now() };
    this.job = job;
    try {
      const files = await Promise.all(picked.map(async ({ file, path }) => ({ name: file.name, path, bytes: await file.arrayBuffer() })));
      const result = await this.#client.request(
        'import',
        { files },
        {
          transfer: files.map((f) => f.bytes),
          onId: (id) => (this.job = { ...job, id }),
          onProgress: (progress) => this.#progressed(progress),
        },
      );
      this.job = { ...this.job!, outcomes: result.outcomes, running: false, cancelled: result.cancelled };
      this.#apply(result);
      if (result.outcomes.some((o) => o.status === 'indexed')) void this.#askToPersist();
      const full = result.outcomes.filter((o) => o.status === 'skipped' && o.code === 'storage-full').length;
      if (full > 0) this.error = t.libraryErrors.storageFull(full);
    } catch (e) {
      const done = this.job?.progress?.filesDone ?? 0;
      this.job = { ...this.job!, running: false };
      // The worker died: name the file it was on (progress counts finished files); the client
      // has restarted it, and the files stored before are reloaded from IndexedDB.
      this.error =
        e instanceof IndexerError && e.code === 'crashed'
          ? t.libraryErrors.crashed(picked[done]?.path ?? '?')
          : t.libraryErrors.failed(e instanceof Error ? e.message : String(e));
    }
  }

  /** An import went on: the panel, and (at most once a {@link GROW_MS}) the results, follow. */
  #progressed(progress: Progress): void {
    if (this.job) this.job = { ...this.job, progress };
    const now = Date.now();
    if (progress.library.files !== this.#grownTo && now - this.#grownAt >= GROW_MS) {
      this.#grownAt = now;
      this.#grownTo = progress.library.files;
      this.onGrow?.();
      void this.#refreshListing();
    }
  }

  /** The list and the storage figure, while an import runs (not a change: searches are not re-run). */
  async #refreshListing(): Promise<void> {
    // A listing that fails (the worker restarting) is only a moment late: the import's end lists all.
    const state = await this.#client.request('list', {}).catch(() => null);
    if (!state || !this.job?.running) return;
    this.files = state.files;
    this.sections = state.sections;
    void this.#measure();
  }

  /** Stops the running import after the file in progress. */
  cancelImport(): void {
    if (this.job?.running && this.job.id !== null) this.#client.cancel(this.job.id);
  }

  dismissJob(): void {
    if (!this.job?.running) this.job = null;
  }

  async loadSamples(): Promise<void> {
    const names: string[] = await (await fetch(SAMPLES_INDEX)).json();
    const picked = await Promise.all(
      names.map(async (name) => {
        const blob = await (await fetch(`samples/${encodeURIComponent(name)}`)).blob();
        return { file: new File([blob], name), path: name };
      }),
    );
    await this.importFiles(picked);
  }

  /** Deletes files; "undo" can bring them back for {@link UNDO_MS}. */
  async remove(fileIds: readonly number[]): Promise<void> {
    if (fileIds.length === 0) return;
    const names = this.files.filter((f) => fileIds.includes(f.id)).map((f) => f.name);
    this.#apply(await this.#client.request('remove', { fileIds: [...fileIds] }));
    this.removed = { fileIds: [...fileIds], names };
    clearTimeout(this.#undoTimer);
    this.#undoTimer = setTimeout(() => this.forgetRemoved(), UNDO_MS);
  }

  /** Brings back the files of the last delete, with the same ids (links to them work again). */
  async undoRemove(): Promise<void> {
    const removed = this.removed;
    if (!removed) return;
    this.forgetRemoved();
    this.#apply(await this.#client.request('restore', { fileIds: removed.fileIds }));
  }

  forgetRemoved(): void {
    clearTimeout(this.#undoTimer);
    this.removed = null;
  }

  /** The whole library as a backup zip, named for today. */
  async backup(): Promise<{ name: string; bytes: Uint8Array }> {
    const bytes = await this.#client.request('backup', {});
    return { name: `souwen-backup-${new Date().toISOString().slice(0, 10)}.zip`, bytes };
  }

  async clear(): Promise<void> {
    this.#apply(await this.#client.request('clear', {}));
    this.job = null;
  }
}
