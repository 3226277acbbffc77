import { PipelineError } from '../core/errors.ts';
import { ingestEach, type IngestOutcome } from '../core/pipeline.ts';
import type { HashFn } from './importer.ts';
import { prepareFile } from './prepared-file.ts';
import { toData, type OutcomeData, type ParseReply, type ParseRequest } from './reader.ts';

/**
 * Outcomes a source's reading may be ahead of what the reader has taken. One, and the end of a
 * plain file is only known when the reader asks again: the indexer, busy with the file, asks
 * late, and only then sends the next file, so reading and indexing took turns (DESIGN.md,
 * decision 65). Two: a file's outcome and its end go back together.
 */
export const READ_AHEAD = 2;

/**
 * The parsing worker's side of the protocol (see `WorkerReader`): reads one source at a time,
 * up to {@link READ_AHEAD} outcomes ahead (each `next` lets it read one more), and prepares what
 * it reads (`prepareFile`: folded, hashed, sent without what the indexer can do without). A
 * source asked for while another is read waits its turn and is started as soon as that one
 * ends, without waiting for the reader to ask again. Kept apart from the worker's entry so
 * that the reader's tests run this very logic in Node.
 */
export class ParseServer {
  /** The source being read: its outcomes, the budget its archives draw on, and how many more it may give. */
  #current: { id: number; outcomes: Iterator<IngestOutcome>; budget: { remaining: number }; credit: number } | undefined;
  /** Sources asked for while another was read, in order. */
  readonly #queued: Extract<ParseRequest, { type: 'read' }>[] = [];

  /** Whether {@link #pump} runs (it waits for each file's hash): a request meanwhile only adds to its work. */
  #pumping = false;

  constructor(
    readonly post: (reply: ParseReply) => void,
    readonly hash: HashFn,
  ) {}

  handle(request: ParseRequest): void {
    if (request.type === 'read') this.#queued.push(request);
    else if (request.id === this.#current?.id) this.#current.credit++;
    else return;
    if (!this.#pumping) void this.#pump();
  }

  /** Runs {@link #give} unless it runs already. */
  async #pump(): Promise<void> {
    this.#pumping = true;
    try {
      await this.#give();
    } finally {
      this.#pumping = false;
    }
  }

  /** Gives outcomes while the reader may take them, each source's end once it has none left, then the next source's. */
  async #give(): Promise<void> {
    for (;;) {
      if (!this.#current) {
        const request = this.#queued.shift();
        if (!request) return;
        const budget = { remaining: request.budgetRemaining };
        this.#current = { id: request.id, outcomes: ingestEach(request.bytes, request.path, request.depth, budget), budget, credit: READ_AHEAD };
      }
      if (this.#current.credit === 0) return;
      const { id, outcomes, budget } = this.#current;
      const next = outcomes.next();
      if (next.done) {
        this.#current = undefined;
        this.post({ type: 'done', id, budgetRemaining: budget.remaining });
        continue;
      }
      this.#current.credit--;
      this.post({ type: 'outcome', id, outcome: await this.#prepared(next.value) });
    }
  }

  /** An outcome as posted, its file prepared here, on this worker's core, not on the indexer's. */
  async #prepared(outcome: IngestOutcome): Promise<OutcomeData> {
    if (!('file' in outcome)) return toData(outcome);
    try {
      return { path: outcome.path, file: await prepareFile(outcome.file, this.hash) };
    } catch (e) {
      return toData({ path: outcome.path, error: new PipelineError('internal', 'read', outcome.path, String(e), { cause: e }) });
    }
  }
}
