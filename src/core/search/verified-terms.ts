import type { CharCounts } from '../index/char-index.ts';
import type { SectionStore } from './section-store.ts';

/** What verifying a one-term query found: its matches, with its count and title hits by id. */
export interface Verified extends CharCounts {
  ids: number[];
}

interface Kept extends Verified {
  /** The largest section id when it was verified: sections above it are new. */
  upTo: number;
  /** The store's `changes` then: any other change makes it stale. */
  changes: number;
}

/**
 * The last few one-term verifications of many candidates, kept so that the same query asked again
 * checks only the sections added since: a search typed during an import is asked again as files
 * arrive (the results refresh every second), and paging asks again. At 50 MB of poems, 〔宋〕
 * verifies 146 000 sections in about 40 ms; at 200 MB, four times that, each time.
 *
 * @remarks Valid while sections are only added with ids above every earlier one (as imports do);
 * a removal, a clear or a section added out of order (see `SectionStore.changes`) drops it.
 */
export class VerifiedTerms {
  readonly #kept = new Map<string, Kept>();

  constructor(
    /** Terms kept at most. */
    readonly capacity = 4,
    /** Candidates below which a term is verified afresh each time (cheap, and not worth the memory). */
    readonly minCandidates = 10_000,
  ) {}

  /**
   * The verification of `term` (of a given kind: literal, pinyin…) over `candidates`, from what
   * is kept and `verify` run on the candidates added since.
   * @param verify verifies candidates, with counts and title hits sized to the store's id range
   */
  verified(kind: string, term: string, store: SectionStore, candidates: readonly number[], verify: (fresh: readonly number[]) => Verified): Verified {
    const key = `${kind}\u0000${term}`;
    const kept = this.#kept.get(key);
    const valid = kept !== undefined && kept.changes === store.changes;
    const fresh = valid ? candidates.filter((id) => id > kept.upTo) : candidates;
    const found = verify(fresh);
    if (valid) {
      for (const id of kept.ids) {
        found.counts[id] = kept.counts[id]!;
        found.inTitle[id] = kept.inTitle[id]!;
      }
      found.ids = kept.ids.concat(found.ids);
    }
    this.#kept.delete(key);
    if (candidates.length >= this.minCandidates) {
      this.#kept.set(key, { ...found, upTo: store.maxId, changes: store.changes });
      if (this.#kept.size > this.capacity) this.#kept.delete(this.#kept.keys().next().value!);
    }
    return found;
  }
}
