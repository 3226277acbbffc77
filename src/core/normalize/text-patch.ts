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
 * - a stretch whose folding changed its length: `0xc000 | folded << 6 | length` when both are
 *   below 64 (`…` → `...`: three units in all), else `0xd000` then each in two units; then the
 *   gap (one unit below 0x8000, else two), then the stretch of the text.
 */

/** Mode bits. */
const TRADITIONAL = 1;
const FULL_WIDTH = 2;

const CAPITAL = 0x4000;
const LONG = 0x8000;
const STRETCH = 0xc000;
const LONG_STRETCH = 0xd000;

/** Units a patch may have beyond its text's length (past them the text is kept whole). */
const SLACK = 16;

/**
 * The longest text kept as a patch: a text is remade each time it is shown, about 20 ns a unit,
 * so a longer one (a whole file of one section) is kept whole rather than remade in 5 ms or more.
 */
export const LONGEST_PATCHED = 1 << 18;

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
  for (let i = 0, j = 1; i < n; i = j) {
    // A stretch is skipped whole: one folded from a character and 100 000 combining marks is
    // 100 000 units long, and looking for its end from each of them would take their square.
    j = at ? stretchEnd(at, i, n) : i + 1;
    if (at && (j !== i + 1 || at[j]! - at[i]! !== 1)) continue;
    const unit = norm.charCodeAt(i);
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

/**
 * Writes UTF-16 units, any of them (lone surrogates included), into a string a slice at a time:
 * `String.fromCharCode.apply` takes only so many arguments, and a text may be 2^18 units.
 */
class UnitWriter {
  /** A plain array: `String.fromCharCode.apply` takes one fast, a typed array slowly. */
  #slice: number[] = [];
  #parts: string[] = [];
  /** Units written so far. */
  length = 0;

  push(unit: number): void {
    this.#slice.push(unit);
    this.length++;
    if (this.#slice.length === 8192) this.#flush();
  }

  #flush(): void {
    this.#parts.push(String.fromCharCode.apply(null, this.#slice));
    this.#slice = [];
  }

  toString(): string {
    if (this.#parts.length === 0) return String.fromCharCode.apply(null, this.#slice);
    this.#flush();
    return this.#parts.join('');
  }

  /** A value below 2^32 as two units. */
  pushLong(value: number): void {
    this.push(value >>> 16);
    this.push(value & 0xffff);
  }

  /** A value below 2^29 (a string's length is below it) as one unit below 0x8000, else two. */
  pushVar(value: number): void {
    if (value < LONG) this.push(value);
    else {
      this.push(LONG | (value >>> 16));
      this.push(value & 0xffff);
    }
  }
}

/**
 * The patch that remakes `text` from `norm`, its fold, whose `drift` (`driftOf` of the fold's
 * offset map) says how the two line up; undefined when they do not line up as it says, when the
 * patch would be longer than the text by more than a few units, or when the text is longer than
 * {@link LONGEST_PATCHED} (the text is then kept whole).
 */
export function patchOf(text: string, norm: string, drift: readonly number[]): string | undefined {
  if (text.length > LONGEST_PATCHED) return undefined;
  const n = norm.length;
  const at = textOffsets(n, drift);
  if ((at ? at[n]! : n) !== text.length || (at && at[0] !== 0)) return undefined;
  const tables = predictionTables();
  const mode = bestMode(tables, text, norm, at);
  const predict = tables[mode]!;
  const units = new UnitWriter();
  units.push(mode);
  let gap = 0;
  for (let i = 0; i < n && units.length <= text.length + SLACK; ) {
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
      else {
        // Two units from CAPITAL on, even below LONG: one there would read as a capital.
        if (gap < CAPITAL) units.push(gap);
        else {
          units.push(LONG | (gap >>> 16));
          units.push(gap & 0xffff);
        }
        units.push(original);
      }
    } else {
      if (j - i < 64 && to - from < 64) units.push(STRETCH | ((j - i) << 6) | (to - from));
      else {
        units.push(LONG_STRETCH);
        units.pushLong(j - i);
        units.pushLong(to - from);
      }
      units.pushVar(gap);
      for (let k = from; k < to; k++) units.push(text.charCodeAt(k));
      i = j;
    }
    gap = 0;
  }
  if (units.length > text.length + SLACK) return undefined;
  const patch = units.toString();
  // A text whose folding moved offsets is checked (2 % of sections): a drift that does not say
  // how the two line up must not give another text back. The others are tested whole.
  return !at || applyPatch(norm, patch) === text ? patch : undefined;
}

/** The text that `patch` (from {@link patchOf}) remakes from `norm`. */
export function applyPatch(norm: string, patch: string): string {
  const predict = predictionTables()[patch.charCodeAt(0)]!;
  const out = new UnitWriter();
  let at = 0;
  let k = 1;
  const copy = (gap: number) => {
    for (const end = at + gap; at < end; at++) out.push(predict[norm.charCodeAt(at)]!);
  };
  const next = () => patch.charCodeAt(k++);
  const long = () => (next() << 16) | next();
  const variable = () => {
    const unit = next();
    return unit < LONG ? unit : ((unit & 0x7fff) << 16) | next();
  };
  while (k < patch.length) {
    const head = next();
    if (head >= STRETCH) {
      const folded = head === LONG_STRETCH ? long() : (head >>> 6) & 0x3f;
      const length = head === LONG_STRETCH ? long() : head & 0x3f;
      copy(variable());
      for (let u = 0; u < length; u++) out.push(next());
      at += folded;
      continue;
    }
    k--;
    const gap = head >= CAPITAL && head < LONG ? (k++, head - CAPITAL) : variable();
    copy(gap);
    out.push(head >= CAPITAL && head < LONG ? predict[norm.charCodeAt(at)]! - 0x20 : next());
    at++;
  }
  copy(norm.length - at);
  return out.toString();
}
