import STCharacters from 'opencc-js/dict/STCharacters';
import { foldTable, SEE_OTHER } from './fold-table.ts';

/**
 * A section's text as its difference from its folded text, so that memory and storage hold the
 * folded text alone (matching needs it) and the text is remade when shown.
 *
 * @remarks Why (DESIGN.md, decision 67): the worker held both, and they differ in nearly every
 * section (at 50 MB of poems 2 583 of 204 084 fold to themselves: `，` folds to `,`, and a
 * quarter of the characters are Traditional). Each unit of the text that folded to one unit is
 * predicted from it under one of four modes (Han characters kept or made Traditional;
 * `, : ; ! ? ( )` kept or made full width); the mode that misses least is chosen, and the misses
 * are listed, with the stretches whose folding changed their length (`…` → `...`). At 50 MB of
 * poems a section's patch is 7 units where its text was 87.
 *
 * Format: the mode as the first unit, then each entry after the previous one:
 * - `gap` (below 0x4000), then the unit of the text: a miss `gap` predicted units on;
 * - `0x4000 + gap` (below 0x8000): the same for a capital letter folded to lower case (capitals
 *   were most of the misses in the manuals of the parallel corpus);
 * - `0x8000 | gap >> 16`, `gap & 0xffff`, then the unit: a miss further on;
 * - `0xc000`, then the gap, the folded length and the text's length (two units each), then that
 *   text: a stretch whose folding changed its length.
 */

/** Mode bits. */
const TRADITIONAL = 1;
const FULL_WIDTH = 2;

const CAPITAL = 0x4000;
const LONG = 0x8000;
const STRETCH = 0xc000;

/** Punctuation a Chinese text writes in full width, which NFKC folds to ASCII. */
const FULL_WIDTH_PUNCTUATION = '，：；！？（）';

/** `modes[m][u]`: the unit predicted under mode `m` for the folded unit `u`. */
let modes: Uint16Array[] | null = null;

/**
 * The four tables. A folded Han character's Traditional form is OpenCC's first choice that folds
 * back to it (里 → 裏, not the variant 裡), else any character that folds to it.
 */
function predictionTables(): Uint16Array[] {
  if (modes) return modes;
  const { bmp } = foldTable();
  const traditional = new Uint16Array(0x10000);
  for (const entry of STCharacters.split('|')) {
    const [from, to] = entry.split(' ');
    if (from?.length !== 1 || to?.length !== 1) continue;
    const t = to.charCodeAt(0);
    if (bmp[t] === from.charCodeAt(0)) traditional[bmp[t]!] = t;
  }
  for (let c = 0; c < 0x10000; c++) {
    const f = bmp[c]!;
    if (f !== 0 && f !== SEE_OTHER && traditional[f] === 0) traditional[f] = c;
  }
  modes = [0, 1, 2, 3].map((mode) => {
    const table = new Uint16Array(0x10000);
    for (let u = 0; u < 0x10000; u++) table[u] = mode & TRADITIONAL && traditional[u] ? traditional[u]! : u;
    if (mode & FULL_WIDTH) for (const ch of FULL_WIDTH_PUNCTUATION) table[ch.normalize('NFKC').charCodeAt(0)] = ch.charCodeAt(0);
    return table;
  });
  return modes;
}

/**
 * How the folded text lines up with the text: `at[i]` is the text offset of folded offset `i`
 * (0 ≤ i ≤ n), from the section's drift (`normalize.ts`, `driftOf`); null when it moved none.
 */
function textOffsets(n: number, drift: readonly number[]): Int32Array | null {
  if (drift.length === 0) return null;
  const at = new Int32Array(n + 1);
  let delta = 0;
  for (let i = 0, k = 0; i <= n; i++) {
    for (; k < drift.length && drift[k]! <= i; k += 2) delta = drift[k + 1]!;
    at[i] = i + delta;
  }
  return at;
}

/** The folded offset where the stretch starting at `i` ends (one past it), `at` given. */
function stretchEnd(at: Int32Array, i: number, n: number): number {
  let j = i + 1;
  while (j < n && at[j] === at[i]) j++;
  return j;
}

