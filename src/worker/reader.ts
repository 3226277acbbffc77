/**
 * How the importer reads a source (decode, extract, clean, split): in this thread, or in a
 * parsing worker of its own with a watchdog, so that a file that reads slowly never holds up the
 * worker that answers searches, and a file that reads for too long is stopped and skipped.
 */
import { PipelineError, type PipelineErrorCode, type PipelineStage } from '../core/errors.ts';
import type { ExpansionBudget } from '../core/extract/zip.ts';
import { ingestEach, type IngestOutcome } from '../core/pipeline.ts';
import type { PreparedFile, ReadFile } from './prepared-file.ts';

/**
 * How long one file (or one entry of an archive) may take to read before it is stopped and
 * reported as `read-timeout`. Far beyond what any file within the size limits takes (a 60 MB text
 * reads in a few seconds); only input that makes a stage crawl gets near it.
 */
export const READ_TIMEOUT_MS = 20_000;

/** One source to read: its bytes, and the nesting depth and expansion budget left to it. */
export interface ReadRequest {
  bytes: Uint8Array;
  path: string;
  depth: number;
  budget: ExpansionBudget;
}

/** Reads a source into outcomes, one per file (an archive gives one per entry), as they are pulled. */
export interface SourceReader {
  read(source: ReadRequest): AsyncIterable<ReadOutcome>;
  /** Tells the source to be read next, which may be read ahead meanwhile (a file, not an archive: it gives one outcome). */
  ahead?(source: ReadRequest): void;
}

/** Reads in this thread: Node (tests, command line) and browsers without nested workers. */
export const inProcessReader: SourceReader = {
  async *read({ bytes, path, depth, budget }) {
    yield* ingestEach(bytes, path, depth, budget);
  },
};

/** A `PipelineError` as plain data: an Error's class does not survive `postMessage`. */
export interface ErrorData {
  code: PipelineErrorCode;
  stage: PipelineStage;
  fileName: string;
  message: string;
  detail: string | undefined;
}

/** What the reading side posts for one pulled outcome: a file prepared (see `prepareFile`), or why none. */
export type OutcomeData = { path: string; file: PreparedFile } | { path: string; error: ErrorData };

/** What a reader gives for one pulled outcome: a file read (and prepared, by the parsing worker), or why none. */
export type ReadOutcome = { path: string; file: ReadFile } | { path: string; error: PipelineError };

/** Messages to the parsing worker: start reading a source (and give its first outcome), or give the next. */
export type ParseRequest =
  | { type: 'read'; id: number; bytes: Uint8Array; path: string; depth: number; budgetRemaining: number }
  | { type: 'next'; id: number };

/** Messages from the parsing worker: one outcome, or the end of a source with the budget it leaves. */
export type ParseReply = { type: 'outcome'; id: number; outcome: OutcomeData } | { type: 'done'; id: number; budgetRemaining: number };

/** An outcome made postable. */
export function toData(outcome: Extract<IngestOutcome, { error: unknown }>): OutcomeData {
  const { code, stage, fileName, message, detail } = outcome.error;
  // The error's message starts with "<fileName>: ", which the constructor adds again.
  const prefix = `${fileName}: `;
  return { path: outcome.path, error: { code, stage, fileName, message: message.startsWith(prefix) ? message.slice(prefix.length) : message, detail } };
}

/** An outcome as posted, with its error rebuilt as a `PipelineError`. */
export function fromData(data: OutcomeData): ReadOutcome {
  if (!('error' in data)) return data;
  const { code, stage, fileName, message, detail } = data.error;
  return { path: data.path, error: new PipelineError(code, stage, fileName, message, detail === undefined ? undefined : { detail }) };
}

/** The part of a `Worker` the reader uses; a fake in Node tests. */
export interface WorkerLike {
  postMessage(message: ParseRequest, transfer: Transferable[]): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ParseReply>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
}

/** What the reader waits for: a reply, the worker failing, or the watchdog. */
type Arrival = ParseReply | { type: 'crash'; message: string } | { type: 'timeout' };

/** A source asked of the parsing worker: its id, and what has arrived for it and not been taken. */
interface Asked {
  request: ReadRequest;
  id: number;
  worker: WorkerLike;
  inbox: Arrival[];
  wake: (() => void) | undefined;
}

/** True when two requests name the same source: the same path and the same bytes. */
const sameSource = (a: ReadRequest, b: ReadRequest) =>
  a.path === b.path && a.bytes.buffer === b.bytes.buffer && a.bytes.byteOffset === b.bytes.byteOffset && a.bytes.byteLength === b.bytes.byteLength;

