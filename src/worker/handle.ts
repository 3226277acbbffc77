/**
 * The worker's request handler: one function per request type, in a map the compiler checks
 * against {@link RequestMap}, so every reply has the type the client expects.
 */
import type { AnyRequest, Progress, Reply, RequestOf, RequestType, Result, ResultReply } from '../shared/protocol.ts';
import { IdleWork, Jobs } from './jobs.ts';
import type { Library } from './library.ts';
import { aloneCoordinator, type TabCoordinator } from './tabs.ts';

/** Sends a reply to the UI. */
export type Emit = (reply: Reply) => void;

/** How the worker answers each request type. */
export type Handlers = { [K in RequestType]: (request: RequestOf<K>, signal: AbortSignal) => Promise<Result<K>> };

/**
 * The answers to each request over a library. Changes (import, remove, restore, clear, backup) run through
 * the job queue; searches and reads answer at once, also between two files of an import.
 */
export function handlers(library: Library, jobs: Jobs, emit: Emit): Handlers {
  /**
   * Settles when the library has loaded: a search typed while it loads waits for it rather than
   * answering "nothing found" from an empty index.
   */
  let loaded: Promise<unknown> = Promise.resolve();
  return {
    // Loading only reads, so a tab opens at once even while another one imports; saving a
    // fresher snapshot is a write, done only if no other tab is writing (else later).
    init: () => {
      let done = () => {};
      loaded = new Promise<void>((resolve) => (done = resolve));
      return jobs.serial(async () => {
        const started = performance.now();
        const state = await library.init().finally(done);
        const restoreMs = performance.now() - started;
        await jobs.ifFree(() => library.saveIfStale());
        return { ...state, restoreMs };
      });
    },
    import: (request, signal) =>
      jobs.write(async () => {
        const onProgress = (p: Progress) => emit({ id: request.id, type: 'progress', ...p });
        const { outcomes, cancelled, timings } = await library.import(request.files, onProgress, signal);
        return { ...library.state(), outcomes, cancelled, timings };
      }),
    search: async (request) => {
      await loaded;
      const started = performance.now();
      const { query, limit, offset, wording, sort, filters, fileId } = request;
      const result = await library.search(query, { limit, offset, wording: wording ?? true, sort, filters, fileId });
      return { ...result, ms: performance.now() - started };
    },
    read: async (request) => (await loaded, library.read(request.sectionId, request.query, request.wording ?? true)),
    original: async (request) => (await loaded, library.original(request.fileId, request.sectionId, request.query, request.wording ?? true)),
    remove: (request) => jobs.write(() => library.remove(request.fileIds)),
    restore: (request) => jobs.write(() => library.restore(request.fileIds)),
    clear: () => jobs.write(() => library.clear()),
    // Answered at once, also between two files of an import (like a search).
    list: async () => (await loaded, library.state()),
    backup: () => jobs.serial(() => library.exportBackup()),
  };
}

/** Answers one request with its handler; generic so the result's type follows the request's. */
async function answer<K extends RequestType>(all: Handlers, request: RequestOf<K>, signal: AbortSignal): Promise<ResultReply<K>> {
  const handler: Handlers[K] = all[request.type];
  return { id: request.id, type: 'result', request: request.type, result: await handler(request, signal) };
}

/**
 * Creates the worker's request handler over a library: a plain function, unit-tested in Node.
 *
 * @remarks `cancel` aborts the named request through its AbortController (see {@link Jobs}).
 * Idle work (the library's {@link Library.idleSlice}) runs when requests pause.
 */
export function createHandler(library: Library, emit: Emit, tabs: TabCoordinator = aloneCoordinator): (request: AnyRequest) => Promise<void> {
  const jobs = new Jobs(library, tabs);
  const idle = new IdleWork(async () => {
    const done = await library.idleSlice();
    // Pinyin tables written by idle work are saved in a snapshot of their own, when no other tab writes.
    if (done && library.readingsUnsaved) await jobs.serial(() => jobs.ifFree(() => library.saveReadings()));
    return done;
  });
  const all = handlers(library, jobs, emit);
  jobs.onOtherTab((changed) => {
    if (changed) emit({ id: 0, type: 'changed', state: library.state() });
    idle.schedule();
  });

  return async (request) => {
    if (request.type === 'cancel') return jobs.cancel(request.target);
    idle.request();
    const signal = jobs.start(request.id);
    try {
      emit(await answer(all, request, signal));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      emit({ id: request.id, type: 'error', code: signal.aborted ? 'aborted' : 'internal', message });
    } finally {
      jobs.finish(request.id);
      idle.schedule();
    }
  };
}
