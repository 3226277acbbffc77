import type { Reply, WorkerRequest } from '../shared/protocol.ts';
import type { Library } from './library.ts';
import { preparePinyin } from '../core/query/pinyin.ts';
import { aloneCoordinator, type TabCoordinator } from './tabs.ts';

/** Text added to the character index per idle slice: about 8 ms at 50 MB. */
const CHARACTERS_PER_SLICE = 1_000_000;
/** Files whose section texts are read per idle slice after a reload. */
const FILES_PER_SLICE = 200;
/** Quiet time after a request before idle work starts. */
const IDLE_AFTER_MS = 300;

/** Sends a reply to the UI. */
export type Emit = (reply: Reply) => void;

/**
 * Creates the worker's request handler over a library: a plain function, unit-tested in Node.
 *
 * @remarks Requests that change the library (init, import, remove, clear) run one after another
 * through a queue; searches and reads answer at once, also between two files of an import.
 * `cancel` aborts the named request through its AbortController.
 */
export function createHandler(library: Library, emit: Emit, tabs: TabCoordinator = aloneCoordinator): (request: WorkerRequest) => Promise<void> {
  const jobs = new Map<number, AbortController>();
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };
  /**
   * A change to the library: in this tab's queue, while no other tab writes, on the library as
   * stored (reloaded first if another tab changed it); the other tabs are told afterwards.
   */
  const write = <T>(job: () => Promise<T>): Promise<T> =>
    serial(() =>
      tabs.exclusive(async () => {
        await library.syncIfStale();
        try {
          return await job();
        } finally {
          tabs.announce();
        }
      }),
    );
  tabs.onChange(() => {
    void serial(() => tabs.exclusive(() => library.syncIfStale())).then((changed) => {
      if (changed) emit({ id: 0, type: 'changed', state: library.state() });
      idle();
    });
  });

  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts requests, so that idle work resumed after an await knows whether one came meanwhile. */
  let requests = 0;
  /**
   * Work left for when requests pause, a slice at a time: the character index of restored
   * sections, the pinyin table (60 ms in one piece), then the section texts a reload left in
   * storage. Every request puts it off by {@link IDLE_AFTER_MS}, so the first searches after a
   * reload, typed at once, never wait for it.
   */
  function idle(delay = IDLE_AFTER_MS): void {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => void idleSlice(), delay);
  }
  async function idleSlice(): Promise<void> {
    const seen = requests;
    preparePinyin();
    let done = library.engine.indexCharacters(CHARACTERS_PER_SLICE);
    if (done) done = await library.loadMoreTexts(FILES_PER_SLICE);
    // A request that came meanwhile has put the idle work off already.
    if (!done && requests === seen) idle(0);
  }

  async function answer(request: Exclude<WorkerRequest, { type: 'cancel' }>, signal: AbortSignal): Promise<unknown> {
    switch (request.type) {
      case 'init':
        // Loading only reads, so a tab opens at once even while another one imports; saving a
        // fresher snapshot is a write, done only if no other tab is writing (else later).
        return serial(async () => {
          const started = performance.now();
          const state = await library.init();
          const restoreMs = performance.now() - started;
          await tabs.ifFree(() => library.saveIfStale());
          return { ...state, restoreMs };
        });
      case 'import':
        return write(async () => {
          const { outcomes, cancelled, timings } = await library.import(
            request.files,
            (p) => emit({ id: request.id, type: 'progress', ...p }),
            signal,
          );
          return { ...library.state(), outcomes, cancelled, timings };
        });
      case 'search': {
        const started = performance.now();
        const result = await library.search(request.query, { limit: request.limit, offset: request.offset, wording: request.wording ?? true });
        return { ...result, ms: performance.now() - started };
      }
      case 'read':
        return library.read(request.sectionId, request.query, request.wording ?? true);
      case 'original':
        return library.original(request.fileId);
      case 'remove':
        return write(() => library.remove(request.fileId));
      case 'clear':
        return write(() => library.clear());
      case 'stats':
        return library.stats();
      case 'backup':
        return serial(() => library.exportBackup());
    }
  }

  return async (request) => {
    if (request.type === 'cancel') {
      jobs.get(request.target)?.abort();
      return;
    }
    requests++;
    const controller = new AbortController();
    jobs.set(request.id, controller);
    try {
      const result = await answer(request, controller.signal);
      emit({ id: request.id, type: 'result', result });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      emit({ id: request.id, type: 'error', code: controller.signal.aborted ? 'aborted' : 'internal', message });
    } finally {
      jobs.delete(request.id);
      idle();
    }
  };
}
