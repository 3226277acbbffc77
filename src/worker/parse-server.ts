import { withFolds } from '../core/normalize/fold-sections.ts';
import { ingestEach, type IngestOutcome } from '../core/pipeline.ts';
import { toData, type ParseReply, type ParseRequest } from './reader.ts';

/**
 * Outcomes a source's reading may be ahead of what the reader has taken. One, and the end of a
 * plain file is only known when the reader asks again: the indexer, busy with the file, asks
 * late, and only then sends the next file, so reading and indexing took turns (DESIGN.md,
 * decision 65). Two: a file's outcome and its end go back together.
 */
export const READ_AHEAD = 2;

/**
 * The parsing worker's side of the protocol (see `WorkerReader`): reads one source at a time,
 * up to {@link READ_AHEAD} outcomes ahead (each `next` lets it read one more), and folds what it
 * reads. A source asked for while another is read waits its turn and is started as soon as that
 * one ends, without waiting for the reader to ask again. Kept apart from the worker's entry so
 * that the reader's tests run this very logic in Node.
 */
export class ParseServer {
  /** The source being read: its outcomes, the budget its archives draw on, and how many more it may give. */
  #current: { id: number; outcomes: Iterator<IngestOutcome>; budget: { remaining: number }; credit: number } | undefined;
  /** Sources asked for while another was read, in order. */
  readonly #queued: Extract<ParseRequest, { type: 'read' }>[] = [];

  constructor(readonly post: (reply: ParseReply) => void) {}

  handle(request: ParseRequest): void {
    if (request.type === 'read') this.#queued.push(request);
    else if (request.id === this.#current?.id) this.#current.credit++;
    else return;
    this.#pump();
  }

  /** Gives outcomes while the reader may take them, each source's end once it has none left, then the next source's. */
  #pump(): void {
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
      // Folded here, on this worker's core, not on the indexer's.
      this.post({ type: 'outcome', id, outcome: toData('file' in next.value ? { ...next.value, file: withFolds(next.value.file) } : next.value) });
    }
  }
}
