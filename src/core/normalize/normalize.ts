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

/** Marks a code unit whose fold alone is not one code unit (or that starts a surrogate pair): folded by {@link foldSegment}. */
const COMPLEX = 0xffff;
/**
 * Per BMP code unit, its fold alone: 0 when it is kept, {@link COMPLEX}, else the folded unit;
 * and whether it is a combining mark. Filled 256 units at a time on first use (a block takes
 * about 0.3 ms), so only the blocks a library uses are ever computed.
 */
const unitFold = new Uint16Array(0x10000);
const unitIsMark = new Uint8Array(0x10000);
const blockReady = new Uint8Array(0x100);

function prepareBlock(block: number): void {
  for (let c = block << 8; c < (block + 1) << 8; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      unitFold[c] = COMPLEX;
      continue;
    }
    const ch = String.fromCharCode(c);
    unitIsMark[c] = COMBINING.test(ch) ? 1 : 0;
    const folded = foldSegment(ch);
    unitFold[c] = folded === ch ? 0 : folded.length === 1 && folded.charCodeAt(0) !== COMPLEX ? folded.charCodeAt(0) : COMPLEX;
  }
  blockReady[block] = 1;
}

/** Whether code unit `u` is a combining mark (a lone surrogate is not, as `COMBINING` tests it). */
function isMark(u: number): boolean {
  if (blockReady[u >> 8] === 0) prepareBlock(u >> 8);
  return unitIsMark[u] === 1;
}

/** A string of the first `length` code units (in chunks: `apply` takes arguments on the stack). */
function fromUnits(units: Uint16Array, length: number): string {
  const CHUNK = 4096;
  if (length <= CHUNK) return String.fromCharCode.apply(null, units.subarray(0, length) as unknown as number[]);
  const parts: string[] = [];
  for (let at = 0; at < length; at += CHUNK) parts.push(String.fromCharCode.apply(null, units.subarray(at, Math.min(length, at + CHUNK)) as unknown as number[]));
  return parts.join('');
}

/**
 * Folds text for matching: NFKC, lower case, then script only — Hong Kong and Taiwan variant
 * characters to standard Traditional, Traditional characters to Simplified (`fold-table.ts`).
 * Never regional vocabulary: 軟體 stays 软体 and 程序 stays 程序 (see `query/wording.ts` for that).
 * Documents and queries go through this same function, and it is idempotent.
 *
 * @returns the folded text and a map from each folded offset to the original offset.
 * @remarks Works per character (plus its combining marks), which keeps an exact offset map.
 * ASCII and the main block of CJK ideographs take a table lookup, and so does any other BMP
 * character whose fold alone is one code unit (，→ , and Ａ → a, the punctuation of every
 * Chinese line): each of those was sliced, NFKC-normalized twice and joined, 900 MB of garbage
 * for 50 MB of poems (DESIGN.md, decision 73). The folded units are written to an array and
 * made a string once; a text that folds to itself is returned as it is.
 * @example normalize('ＲＩＳＣ-Ｖ 軟體').text === 'risc-v 软体'
 */
export function normalize(original: string): NormalizedText {
  const { text, map, length } = fold(original);
  return { text, map: map.slice(0, length + 1) };
}

/** Folded text only, for queries and comparisons where offsets are not needed. */
export function normalizeText(text: string): string {
  return fold(text).text;
}

/** {@link normalize}'s text, and its map as {@link driftOf} gives it: what a section keeps of folding. */
export function normalizeToDrift(original: string): { text: string; drift: number[] } {
  const { text, map, length } = fold(original);
  return { text, drift: driftOf(map, length + 1) };
}

/**
 * The arrays a fold writes its units and map into, grown as needed and never given out: two
 * arrays per fold (of each section and of its title) were 800 000 buffers at 50 MB of poems,
 * which the garbage collector's threads spent seconds sweeping (DESIGN.md, decision 89). A text
 * longer than {@link SCRATCH_UNITS} gets arrays of its own, so that no worker keeps arrays the
 * size of the longest file it read.
 */
const scratch = { units: new Uint16Array(4096), map: new Int32Array(4096) };
const SCRATCH_UNITS = 1 << 20;

/** Arrays for a fold of `n` units: {@link scratch}'s, grown if need be, or a long text's own. */
function arraysFor(n: number): { units: Uint16Array<ArrayBuffer>; map: Int32Array<ArrayBuffer> } {
  if (n + 16 > SCRATCH_UNITS) return { units: new Uint16Array(n + 16), map: new Int32Array(n + 1) };
  if (scratch.map.length < n + 16) scratch.map = new Int32Array(Math.min(SCRATCH_UNITS, 2 * (n + 16)));
  if (scratch.units.length < n + 16) scratch.units = new Uint16Array(Math.min(SCRATCH_UNITS, 2 * (n + 16)));
  return scratch;
}

/** Folds `original`: its folded text, and the map (in arrays possibly shared: read at once) and its length less one. */
function fold(original: string): { text: string; map: Int32Array; length: number } {
  const { bmp } = foldTable();
  const n = original.length;
  let { units, map } = arraysFor(n);
  let out = 0;
  let changed = false;
  for (let i = 0; i < n; ) {
    const c = original.charCodeAt(i);
    if ((c < 0x80 && !(c >= 0x41 && c <= 0x5a)) || (c >= 0x4e00 && c <= 0x9fff && bmp[c] === 0)) {
      units[out] = c;
      map[out++] = i++;
      continue;
    }
    if (blockReady[c >> 8] === 0) prepareBlock(c >> 8);
    const alone = unitFold[c]!;
    if (alone !== COMPLEX && (i + 1 === n || !isMark(original.charCodeAt(i + 1)))) {
      units[out] = alone === 0 ? c : alone;
      changed ||= alone !== 0;
      map[out++] = i++;
      continue;
    }
    let end = i + (c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1);
    while (end < n && isMark(original.charCodeAt(end))) end++;
    const segment = original.slice(i, end);
    const folded = foldSegment(segment);
    changed ||= folded !== segment;
    const needed = out + folded.length + (n - end) + 1;
    if (needed > map.length) {
      // Folding made the text longer than its arrays (a fresh pair: the scratch keeps its size).
      map = grownTo(map, needed);
      units = grownTo(units, needed);
    }
    for (let k = 0; k < folded.length; k++) {
      units[out] = folded.charCodeAt(k);
      map[out++] = i;
    }
    i = end;
  }
  map[out] = n;
  return { text: changed ? fromUnits(units, out) : original, map, length: out };
}

/** A copy of `a` with room for at least `length` (doubling). */
function grownTo<T extends Int32Array<ArrayBuffer> | Uint16Array<ArrayBuffer>>(a: T, length: number): T {
  const bigger = new (a.constructor as new (n: number) => T)(Math.max(a.length * 2, length + 64));
  bigger.set(a);
  return bigger;
}

/**
 * A compact form of an offset map: `[i0, d0, i1, d1, …]` where from normalized offset `ik` on,
 * the original offset is `i + dk` (until the next checkpoint). Most texts keep their length under
 * normalization, so this is usually empty; it is stored with each section so highlights need no
 * re-normalization.
 */
export function driftOf(map: Int32Array, length = map.length): number[] {
  const drift: number[] = [];
  let delta = 0;
  for (let i = 0; i < length; i++) {
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
