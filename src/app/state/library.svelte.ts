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
  /** Storage used by this origin and the quota, from `navigator.storage.estimate()`. */
  usage = $state<{ used: number; quota: number } | null>(null);
  /** Whether the browser promised not to evict the library under storage pressure. */
  persisted = $state(false);
  /** Called after the library changed, so searches can be re-run. */
  onChange: (() => void) | undefined;
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
    const job: ImportJob = { id: null, progress: null, outcomes: [], running: true, cancelled: false };
    this.job = job;
    try {
      const files = await Promise.all(picked.map(async ({ file, path }) => ({ name: file.name, path, bytes: await file.arrayBuffer() })));
      const result = await this.#client.request(
        'import',
        { files },
        {
          transfer: files.map((f) => f.bytes),
          onId: (id) => (this.job = { ...job, id }),
          onProgress: (progress) => {
            if (this.job) this.job = { ...this.job, progress };
          },
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

  async remove(fileId: number): Promise<void> {
    this.#apply(await this.#client.request('remove', { fileId }));
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
