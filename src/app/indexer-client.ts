import { isResultOf, type LibraryState, type Progress, type Reply, type RequestMap, type RequestOf, type RequestType, type Result, type ResultReply, type CancelRequest } from '../shared/protocol.ts';

/** A request waiting for its answer. */
interface Pending {
  /** Settles the request's promise with its result (checked to answer a request of its type). */
  resolve: (reply: ResultReply) => void;
  reject: (error: Error) => void;
  onProgress?: ((p: Progress) => void) | undefined;
}

/** Error of a request the worker could not answer. */
export class IndexerError extends Error {
  override readonly name = 'IndexerError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Creates the indexer worker; a function so tests can pass a fake. */
export type WorkerFactory = () => Worker;

export const createIndexerWorker: WorkerFactory = () =>
  new Worker(new URL('../worker/indexer.worker.ts', import.meta.url), { type: 'module', name: 'souwen-indexer' });

/**
 * The main-thread side of the worker protocol: `request()` returns a promise per request id,
 * progress goes to a callback, `cancel()` stops a request. If the worker dies, every pending
 * request is rejected and a new worker is started (it reloads the library from IndexedDB).
 */
export class IndexerClient {
  #worker: Worker;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  readonly #factory: WorkerFactory;
  /** Called after the worker crashed and was restarted. */
  onRestart: (() => void) | undefined;
  /** Called when another tab changed the library and the worker reloaded it. */
  onChanged: ((state: LibraryState) => void) | undefined;

  constructor(factory: WorkerFactory = createIndexerWorker) {
    this.#factory = factory;
    this.#worker = this.#start();
  }

  #start(): Worker {
    const worker = this.#factory();
    worker.addEventListener('message', (e: MessageEvent<Reply>) => this.#onReply(e.data));
    worker.addEventListener('error', (e) => this.#crash(e.message || 'the indexer stopped'));
    worker.addEventListener('messageerror', () => this.#crash('a message could not be read'));
    return worker;
  }

  #crash(message: string): void {
    for (const p of this.#pending.values()) p.reject(new IndexerError('crashed', message));
    this.#pending.clear();
    this.#worker.terminate();
    this.#worker = this.#start();
    this.onRestart?.();
  }

  #onReply(reply: Reply): void {
    if (reply.type === 'changed') return void this.onChanged?.(reply.state);
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    if (reply.type === 'progress') {
      const { id: _id, type: _type, ...progress } = reply;
      pending.onProgress?.(progress);
      return;
    }
    this.#pending.delete(reply.id);
    if (reply.type === 'result') pending.resolve(reply);
    else pending.reject(new IndexerError(reply.code, reply.message));
  }

  /**
   * Sends a request; resolves with its result.
   * @param transfer buffers moved to the worker instead of copied (file bytes).
   */
  request<K extends RequestType>(
    type: K,
    payload: RequestMap[K]['request'],
    options: { onProgress?: (p: Progress) => void; transfer?: Transferable[]; onId?: (id: number) => void } = {},
  ): Promise<Result<K>> {
    const id = this.#nextId++;
    options.onId?.(id);
    return new Promise((resolve, reject) => {
      const settle = (reply: ResultReply) =>
        isResultOf(reply, type) ? resolve(reply.result) : reject(new IndexerError('internal', `a ${reply.request} answer came for a ${type} request`));
      this.#pending.set(id, { resolve: settle, reject, onProgress: options.onProgress });
      this.#worker.postMessage({ id, type, ...payload } satisfies RequestOf<K>, options.transfer ?? []);
    });
  }

  /** Asks the worker to stop request `target`; it still answers it (with what was done). */
  cancel(target: number): void {
    this.#worker.postMessage({ id: this.#nextId++, type: 'cancel', target } satisfies CancelRequest);
  }
}