/** The mode that misses fewest units of `text` among those that folded one to one. */
function bestMode(tables: readonly Uint16Array[], text: string, norm: string, at: Int32Array | null): number {
  const [kept, traditional, fullWidth, both] = tables as [Uint16Array, Uint16Array, Uint16Array, Uint16Array];
  const misses = [0, 0, 0, 0];
  const n = norm.length;
  for (let i = 0; i < n; i++) {
    const unit = norm.charCodeAt(i);
    if (at && (at[i + 1]! - at[i]! !== 1 || stretchEnd(at, i, n) !== i + 1)) continue;
    const original = text.charCodeAt(at ? at[i]! : i);
    // Most units are predicted alike by every mode, and kept.
    if (unit === original && both[unit] === unit) continue;
    if (kept[unit] !== original) misses[0]!++;
    if (traditional[unit] !== original) misses[1]!++;
    if (fullWidth[unit] !== original) misses[2]!++;
    if (both[unit] !== original) misses[3]!++;
  }
  return misses.indexOf(Math.min(...misses));
}

const pushLong = (units: number[], value: number) => units.push(value >>> 16, value & 0xffff);

/**
 * The patch that remakes `text` from `norm`, its fold, whose `drift` (`driftOf` of the fold's
 * offset map) says how the two line up; undefined when they do not line up as it says (the
 * text is then kept whole).
 */
export function patchOf(text: string, norm: string, drift: readonly number[]): string | undefined {
  const n = norm.length;
  const at = textOffsets(n, drift);
  if ((at ? at[n]! : n) !== text.length || (at && at[0] !== 0)) return undefined;
  const tables = predictionTables();
  const mode = bestMode(tables, text, norm, at);
  const predict = tables[mode]!;
  const units: number[] = [mode];
  let gap = 0;
  for (let i = 0; i < n; ) {
    const j = at ? stretchEnd(at, i, n) : i + 1;
    const from = at ? at[i]! : i;
    const to = at ? at[j]! : j;
    if (j === i + 1 && to === from + 1) {
      const original = text.charCodeAt(from);
      const unit = predict[norm.charCodeAt(i)]!;
      i = j;
      if (unit === original) {
        gap++;
        continue;
      }
      if (gap < CAPITAL && unit >= 0x61 && unit <= 0x7a && original === unit - 0x20) units.push(CAPITAL + gap);
      else if (gap < CAPITAL) units.push(gap, original);
      else units.push(LONG | (gap >>> 16), gap & 0xffff, original);
    } else {
      units.push(STRETCH);
      for (const value of [gap, j - i, to - from]) pushLong(units, value);
      for (let k = from; k < to; k++) units.push(text.charCodeAt(k));
      i = j;
    }
    gap = 0;
  }
  const patch = fromUnits(units);
  // A text whose folding moved offsets is checked (2 % of sections): a drift that does not say
  // how the two line up must not give another text back. The others are tested whole.
  return !at || applyPatch(norm, patch) === text ? patch : undefined;
}

/** The text that `patch` (from {@link patchOf}) remakes from `norm`. */
export function applyPatch(norm: string, patch: string): string {
  const predict = predictionTables()[patch.charCodeAt(0)]!;
  const out: number[] = [];
  let at = 0;
  const copy = (gap: number) => {
    for (const end = at + gap; at < end; at++) out.push(predict[norm.charCodeAt(at)]!);
  };
  const long = (k: number) => (patch.charCodeAt(k) << 16) | patch.charCodeAt(k + 1);
  for (let k = 1; k < patch.length; ) {
    const head = patch.charCodeAt(k++);
    if (head >= STRETCH) {
      copy(long(k));
      const folded = long(k + 2);
      const length = long(k + 4);
      k += 6;
      for (const end = k + length; k < end; k++) out.push(patch.charCodeAt(k));
      at += folded;
    } else if (head >= LONG) {
      copy(((head & 0x3fff) << 16) | patch.charCodeAt(k++));
      out.push(patch.charCodeAt(k++));
      at++;
    } else if (head >= CAPITAL) {
      copy(head - CAPITAL);
      out.push(predict[norm.charCodeAt(at++)]! - 0x20);
    } else {
      copy(head);
      out.push(patch.charCodeAt(k++));
      at++;
    }
  }
  copy(norm.length - at);
  return fromUnits(out);
}

/** A string of UTF-16 units, any of them (lone surrogates included), in slices the call stack takes. */
function fromUnits(units: readonly number[]): string {
  if (units.length <= 8192) return String.fromCharCode.apply(null, units as number[]);
  let s = '';
  for (let i = 0; i < units.length; i += 8192) s += String.fromCharCode.apply(null, units.slice(i, i + 8192));
  return s;
}
