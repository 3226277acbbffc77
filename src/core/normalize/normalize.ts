import type { NormalizedText } from '../types.ts';
import { toSimplified } from './opencc.ts';

/** Combining marks attach to the previous character and are normalized together with it. */
const COMBINING = /\p{M}/u;

function foldSegment(segment: string): string {
  // Lower-casing can produce text that NFKC changes again; folding twice makes the result idempotent.
  return segment.normalize('NFKC').toLowerCase().normalize('NFKC');
}

/**
 * Normalizes text for matching: NFKC, lower case, then Traditional → Simplified (with
 * Taiwan/Hong Kong vocabulary). Documents and queries go through this same function.
 *
 * @returns the normalized text and a map from each normalized offset to the original offset.
 * @remarks NFKC and case folding run per character (plus its combining marks), which keeps an
 * exact offset map; the common case (ASCII and CJK ideographs) takes a fast path.
 * @example normalize('ＲＩＳＣ-Ｖ 軟體').text === 'risc-v 软件'
 */
export function normalize(original: string): NormalizedText {
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
    const unchanged = (c < 0x80 && !(c >= 0x41 && c <= 0x5a)) || (c >= 0x4e00 && c <= 0x9fff);
    if (unchanged) {
      i++;
      continue;
    }
    flushRun(i);
    let end = i + (c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1);
    while (end < n && COMBINING.test(original[end]!)) end++;
    const folded = foldSegment(original.slice(i, end));
    if (out + folded.length + (n - end) + 1 > map.length) {
      const bigger = new Int32Array(out + folded.length + (n - end) + 1 + 64);
      bigger.set(map.subarray(0, out));
      map = bigger;
    }
    parts.push(folded);
    for (let k = 0; k < folded.length; k++) map[out++] = i;
    i = end;
    runStart = end;
  }
  flushRun(n);
  map[out] = n;
  return toSimplified({ text: parts.join(''), map: map.subarray(0, out + 1) });
}

/** Normalized text only, for queries and comparisons where offsets are not needed. */
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
