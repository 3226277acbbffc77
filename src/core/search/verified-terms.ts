import type { CharCounts } from '../index/char-index.ts';
import type { SectionStore } from './section-store.ts';

/** What verifying a one-term query found: its matches, with its count and title hits by id. */
export interface Verified extends CharCounts {
  ids: number[];
}

/** In a kept verification's byte per id: the section is a match; its title holds the term. */
const MATCH = 0x40;
const TITLED = 0x80;

interface Kept {
  /**
   * By id up to `upTo`: the count (below `MATCH`), `MATCH` and `TITLED`. One byte per section
   * where the ids, counts and title hits took four per match and two per section (〔宋〕 at
   * 50 MB: 1.0 MB, now 0.2 MB). The cost is finding the matches again (`unpack`): 580 000 at
   * 200 MB take about 7 ms a refresh, where copying a kept list took 2.5. Kept lists held 2 MB
   * more after the benchmark's queries at 50 MB, where the heap is 2.96× the text.
   */
  packed: Uint8Array;
  /** How many sections match. */
  matches: number;
  /** The largest section id when it was verified: sections above it are new. */
  upTo: number;
  /** The store's `changes` then: any other change makes it stale. */
  changes: number;
}

/**
 * `ids` of a verification written into `packed` (see {@link Kept.packed}), grown to hold ids up
 * to `upTo` when it is shorter (with room: an import adds sections between two refreshes).
 */
function packInto(packed: Uint8Array | null, ids: readonly number[], { counts, inTitle }: Verified, upTo: number): Uint8Array {
  if (!packed || packed.length <= upTo) {
    const grown = new Uint8Array(upTo + 1 + (upTo >>> 3));
    if (packed) grown.set(packed);
    packed = grown;
  }
  for (const id of ids) packed[id] = counts[id]! | MATCH | (inTitle[id] ? TITLED : 0);
  return packed;
}

/**
 * The `matches` of a kept verification up to `upTo`, in id order, with their counts and title
 * hits written into `found` (zeros where there is none, as `found` holds there). Without a branch
 * per id and into an array of the right length: 580 000 of 840 000 at 200 MB took 12 ms with a
 * test and a push per match, 7 ms so.
 */
function unpack(packed: Uint8Array, upTo: number, matches: number, found: Verified): number[] {
  const ids = new Array<number>(matches + 1);
  const { counts, inTitle } = found;
  let n = 0;
  for (let id = 0; id <= upTo; id++) {
    const b = packed[id]!;
    ids[n] = id;
    n += (b | -b) >>> 31;
    counts[id] = b & (MATCH - 1);
    inTitle[id] = b >>> 7;
  }
  ids.length = n;
  return ids;
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
    /**
     * Terms kept at most, each a byte per section (0.2 MB at 50 MB, 0.8 MB at 200 MB). Two were
     * too few for the benchmark's four queries asked in turn during a 200 MB import, three of
     * which are kept: each was verified afresh, and the p95 went from 32–37 to 144 ms.
     */
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
    const freshIds = found.ids;
    // Candidates come in id order, as do the kept matches before the fresh ones.
    if (valid) found.ids = unpack(kept.packed, kept.upTo, kept.matches, found).concat(freshIds);
    this.#kept.delete(key);
    if (candidates.length >= this.minCandidates) {
      // Kept matches are in the kept bytes already: only the fresh ones are written.
      const packed = valid ? packInto(kept.packed, freshIds, found, store.maxId) : packInto(null, found.ids, found, store.maxId);
      this.#kept.set(key, { packed, matches: found.ids.length, upTo: store.maxId, changes: store.changes });
      if (this.#kept.size > this.capacity) this.#kept.delete(this.#kept.keys().next().value!);
    }
    return found;
  }
}
