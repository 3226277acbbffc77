import type { NormalizedText } from '../types.ts';
import { foldTable, SEE_OTHER } from './fold-table.ts';

/**
 * Version of the folding rules. Anything stored from folded text (a section's `norm`, the index)
 * was made under one version; a library stored under another is folded again on load.
 * 1: NFKC, lower case, OpenCC `tw2sp` phrases and Hong Kong variants (regional vocabulary included).
 * 2: NFKC, lower case, variants and Traditional → Simplified by character only (fold-table.ts).
 */
export const FOLD_VERSION = 2;

/**
 * Combining marks attach to the previous character and are normalized together with it; so do
 * the half-width voiced marks (ｶﾞ), which NFKC turns into combining marks.
 */
const COMBINING = /[\p{M}\uff9e\uff9f]/u;

/** Script folding of a segment that is already NFKC and lower case, character by character. */
function foldScript(segment: string): string {
  const { bmp, other } = foldTable();
  let out = '';
  for (const ch of segment) {
    const code = ch.length === 1 ? bmp[ch.charCodeAt(0)]! : SEE_OTHER;
    out += code === 0 ? ch : code === SEE_OTHER ? (other.get(ch) ?? ch) : String.fromCharCode(code);
  }
  return out;
}

function foldSegment(segment: string): string {
  // Lower-casing can produce text that NFKC changes again; folding twice makes the result idempotent.
  return foldScript(segment.normalize('NFKC').toLowerCase().normalize('NFKC'));
}

/** Grows an offset map so that `needed` more entries fit after `used`. */
function ensureRoom(map: Int32Array<ArrayBuffer>, used: number, needed: number): Int32Array<ArrayBuffer> {
  if (used + needed <= map.length) return map;
  const bigger = new Int32Array(Math.max(map.length * 2, used + needed + 64));
  bigger.set(map.subarray(0, used));
  return bigger;
}

/**
 * Folds text for matching: NFKC, lower case, then script only — Hong Kong and Taiwan variant
 * characters to standard Traditional, Traditional characters to Simplified (`fold-table.ts`).
 * Never regional vocabulary: 軟體 stays 软体 and 程序 stays 程序 (see `query/wording.ts` for that).
 * Documents and queries go through this same function, and it is idempotent.
 *
 * @returns the folded text and a map from each folded offset to the original offset.
 * @remarks Works per character (plus its combining marks), which keeps an exact offset map;
 * ASCII and the main block of CJK ideographs take a table lookup, nothing else.
 * @example normalize('ＲＩＳＣ-Ｖ 軟體').text === 'risc-v 软体'
 */
export function normalize(original: string): NormalizedText {
  const { bmp } = foldTable();
  const n = original.length;
  const parts: string[] = [];
  let map = new Int32Array(n + 1);
  let out = 0;
  let runStart = 0; // start of a run copied unchanged
  const flushRun = (to: number) => {
    if (to > runStart) {
      parts.push(original.slice(runStart, to));
      for (let k = runStart; k < to; k++) map[out++] = k;
    }
  };
  for (let i = 0; i < n; ) {
    const c = original.charCodeAt(i);
    if ((c < 0x80 && !(c >= 0x41 && c <= 0x5a)) || (c >= 0x4e00 && c <= 0x9fff && bmp[c] === 0)) {
      i++;
      continue;
    }
    flushRun(i);
    let end = i + (c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1);
    while (end < n && COMBINING.test(original[end]!)) end++;
    const table = bmp[c]!;
    const folded = c >= 0x4e00 && c <= 0x9fff && table !== SEE_OTHER && end === i + 1 ? String.fromCharCode(table) : foldSegment(original.slice(i, end));
    map = ensureRoom(map, out, folded.length + (n - end) + 1);
    parts.push(folded);
    for (let k = 0; k < folded.length; k++) map[out++] = i;
    i = end;
    runStart = end;
  }
  flushRun(n);
  map[out] = n;
  return { text: parts.join(''), map: map.subarray(0, out + 1) };
}

/** Folded text only, for queries and comparisons where offsets are not needed. */
export function normalizeText(text: string): string {
  return normalize(text).text;
}


/**
 * A compact form of an offset map: `[i0, d0, i1, d1, …]` where from normalized offset `ik` on,
 * the original offset is `i + dk` (until the next checkpoint). Most texts keep their length under
 * normalization, so this is usually empty; it is stored with each section so highlights need no
 * re-normalization.
 */
export function driftOf(map: Int32Array): number[] {
  const drift: number[] = [];
  let delta = 0;
  for (let i = 0; i < map.length; i++) {
    const d = map[i]! - i;
    if (d !== delta) {
      drift.push(i, d);
      delta = d;
    }
  }
  return drift;
}

/** Maps a normalized offset to the original offset through a drift list (see {@link driftOf}). */
export function originalOffset(drift: readonly number[], i: number): number {
  let lo = 0;
  let hi = drift.length / 2 - 1;
  let delta = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (drift[mid * 2]! <= i) {
      delta = drift[mid * 2 + 1]!;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return i + delta;
}
