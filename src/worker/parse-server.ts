import { withFolds } from '../core/normalize/fold-sections.ts';
import { withKeys } from '../core/index/section-keys.ts';
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
 * reads, and hashes it when given a hash. Kept apart from the worker's entry so that the reader's
 * tests run this very logic in Node.
 */
export class ParseServer {
  /** The source being read: its outcomes, the budget its archives draw on, and how many more it may give. */
  #current: { id: number; outcomes: Iterator<IngestOutcome>; budget: { remaining: number }; credit: number } | undefined;
  /** True while a pump runs (across the hashes it awaits): one at a time, so outcomes keep their order. */
  #busy = false;
  /** That pump, while it awaits a hash: what a request handled meanwhile settles with. */
  #pumping: Promise<void> | undefined;

  /**
   * @param textHash a file's text hash (`content-hash.ts`), computed here, on this worker's core:
   *   at 50 MB it took the indexer about 0.5 s; without it, outcomes go out synchronously
   */
  constructor(
    readonly post: (reply: ParseReply) => void,
    readonly textHash?: (texts: readonly string[]) => Promise<string>,
  ) {}

  /** Handles a request; the promise settles once what it allows is posted. */
  handle(request: ParseRequest): Promise<void> {
    if (request.type === 'read') {
      const budget = { remaining: request.budgetRemaining };
      this.#current = { id: request.id, outcomes: ingestEach(request.bytes, request.path, request.depth, budget), budget, credit: READ_AHEAD };
    } else if (request.id === this.#current?.id) {
      this.#current.credit++;
    } else {
      return Promise.resolve();
    }
    // A pump awaiting a hash sees the new credit when it resumes.
    if (this.#busy) return this.#pumping ?? Promise.resolve();
    const pumping = this.#pump();
    // Kept only while it awaits a hash (without one it has ended already).
    if (this.#busy) this.#pumping = pumping;
    return pumping;
  }

  /** Gives outcomes while the reader may take them, and the end once there is none left. */
  async #pump(): Promise<void> {
    this.#busy = true;
    try {
      while (this.#current && this.#current.credit > 0) {
        const { id, outcomes, budget } = this.#current;
        const next = outcomes.next();
        if (next.done) {
          this.#current = undefined;
          this.post({ type: 'done', id, budgetRemaining: budget.remaining });
          return;
        }
        this.#current.credit--;
        if ('error' in next.value) {
          this.post({ type: 'outcome', id, outcome: toData(next.value) });
          continue;
        }
        // Folded and keyed here, on this worker's core, not on the indexer's.
        const file = withKeys(withFolds(next.value.file));
        const textHash = this.textHash && (await this.textHash(file.sections.map((s) => s.text)));
        this.post({ type: 'outcome', id, outcome: { path: next.value.path, file, ...(textHash ? { textHash } : {}) } });
      }
    } finally {
      this.#busy = false;
      this.#pumping = undefined;
    }
  }
}
