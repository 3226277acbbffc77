/**
 * The character index saved with a snapshot, taken after a reload's first result (DESIGN.md,
 * decisions 66, 68, 71, 75): its chunks are read while the files are restored, then taken a step
 * at a time between requests, then its pinyin tables. A search that reads the character index
 * finishes the step under way first; idle work waits for the take rather than build it again.
 */
import type { SearchEngine } from '../core/engine.ts';
import type { IndexChunk } from '../core/index/search-index.ts';
import { yieldToEvents } from './turns.ts';

/**
 * Taking part of the character index read after a load (`SearchEngine.importCharacters`, then
 * `importReadings`): a chunk at a time with a turn for requests between two ({@link run}), or
 * what is left at once ({@link finish}) when a search comes meanwhile. Until it is taken,
 * one-character and pinyin queries read every section: at 50 MB `ai` took 100 ms that way, and
 * the rest of the take 50 ms at most (DESIGN.md, decision 71).
 */
export class SavedTake {
  readonly #steps: Generator<void, boolean>;
  #result: boolean | undefined;

  constructor(steps: Generator<void, boolean>) {
    this.#steps = steps;
  }

  /** One step; the result once there is no step left (false when a step threw: nothing was taken). */
  #step(): boolean | undefined {
    if (this.#result === undefined) {
      try {
        const step = this.#steps.next();
        if (step.done) this.#result = step.value;
      } catch {
        this.#result = false;
      }
    }
    return this.#result;
  }

  /** A step at a time, a turn for requests between two; not once `current` says the library was loaded again. @returns whether it was taken */
  async run(current: () => boolean): Promise<boolean> {
    for (let done = this.#step(); ; done = this.#step()) {
      if (done !== undefined) return done;
      await yieldToEvents();
      if (!current()) return false;
    }
  }

  /** Every step left, now. @returns whether it was taken */
  finish(): boolean {
    for (let done = this.#step(); ; done = this.#step()) if (done !== undefined) return done;
  }
}

/** The take of the saved character index of the last load, once it is asked for. */
export class CharacterTake {
  /** Whether the take succeeded; null until it has started. */
  #taken: Promise<boolean> | null = null;
  /** Starts {@link #taken}, until it has started. */
  #start: (() => void) | null = null;
  /** The part being taken, its chunks read: a search finishes it first. */
  #taking: SavedTake | null = null;
  /** Loads so far: chunks read for an earlier one are not taken. */
  #loads = 0;

  /**
   * Readies the take of a load's saved character index, to start when first asked for ({@link
   * once}); a take of an earlier load stops at its next step.
   * @param chunks the character index's chunks being read, or null when the snapshot is not used
   * @param readings its pinyin tables' chunks, read after them
   */
  prepare(engine: SearchEngine, chunks: Promise<IndexChunk[]> | null, readings: Promise<IndexChunk[]> | undefined): void {
    const load = ++this.#loads;
    this.#taken = null;
    this.#taking = null;
    this.#start = () => {
      this.#start = null;
      const current = () => load === this.#loads;
      const taken = async (steps: Generator<void, boolean>) => {
        if (!current()) return false;
        const taking = (this.#taking = new SavedTake(steps));
        try {
          return await taking.run(current);
        } finally {
          if (this.#taking === taking) this.#taking = null;
        }
      };
      const take = async () => {
        if (!chunks || !(await taken(engine.importCharacters(await chunks)))) return false;
        // Unread or refused, the pinyin tables are written again between requests.
        const tables = await readings?.catch(() => null);
        if (tables) await taken(engine.importReadings(tables));
        return true;
      };
      this.#taken = take().catch(() => false);
    };
  }

  /** Whether a step is being taken, which a search that reads the character index should {@link finishStep} first. */
  get taking(): boolean {
    return this.#taking !== null;
  }

  /** Takes the rest of the part under way at once. */
  finishStep(): void {
    this.#taking?.finish();
  }

  /** Starts the take, once: @returns whether it took the saved index (false when there was none to take). */
  once(): Promise<boolean> {
    this.#start?.();
    return this.#taken ?? Promise.resolve(false);
  }
}
