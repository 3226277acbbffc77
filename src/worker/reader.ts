/**
 * How the importer reads a source (decode, extract, clean, split): in this thread, or in a
 * parsing worker of its own with a watchdog, so that a file that reads slowly never holds up the
 * worker that answers searches, and a file that reads for too long is stopped and skipped.
 */
import { PipelineError, type PipelineErrorCode, type PipelineStage } from '../core/errors.ts';
import type { ExpansionBudget } from '../core/extract/zip.ts';
import { ingestEach, type IngestOutcome } from '../core/pipeline.ts';
import type { IngestedFile } from '../core/types.ts';

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
  read(source: ReadRequest): AsyncIterable<IngestOutcome>;
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

/** What the reading side posts for one pulled outcome. */
export type OutcomeData = { path: string; file: IngestedFile } | { path: string; error: ErrorData };

/** Messages to the parsing worker: start reading a source (and give its first outcome), or give the next. */
export type ParseRequest =
  | { type: 'read'; id: number; bytes: Uint8Array; path: string; depth: number; budgetRemaining: number }
  | { type: 'next'; id: number };

/** Messages from the parsing worker: one outcome, or the end of a source with the budget it leaves. */
export type ParseReply = { type: 'outcome'; id: number; outcome: OutcomeData } | { type: 'done'; id: number; budgetRemaining: number };

/** An outcome made postable. */
export function toData(outcome: IngestOutcome): OutcomeData {
  if (!('error' in outcome)) return outcome;
  const { code, stage, fileName, message, detail } = outcome.error;
  // The error's message starts with "<fileName>: ", which the constructor adds again.
  const prefix = `${fileName}: `;
  return { path: outcome.path, error: { code, stage, fileName, message: message.startsWith(prefix) ? message.slice(prefix.length) : message, detail } };
}

/** An outcome as posted, with its error rebuilt as a `PipelineError`. */
export function fromData(data: OutcomeData): IngestOutcome {
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

/**
 * Reads each source in a parsing worker, pulling one outcome at a time (an archive's entries are
 * read as the importer stores the ones before, DESIGN.md decision 44). A watchdog stops a pull
 * that takes longer than `timeoutMs`: the worker is terminated, the source is reported as
 * `read-timeout`, and the next source gets a fresh worker. A worker that fails (an error event)
 * costs its current source an `internal` outcome, and is replaced too.
 */
export class WorkerReader implements SourceReader {
  readonly #create: () => WorkerLike;
  readonly #timeoutMs: number;
  #worker: WorkerLike | undefined;
  #lastId = 0;
  /** Where the current worker's messages go: the source being read, if any. */
  #deliver: ((arrival: Arrival) => void) | undefined;

  constructor(create: () => WorkerLike, timeoutMs = READ_TIMEOUT_MS) {
    this.#create = create;
    this.#timeoutMs = timeoutMs;
  }

  async *read({ bytes, path, depth, budget }: ReadRequest): AsyncGenerator<IngestOutcome> {
    const id = ++this.#lastId;
    const worker = this.#current();
    const inbox: Arrival[] = [];
    let wake: (() => void) | undefined;
    this.#deliver = (arrival) => {
      if ('id' in arrival && arrival.id !== id) return;
      inbox.push(arrival);
      wake?.();
    };
    let finished = false;
    try {
      // A copy is transferred: the caller's bytes may share a buffer (a backup's entries) and stay usable.
      const copy = bytes.slice();
      worker.postMessage({ type: 'read', id, bytes: copy, path, depth, budgetRemaining: budget.remaining }, [copy.buffer]);
      for (;;) {
        const arrival = inbox.shift() ?? (await this.#wait((w) => (wake = w), inbox));
        if (arrival.type === 'done') {
          budget.remaining = arrival.budgetRemaining;
          finished = true;
          return;
        }
        if (arrival.type === 'outcome') {
          yield fromData(arrival.outcome);
          worker.postMessage({ type: 'next', id }, []);
          continue;
        }
        this.#restart();
        finished = true;
        const timedOut = arrival.type === 'timeout';
        const why = timedOut ? `reading took longer than ${this.#timeoutMs / 1000} s` : `the parsing worker failed (${arrival.message})`;
        yield { path, error: new PipelineError(timedOut ? 'read-timeout' : 'internal', 'read', path, why) };
        return;
      }
    } finally {
      this.#deliver = undefined;
      // Left before its end (the import stopped): the worker may still be reading it.
      if (!finished) this.#restart();
    }
  }

  /** Waits for the next arrival, or for the watchdog. */
  #wait(setWake: (wake: (() => void) | undefined) => void, inbox: Arrival[]): Promise<Arrival> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        setWake(undefined);
        resolve({ type: 'timeout' });
      }, this.#timeoutMs);
      setWake(() => {
        clearTimeout(timer);
        setWake(undefined);
        resolve(inbox.shift()!);
      });
    });
  }

  /** The parsing worker, started when there is none. */
  #current(): WorkerLike {
    if (this.#worker) return this.#worker;
    const worker = this.#create();
    // Messages of a worker already replaced are dropped: its source was reported when it was stopped.
    worker.addEventListener('message', (event) => {
      if (worker === this.#worker) this.#deliver?.(event.data);
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault?.();
      if (worker === this.#worker) this.#deliver?.({ type: 'crash', message: String(event.message) });
    });
    this.#worker = worker;
    return worker;
  }

  #restart(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
  }
}
