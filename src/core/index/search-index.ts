import { Index } from 'flexsearch';
import { indexTerms, PAIR_BUCKETS } from '../tokenize/tokenize.ts';

/**
 * The only FlexSearch configuration in the project. FlexSearch's encoder is replaced by our
 * tokenizer (`encode`): text arrives normalized, and FlexSearch receives its distinct hashed
 * pairs as they are, for documents and queries alike. Joining keys into a string for the
 * stock encoder to split again cost a fifth of indexing (DESIGN.md). One resolution slot:
 * ranking is ours.
 */
const INDEX_OPTIONS = { tokenize: 'strict', resolution: 1 } as const;

/**
 * Identifies everything that decides the content of a persisted index. A stored index whose
 * hash differs was built by other code and must be rebuilt, not imported.
 */
export const INDEX_CONFIG_HASH = `pairs-h${PAIR_BUCKETS}|flexsearch-0.8|${JSON.stringify(INDEX_OPTIONS)}|encode-indexTerms|normalize-v1`;

/** Thin class over a FlexSearch `Index` of character n-grams, keyed by section id. */
export class SearchIndex {
  #index = SearchIndex.#create();

  static #create(): Index {
    return new Index({ ...INDEX_OPTIONS, encode: indexTerms });
  }

  /** Indexes a section's normalized text. */
  add(id: number, normalized: string): void {
    this.#index.add(id, normalized);
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
    if (term.length < 2) return null;
    return this.#index.search(term, { limit: Number.MAX_SAFE_INTEGER }) as number[];
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
