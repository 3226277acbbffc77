import { Index } from 'flexsearch';
import { FOLD_VERSION } from '../normalize/normalize.ts';
import { bucketKey, PairTokenizer, PAIR_BUCKETS } from '../tokenize/tokenize.ts';
import { intersect } from './id-sets.ts';

/**
 * Number of FlexSearch indexes the pair buckets are split over. Each shard holds
 * `PAIR_BUCKETS / SHARDS` keys, few enough that the posting lists being appended to stay in the
 * CPU cache while a batch of sections is added shard by shard: at 50 MB, one FlexSearch index
 * over 65 536 keys took 11.5 s to build, 16 shards of 4 096 keys fed in batches 2.5 s (DESIGN.md).
 */
const SHARDS = 16;
const SHARD_SHIFT = Math.log2(PAIR_BUCKETS / SHARDS);

/**
 * Pending text (UTF-16 code units) that triggers indexing. Large batches keep each shard's pass
 * long; the terms of one batch (about one key per character) are the transient memory it costs.
 */
const BATCH_CHARS = 4_000_000;

/**
 * The only FlexSearch configuration in the project. One resolution slot: ranking is ours.
 * FlexSearch's encoder is replaced by the index's staged terms (see `SearchIndex`): the terms of
 * a section or a query term are computed by our tokenizer, split by shard, and handed to each
 * shard as they are.
 */
const INDEX_OPTIONS = { tokenize: 'strict', resolution: 1 } as const;

/**
 * Identifies everything that decides the content of a persisted index. A stored index whose
 * hash differs was built by other code and must be rebuilt, not imported.
 */
export const INDEX_CONFIG_HASH = `pairs-h${PAIR_BUCKETS}|shards-${SHARDS}|flexsearch-0.8|${JSON.stringify(INDEX_OPTIONS)}|fold-v${FOLD_VERSION}`;

/** What FlexSearch is given as content; it only has to be non-empty. */
const STAGED = 'staged';

/**
 * The n-gram index of the library: hashed character pairs of normalized text, keyed by section
 * id, over {@link SHARDS} FlexSearch indexes. Sections are indexed in batches: `add` queues
 * them, and any read (`candidates`, `export`) indexes the queue first.
 */
export class SearchIndex {
  /**
   * Terms for the FlexSearch call in progress. FlexSearch calls `encode` synchronously inside
   * `add` and `search`, so staging the terms just before the call hands them over without
   * joining them into a string for an encoder to split again. Per instance: two indexes in one
   * process share nothing mutable.
   */
  #staged: string[] = [];
  /** FlexSearch's `encode`, one function for every shard (a closure per shard cost ~8 % of a build). */
  readonly #encode = (): string[] => this.#staged;
  readonly #tokenizer = new PairTokenizer();
  #shards = this.#create();
  /** Sections waiting to be indexed, by id. */
  #pending = new Map<number, string>();
  #pendingChars = 0;
  /** Lists have grown by appends since the last compaction or import (they may hold spare room). */
  #loose = false;

  #create(): Index[] {
    return Array.from({ length: SHARDS }, () => this.#createShard());
  }

  #createShard(): Index {
    return new Index({ ...INDEX_OPTIONS, encode: this.#encode });
  }

  #withStaged<T>(terms: string[], call: () => T): T {
    this.#staged = terms;
    try {
      return call();
    } finally {
      this.#staged = [];
    }
  }

  /** A text's distinct pair keys, grouped by shard (empty groups included). */
  #keysByShard(normalized: string): string[][] {
    const groups: string[][] = Array.from({ length: SHARDS }, () => []);
    for (const bucket of this.#tokenizer.buckets(normalized)) groups[bucket >>> SHARD_SHIFT]!.push(bucketKey(bucket));
    return groups;
  }

