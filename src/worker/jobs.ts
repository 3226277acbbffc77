/**
 * How the worker runs requests: one change at a time (a serial queue, under the tabs' write
 * lock), each with an AbortController that `cancel` reaches by request id.
 */
import { aloneCoordinator, type TabCoordinator } from './tabs.ts';

/** The library as far as the queue needs it: reloaded when another tab wrote to it. */
export interface Syncable {
  /** Reloads the library when another tab changed it; true when it did. */
  syncIfStale(): Promise<boolean>;
}

/**
 * The worker's job runner.
 *
 * @remarks Requests that change the library run one after another through {@link Jobs.serial};
 * searches and reads do not queue, so they answer also between two files of an import.
 */
export class Jobs {
  readonly #controllers = new Map<number, AbortController>();
  #queue: Promise<unknown> = Promise.resolve();
  readonly #library: Syncable;
  readonly #tabs: TabCoordinator;

  constructor(library: Syncable, tabs: TabCoordinator = aloneCoordinator) {
    this.#library = library;
    this.#tabs = tabs;
  }

  /** Runs `job` after every job queued before it, whether those succeeded or failed. */
  serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(job, job);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /**
   * A change to the library: in this tab's queue, while no other tab writes, on the library as
   * stored (reloaded first if another tab changed it); the other tabs are told afterwards.
   */
  write<T>(job: () => Promise<T>): Promise<T> {
    return this.serial(() =>
      this.#tabs.exclusive(async () => {
        await this.#library.syncIfStale();
        try {
          return await job();
        } finally {
          this.#tabs.announce();
        }
      }),
    );
  }

  /** Runs `job` only when no other tab is writing (a write that can wait for a later start). */
  ifFree(job: () => Promise<void>): Promise<void> {
    return this.#tabs.ifFree(job);
  }

  /**
   * Calls `onSynced` after another tab changed the library, once this tab has reloaded it (in
   * the queue, under the lock); `changed` says whether a reload was needed.
   */
  onOtherTab(onSynced: (changed: boolean) => void): void {
    this.#tabs.onChange(() => {
      void this.serial(() => this.#tabs.exclusive(() => this.#library.syncIfStale())).then(onSynced);
    });
  }

  /** Starts tracking request `id`; its signal aborts when `cancel(id)` is called. */
  start(id: number): AbortSignal {
    const controller = new AbortController();
    this.#controllers.set(id, controller);
    return controller.signal;
  }

  /** Stops tracking request `id` (answered). */
  finish(id: number): void {
    this.#controllers.delete(id);
  }

  /** Aborts request `id`, if it is still running. */
  cancel(id: number): void {
    this.#controllers.get(id)?.abort();
  }
}

/** Quiet time after a request before idle work starts. */
export const IDLE_AFTER_MS = 300;

/**
 * Work left for when requests pause, a slice at a time. Every request puts it off by
 * {@link IDLE_AFTER_MS}, so the first searches after a reload, typed at once, never wait for it.
 */
export class IdleWork {
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts requests, so that a slice resumed after an await knows whether one came meanwhile. */
  #requests = 0;
  readonly #slice: () => Promise<boolean>;

  /** @param slice does one slice of the work; resolves true when none is left. */
  constructor(slice: () => Promise<boolean>) {
    this.#slice = slice;
  }

  /** A request came: the slice running now stops rescheduling itself. */
  request(): void {
    this.#requests++;
  }

  /** Runs the next slice after `delay` ms, unless a request comes first. */
  schedule(delay = IDLE_AFTER_MS): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#run(), delay);
  }

  async #run(): Promise<void> {
    const seen = this.#requests;
    const done = await this.#slice();
    // A request that came meanwhile has put the idle work off already.
    if (!done && this.#requests === seen) this.schedule(0);
  }
}