/**
 * Reads each source in a parsing worker, pulling one outcome at a time (an archive's entries are
 * read as the importer stores the ones before, DESIGN.md decision 44). A watchdog stops a pull
 * that takes longer than `timeoutMs`: the worker is terminated, the source is reported as
 * `read-timeout`, and the next source gets a fresh worker. A worker that fails (an error event)
 * costs its current source an `internal` outcome, and is replaced too.
 *
 * The next source may be asked for ahead ({@link ahead}): the worker reads it as soon as it ends
 * the one before, and its outcome waits here until it is read. A file each way took turns: at
 * 50 MB of small files the indexer waited 2.5 s of 8 for outcomes while the parsing worker
 * waited for each next request (DESIGN.md, decision 81).
 */
export class WorkerReader implements SourceReader {
  readonly #create: () => WorkerLike;
  readonly #timeoutMs: number;
  #worker: WorkerLike | undefined;
  #lastId = 0;
  /** Sources asked for and not finished, by id: where the worker's replies go. */
  readonly #asked = new Map<number, Asked>();
  /** The source being read: the worker's failure is its. */
  #reading: Asked | undefined;
  /** A source asked for ahead and not read yet. */
  #ahead: Asked | undefined;

  constructor(create: () => WorkerLike, timeoutMs = READ_TIMEOUT_MS) {
    this.#create = create;
    this.#timeoutMs = timeoutMs;
  }

  /** Asks the worker for a source now, to be read next (one at a time: a source asked before and not read is dropped). */
  ahead(request: ReadRequest): void {
    if (this.#ahead) this.#drop(this.#ahead);
    this.#ahead = this.#ask(request);
  }

  async *read(request: ReadRequest): AsyncGenerator<ReadOutcome> {
    const ahead = this.#ahead;
    this.#ahead = undefined;
    // Asked for ahead of the same worker (not one replaced since): its replies are already coming.
    const asked = ahead && ahead.worker === this.#worker && sameSource(ahead.request, request) ? ahead : undefined;
    if (ahead && !asked) this.#drop(ahead);
    const source = asked ?? this.#ask(request);
    this.#reading = source;
    let finished = false;
    try {
      for (;;) {
        const arrival = source.inbox.shift() ?? (await this.#wait(source));
        if (arrival.type === 'done') {
          request.budget.remaining = arrival.budgetRemaining;
          finished = true;
          return;
        }
        if (arrival.type === 'outcome') {
          yield fromData(arrival.outcome);
          source.worker.postMessage({ type: 'next', id: source.id }, []);
          continue;
        }
        this.#restart();
        finished = true;
        const timedOut = arrival.type === 'timeout';
        const why = timedOut ? `reading took longer than ${this.#timeoutMs / 1000} s` : `the parsing worker failed (${arrival.message})`;
        yield { path: request.path, error: new PipelineError(timedOut ? 'read-timeout' : 'internal', 'read', request.path, why) };
        return;
      }
    } finally {
      this.#drop(source);
      if (this.#reading === source) this.#reading = undefined;
      // Left before its end (the import stopped): the worker may still be reading it.
      if (!finished) this.#restart();
    }
  }

  /** Sends a source to the worker (started if need be) and keeps what arrives for it. */
  #ask(request: ReadRequest): Asked {
    const worker = this.#current();
    const source: Asked = { request, id: ++this.#lastId, worker, inbox: [], wake: undefined };
    this.#asked.set(source.id, source);
    // A copy is transferred: the caller's bytes may share a buffer (a backup's entries) and stay usable.
    const copy = request.bytes.slice();
    worker.postMessage({ type: 'read', id: source.id, bytes: copy, path: request.path, depth: request.depth, budgetRemaining: request.budget.remaining }, [copy.buffer]);
    return source;
  }

  /** Forgets a source: what the worker still sends for it is dropped. */
  #drop(source: Asked): void {
    this.#asked.delete(source.id);
  }

  #deliver(source: Asked | undefined, arrival: Arrival): void {
    if (!source) return;
    source.inbox.push(arrival);
    source.wake?.();
  }

  /** Waits for the source's next arrival, or for the watchdog. */
  #wait(source: Asked): Promise<Arrival> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        source.wake = undefined;
        resolve({ type: 'timeout' });
      }, this.#timeoutMs);
      source.wake = () => {
        clearTimeout(timer);
        source.wake = undefined;
        resolve(source.inbox.shift()!);
      };
    });
  }

  /** The parsing worker, started when there is none. */
  #current(): WorkerLike {
    if (this.#worker) return this.#worker;
    const worker = this.#create();
    // Messages of a worker already replaced are dropped: its source was reported when it was stopped.
    worker.addEventListener('message', (event) => {
      if (worker === this.#worker) this.#deliver(this.#asked.get(event.data.id), event.data);
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault?.();
      if (worker !== this.#worker) return;
      // Failing while no source is read (one asked ahead): a fresh worker reads it when it is.
      if (this.#reading) this.#deliver(this.#reading, { type: 'crash', message: String(event.message) });
      else this.#restart();
    });
    this.#worker = worker;
    return worker;
  }

  /** Stops the worker; every source asked of it is forgotten (one asked ahead is asked again when read). */
  #restart(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#asked.clear();
  }
}
