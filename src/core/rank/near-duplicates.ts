/**
 * Recognizes the same article in two files — typically a Simplified and a Traditional copy,
 * which normalization makes nearly but not exactly equal (regional wording differs) — with
 * bottom-k sketches over character 5-grams of the normalized text.
 */

/** Size of the bottom-k sketch: the k smallest 5-gram hashes estimate the Jaccard similarity. */
export const K = 32;
const SHINGLE = 5;
/** Estimated similarity from which two sections are the same article. */
export const SAME_ARTICLE = 0.6;
/** Sections whose lengths differ by more than this factor are never the same article. */
const LENGTH_RATIO = 1.3;
/**
 * Characters sketched: the beginning of an article identifies it, and bounding the work keeps the
 * first query over many long sections fast.
 */
const SKETCH_CHARS = 4000;

function fnv1a(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  // A final avalanche so that near-identical shingles spread over the whole range.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** A section's signature: its compact length and its K smallest distinct 5-gram hashes, ascending. */
export interface Signature {
  length: number;
  mins: Uint32Array;
  /**
   * A hash of the whole compact text when it is too short for a full sketch (a note, a short
   * poem): such texts are copies only when they are equal. 0 for longer texts.
   */
  whole: number;
}

/**
 * Computes the bottom-k signature of the beginning of normalized text (whitespace ignored).
 * @remarks One hash per 5-gram and, almost always, one comparison: far cheaper than k-hash MinHash.
 */
export function signature(norm: string): Signature {
  const whole = norm.replace(/\s+/g, '');
  const compact = whole.slice(0, SKETCH_CHARS);
  const mins = new Uint32Array(K).fill(0xffffffff);
  let size = 0;
  for (let i = 0; i + SHINGLE <= compact.length; i++) {
    const h = fnv1a(compact, i, i + SHINGLE);
    if (size === K && h >= mins[K - 1]!) continue;
    let at = size < K ? size : K - 1;
    // Insertion into the sorted sketch, skipping duplicates.
    let dup = false;
    for (let j = 0; j < size; j++) if (mins[j] === h) dup = true;
    if (dup) continue;
    while (at > 0 && mins[at - 1]! > h) {
      mins[at] = mins[at - 1]!;
      at--;
    }
    mins[at] = h;
    if (size < K) size++;
  }
  return { length: whole.length, mins: mins.subarray(0, size), whole: size < K ? fnv1a(whole, 0, whole.length) || 1 : 0 };
}

/** Whether two signatures belong to the same article (bottom-k estimate of Jaccard similarity). */
export function isSameArticle(a: Signature, b: Signature): boolean {
  if (a.mins.length < K || b.mins.length < K) return false;
  if (Math.max(a.length, b.length) > LENGTH_RATIO * Math.min(a.length, b.length)) return false;
  // The K smallest of the union; count those present in both.
  let i = 0;
  let j = 0;
  let taken = 0;
  let shared = 0;
  while (taken < K && i < a.mins.length && j < b.mins.length) {
    const x = a.mins[i]!;
    const y = b.mins[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
    taken++;
  }
  return shared / K >= SAME_ARTICLE;
}
