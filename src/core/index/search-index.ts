import { Encoder, Index } from 'flexsearch';
import { indexTerms, PAIR_BUCKETS, queryTerms } from '../tokenize/tokenize.ts';

/** Separates keys in the string handed to FlexSearch; never part of a key (keys hold no whitespace). */
const SEPARATOR = ' ';

/**
 * The only FlexSearch configuration in the project. Terms arrive already normalized and split,
 * so the encoder must not change them: no normalization, no de-duplication of repeated letters
 * (it would turn `aa` into `a`), no numeric splitting. One resolution slot: ranking is ours.
 */
const INDEX_OPTIONS = {
  tokenize: 'strict',
  resolution: 1,
  encoder: { normalize: false, dedupe: false, numeric: false, split: SEPARATOR, minlength: 1, cache: false },
} as const;

/**
 * Identifies everything that decides the content of a persisted index. A stored index whose
 * hash differs was built by other code and must be rebuilt, not imported.
 */
export const INDEX_CONFIG_HASH = `pairs-h${PAIR_BUCKETS}|flexsearch-0.8|${JSON.stringify(INDEX_OPTIONS)}|normalize-v1`;

/** Thin class over a FlexSearch `Index` of character n-grams, keyed by section id. */
export class SearchIndex {
  #index = SearchIndex.#create();

  static #create(): Index {
    const { encoder, ...rest } = INDEX_OPTIONS;
    return new Index({ ...rest, encoder: new Encoder({ ...encoder }) });
  }

  /** Indexes a section's normalized text. */
  add(id: number, normalized: string): void {
    const terms = indexTerms(normalized);
    if (terms.length > 0) this.#index.add(id, terms.join(SEPARATOR));
  }

  /** Removes a section. */
  remove(id: number): void {
    this.#index.remove(id);
  }

  /**
   * Ids of the sections that contain every pair key of a normalized term (no whitespace): a
   * superset of the sections containing the term, to be verified by the caller. `null` when the
   * index cannot narrow it (a single character): every section is a candidate.
   */
  candidates(term: string): number[] | null {
    const terms = queryTerms(term);
    if (terms.length === 0) return null;
    return this.#index.search(terms.join(SEPARATOR), { limit: Number.MAX_SAFE_INTEGER }) as number[];
  }

  /** Serializes the index as key/data chunks (FlexSearch's export format). */
  async export(): Promise<[string, string][]> {
    const chunks: [string, string][] = [];
    await this.#index.export((key: string, data: string) => {
      chunks.push([key, data]);
    });
    return chunks;
  }

  /** Replaces the index with one exported by {@link SearchIndex.export} under the same config hash. */
  import(chunks: readonly (readonly [string, string])[]): void {
    this.#index = SearchIndex.#create();
    for (const [key, data] of chunks) this.#index.import(key, data);
  }

  /** Empties the index. */
  clear(): void {
    this.#index = SearchIndex.#create();
  }
}
