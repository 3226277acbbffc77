/**
 * Index keys of normalized text: every pair of adjacent characters. A pair of two printable
 * ASCII characters (Latin words, numbers, code) is a key as it is, for FlexSearch
 * ({@link PairTokenizer.latinPairs}); any other pair (Han, kana, mixed runs like 龙8) is hashed
 * into one of {@link PAIR_BUCKETS} buckets for the delta-varint lists ({@link PairTokenizer.buckets}).
 *
 * @remarks Pairs make the index order-aware (芯片 is not 片芯) and let any substring of two or
 * more characters be looked up by the pairs it is made of. Single characters are not keys: the
 * character index answers one-character queries (`index/char-index.ts`). Because every script is
 * treated alike, `Transformer`, `RISC-V`, `A100` and `骁龙8gen2` need no word rules, and a query
 * is always a substring match. Other pairs are hashed because a Chinese corpus has hundreds of
 * thousands of distinct pairs (648 k in 10 MB of poems); ASCII has at most 94² = 8 836, so its
 * keys stay exact. A collision only adds candidates; every candidate is verified against the
 * normalized text, so results stay exact. Whitespace never appears inside a key: a query's
 * spaces separate terms.
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

/** True for a printable ASCII character other than the space: what a Latin pair is made of. */
function isLatin(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

/** The number of a Latin pair among the 94² (see {@link isLatin}). */
const latinIndex = (a: number, b: number) => (a - 0x21) * 94 + (b - 0x21);

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
  readonly #seenLatin = new Uint32Array(94 * 94);
  #stamp = 0;

  #nextStamp(): number {
    if (++this.#stamp === 0xffffffff) {
      this.#seen.fill(0);
      this.#seenLatin.fill(0);
      this.#stamp = 1;
    }
    return this.#stamp;
  }

  /**
   * The distinct buckets of a normalized text's adjacent pairs other than Latin ones, never
   * across whitespace, in order of first occurrence.
   */
  buckets(normalized: string): number[] {
    const out: number[] = [];
    this.forEachBucket(normalized, (bucket) => void out.push(bucket));
    return out;
  }

  /**
   * Calls `visit` with each of {@link buckets}, nothing allocated per text: the build made an
   * array and a view of it per section, 408 000 objects at 50 MB (DESIGN.md, decision 73).
   */
  forEachBucket(normalized: string, visit: (bucket: number) => void): void {
    const seen = this.#seen;
    const stamp = this.#nextStamp();
    const n = normalized.length;
    let c = n > 0 ? normalized.charCodeAt(0) : 0;
    for (let i = 0; i + 1 < n; i++) {
      const next = normalized.charCodeAt(i + 1);
      if (!isSpace(c) && !isSpace(next) && !(isLatin(c) && isLatin(next))) {
        const bucket = bucketOf(c, next);
        if (seen[bucket] !== stamp) {
          seen[bucket] = stamp;
          visit(bucket);
        }
      }
      c = next;
    }
  }

  /** The distinct pairs of printable ASCII characters of a normalized text, in order of first occurrence. */
  latinPairs(normalized: string): string[] {
    const seen = this.#seenLatin;
    const stamp = this.#nextStamp();
    const out: string[] = [];
    for (let i = 0; i + 1 < normalized.length; i++) {
      const a = normalized.charCodeAt(i);
      const b = normalized.charCodeAt(i + 1);
      if (!isLatin(a) || !isLatin(b)) continue;
      const at = latinIndex(a, b);
      if (seen[at] === stamp) continue;
      seen[at] = stamp;
      out.push(normalized.slice(i, i + 2));
    }
    return out;
  }
}
