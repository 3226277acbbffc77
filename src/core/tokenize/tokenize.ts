/**
 * Index keys of normalized text: every pair of adjacent characters, hashed into one of
 * {@link PAIR_BUCKETS} buckets, whatever the script.
 *
 * @remarks Pairs make the index order-aware (芯片 is not 片芯) and let any substring of two or
 * more characters be looked up by the pairs it is made of. Single characters are not keys (they
 * would add 37 % to every import): the character index answers one-character queries
 * (`index/char-index.ts`). Because Latin, digits and Han are treated alike, `Transformer`, `RISC-V`, `A100` and
 * `骁龙8gen2` need no word rules, and a query is always a substring match.
 * Pairs are hashed because FlexSearch's memory grows with the number of distinct keys, and a
 * Chinese corpus has hundreds of thousands of distinct pairs (648 k in 10 MB of poems): 2^16
 * buckets cut the index heap from 300 MB to under 60 MB (DESIGN.md). A collision only adds
 * candidates; every candidate is verified against the normalized text, so results stay exact.
 * Whitespace never appears inside a key: a query's spaces separate terms.
 */

/**
 * Buckets for hashed pairs; at most 2^16, so a bucket fits a `Uint16Array`. Changing it changes
 * the index: it is part of `INDEX_CONFIG_HASH`.
 */
export const PAIR_BUCKETS = 1 << 16;

/** True for the characters a key never contains. */
function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x3000 || code === 0xfeff;
}

/** Bucket of a pair of UTF-16 code units. */
function bucketOf(a: number, b: number): number {
  return ((Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 0) % PAIR_BUCKETS;
}

/** Every bucket's key string, made once: building a string per pair was a third of tokenizing. */
const KEYS: readonly string[] = Array.from({ length: PAIR_BUCKETS }, (_, bucket) => (PAIR_BUCKETS + bucket).toString(36));

/** The key string of a bucket (see {@link PairTokenizer.buckets}). */
export function bucketKey(bucket: number): string {
  return KEYS[bucket]!;
}

/**
 * Splits normalized text into its distinct pair buckets. Each instance keeps its own scratch
 * table, so two indexes in one process never share mutable state; the key table above is
 * immutable and shared.
 */
export class PairTokenizer {
  /**
   * Marks the buckets already emitted by the current call. A bucket is seen when its stamp
   * equals the call's, so nothing is cleared between calls (a `Set` of strings cost twice as much).
   */
  readonly #seen = new Uint32Array(PAIR_BUCKETS);
  #stamp = 0;

  /**
   * The distinct buckets of a normalized text's adjacent pairs, never across whitespace, in
   * order of first occurrence.
   */
  buckets(normalized: string): Uint16Array {
    const seen = this.#seen;
    if (++this.#stamp === 0xffffffff) {
      seen.fill(0);
      this.#stamp = 1;
    }
    const stamp = this.#stamp;
    const n = normalized.length;
    const out = new Uint16Array(Math.max(0, n - 1));
    let count = 0;
    let c = n > 0 ? normalized.charCodeAt(0) : 0;
    for (let i = 0; i + 1 < n; i++) {
      const next = normalized.charCodeAt(i + 1);
      if (!isSpace(c) && !isSpace(next)) {
        const bucket = bucketOf(c, next);
        if (seen[bucket] !== stamp) {
          seen[bucket] = stamp;
          out[count++] = bucket;
        }
      }
      c = next;
    }
    return out.subarray(0, count);
  }
}