  /** Queues a section's normalized text; it is indexed with the batch it is part of. */
  add(id: number, normalized: string): void {
    this.#pending.set(id, normalized);
    this.#pendingChars += normalized.length;
    if (this.#pendingChars >= BATCH_CHARS) this.flush();
  }

  /** Indexes every queued section, shard by shard. */
  flush(): void {
    if (this.#pending.size === 0) return;
    const batch = [...this.#pending].map(([id, text]) => ({ id, groups: this.#keysByShard(text) }));
    this.#pending.clear();
    this.#pendingChars = 0;
    this.#loose = true;
    this.#shards.forEach((shard, s) => {
      for (const { id, groups } of batch) {
        const keys = groups[s]!;
        if (keys.length > 0) this.#withStaged(keys, () => shard.add(id, STAGED));
      }
    });
  }

  /** Removes a section. */
  remove(id: number): void {
    const text = this.#pending.get(id);
    if (text !== undefined) {
      this.#pending.delete(id);
      this.#pendingChars -= text.length;
      return;
    }
    for (const shard of this.#shards) shard.remove(id);
  }

  /**
   * Ids of the sections that contain every pair key of a normalized term (no whitespace): a
   * superset of the sections containing the term, to be verified by the caller. `null` when the
   * index cannot narrow it (a single character): every section is a candidate.
   */
  candidates(term: string): number[] | null {
    if (term.length < 2) return null;
    this.flush();
    const groups = this.#keysByShard(term);
    const lists: number[][] = [];
    for (let s = 0; s < SHARDS; s++) {
      const keys = groups[s]!;
      if (keys.length > 0) lists.push(this.#withStaged(keys, () => this.#shards[s]!.search(STAGED, { limit: Number.MAX_SAFE_INTEGER })) as number[]);
    }
    // Shortest first: the result shrinks at once, and each step reads the longer list only once.
    lists.sort((a, b) => a.length - b.length);
    let result: number[] | null = null;
    for (const ids of lists) {
      result = result ? intersect(result, ids) : ids;
      if (result.length === 0) break;
    }
    return result ?? [];
  }

  /**
   * Rebuilds each shard from its own export, one shard at a time. Posting lists grown one push at
   * a time keep up to half their length spare; imported ones are exact. At 50 MB the index held
   * 137 MB after the build and 103 MB after this (Node), and only one shard's export exists at once.
   * Nothing is done when no section was indexed since (a removal only shortens lists).
   */
  compact(): void {
    for (const _ of this.compactInSlices());
  }

  /** {@link SearchIndex.compact} one shard at a time, pausing (`yield`) after each (a worker answers searches meanwhile). */
  *compactInSlices(): Generator<void> {
    this.flush();
    if (!this.#loose) return;
    this.#loose = false;
    for (let s = 0; s < SHARDS; s++) {
      const copy = this.#createShard();
      this.#shards[s]!.export((key: string, data: string) => copy.import(key, data));
      this.#shards[s] = copy;
      yield;
    }
  }

  /**
   * Serializes the index as key/data chunks: FlexSearch's export format, keys prefixed by shard.
   * @param between awaited between two shards (a worker gives searches a turn there)
   */
  async export(between: () => Promise<void> = async () => {}): Promise<[string, string][]> {
    this.flush();
    const chunks: [string, string][] = [];
    for (const [s, shard] of this.#shards.entries()) {
      await shard.export((key: string, data: string) => {
        chunks.push([`${s}/${key}`, data]);
      });
      await between();
    }
    return chunks;
  }

  /** Replaces the index with one exported by {@link SearchIndex.export} under the same config hash. */
  import(chunks: readonly (readonly [string, string])[]): void {
    this.clear();
    for (const [prefixed, data] of chunks) {
      const slash = prefixed.indexOf('/');
      this.#shards[Number(prefixed.slice(0, slash))]?.import(prefixed.slice(slash + 1), data);
    }
  }

  /** Empties the index. */
  clear(): void {
    this.#shards = this.#create();
    this.#pending.clear();
    this.#pendingChars = 0;
    this.#loose = false;
  }
}
