/**
 * Recognizes the same article in two files — typically a Simplified and a Traditional copy,
 * which normalization makes nearly but not exactly equal (regional wording differs) — with
 * MinHash signatures over character 5-grams of the normalized text.
 */

/** Slots in a signature; the share of equal slots estimates the Jaccard similarity of the 5-gram sets. */
const SLOTS = 32;
const SHINGLE = 5;
/** Estimated similarity from which two sections are the same article. */
export const SAME_ARTICLE = 0.6;
/** Sections whose lengths differ by more than this factor are never the same article. */
const LENGTH_RATIO = 1.3;

// Fixed odd multipliers and offsets: one cheap universal hash per slot.
const MULT = Uint32Array.from({ length: SLOTS }, (_, i) => (0x9e3779b1 * (i + 1)) | 1);
const ADD = Uint32Array.from({ length: SLOTS }, (_, i) => Math.imul(0x85ebca6b, i + 7) >>> 0);

function fnv1a(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A section's signature: its compact length and the minimum hash of its 5-grams per slot. */
export interface Signature {
  length: number;
  mins: Uint32Array;
}

/** Computes the signature of normalized text (whitespace ignored). */
export function signature(norm: string): Signature {
  const compact = norm.replace(/\s+/g, '');
  const mins = new Uint32Array(SLOTS).fill(0xffffffff);
  for (let i = 0; i + SHINGLE <= compact.length; i++) {
    const h = fnv1a(compact, i, i + SHINGLE);
    for (let k = 0; k < SLOTS; k++) {
      const v = (Math.imul(h, MULT[k]!) + ADD[k]!) >>> 0;
      if (v < mins[k]!) mins[k] = v;
    }
  }
  return { length: compact.length, mins };
}

/** Whether two signatures belong to the same article. */
export function isSameArticle(a: Signature, b: Signature): boolean {
  if (a.length < SHINGLE || b.length < SHINGLE) return false;
  if (Math.max(a.length, b.length) > LENGTH_RATIO * Math.min(a.length, b.length)) return false;
  let equal = 0;
  for (let k = 0; k < SLOTS; k++) if (a.mins[k] === b.mins[k]) equal++;
  return equal / SLOTS >= SAME_ARTICLE;
}
