import { INITIALS, LETTERS, letterOf, readingLetters, readingSyllables } from '../tokenize/readings.ts';
import { TF_CAP } from '../rank/rank.ts';

/**
 * The pairs of pinyin reading letters that stand side by side in a text (明月: m·y), keyed
 * `first * LETTERS + second`, with how many places each ends in the text's first characters: how
 * a pinyin matcher counts a reading of two initials there. Polyphonic characters give a pair per
 * combination of their letters.
 */
export class ReadingPairs {
  /** Per code unit, a bit per first letter of its readings (see `readingLetters`). */
  readonly #letters = readingLetters();
  /** Per key, the stamp of the text being walked when last seen, and its count (stamped: nothing to clear). */
  readonly #seen = new Uint32Array(LETTERS * LETTERS);
  readonly #counted = new Uint16Array(LETTERS * LETTERS);
  /** The distinct keys of the text being walked, in the order met (an array per text was most of the build's garbage). */
  readonly #distinct = new Uint16Array(LETTERS * LETTERS);
  #stamp = 0;

  /**
   * Calls `visit` once per distinct pair of `text`, with the places it ends before `window`
   * (up to `TF_CAP`), after the whole text is read.
   */
  walk(text: string, window: number, visit: (key: number, counted: number) => void): void {
    if (++this.#stamp === 0xffffffff) {
      this.#seen.fill(0);
      this.#stamp = 1;
    }
    const current = this.#stamp;
    const distinct = this.#distinct;
    let found = 0;
    let before = 0;
    for (let i = 0; i < text.length; i++) {
      const now = this.#letters[text.charCodeAt(i)]!;
      for (let first = before; first !== 0 && now !== 0; first &= first - 1) {
        const row = (31 - Math.clz32(first & -first)) * LETTERS;
        for (let second = now; second !== 0; second &= second - 1) {
          const key = row + 31 - Math.clz32(second & -second);
          if (this.#seen[key] !== current) {
            this.#seen[key] = current;
            this.#counted[key] = 0;
            distinct[found++] = key;
          }
          if (i < window && this.#counted[key]! < TF_CAP) this.#counted[key]!++;
        }
      }
      before = now;
    }
    for (let k = 0; k < found; k++) visit(distinct[k]!, this.#counted[distinct[k]!]!);
  }
}

/** The key of two units' first letters side by side. */
export function pairKey(first: string, second: string): number {
  return letterOf(first) * LETTERS + letterOf(second);
}

/** Initials of one letter: the class of each is every character with a reading starting with it. */
const LETTER_INITIALS = new Set(INITIALS.filter((i) => i.length === 1));

/**
 * A reading of two one-letter initials, whose classes are exactly their letters' (see
 * `readingLetters`); not `a`, `e` or `o`, which are whole syllables.
 */
export function isTwoInitials(r: { units: readonly string[] }): boolean {
  return r.units.length === 2 && r.units.every((u) => LETTER_INITIALS.has(u));
}

/**
 * Syllable pairs are hashed into 2^12 keys. At 50 MB of poems, with the letter pair kept as well,
 * 2^12 keys left 1 943 candidates for the 964 sections holding qiu·yu (13 595 by letters alone);
 * 2^16 keys left 975 but took 41 MB and 2.3 s to build, against 17 MB and 0.7 s (DESIGN.md,
 * decision 62).
 */
const SYLLABLE_KEY_BITS = 12;
/** How many keys the syllable pairs are hashed into. */
export const SYLLABLE_KEYS = 1 << SYLLABLE_KEY_BITS;

/**
 * The pairs of whole pinyin syllables that stand side by side in a text (明月: ming·yue), each
 * hashed to a key (see {@link SYLLABLE_KEY_BITS}): a section holding a reading of two syllables
 * holds its key. Polyphonic characters give a pair per combination of their syllables.
 */
export class SyllablePairs {
  readonly #table = readingSyllables();
  /** How many keys there can be. */
  readonly keys = SYLLABLE_KEYS;
  /** Per key, the stamp of the text being walked when last seen (stamped: nothing to clear). */
  readonly #seen = new Uint32Array(this.keys);
  #stamp = 0;

  /** Calls `visit` once per distinct pair of `text`, as it is first met. */
  walk(text: string, visit: (key: number) => void): void {
    if (++this.#stamp === 0xffffffff) {
      this.#seen.fill(0);
      this.#stamp = 1;
    }
    const current = this.#stamp;
    const { starts, syllables, count } = this.#table;
    let from = 0;
    let to = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const start = starts[code]!;
      const end = starts[code + 1]!;
      for (let a = from; a < to; a++) {
        const row = syllables[a]! * count;
        for (let b = start; b < end; b++) {
          const key = keyOf(row + syllables[b]!);
          if (this.#seen[key] !== current) {
            this.#seen[key] = current;
            visit(key);
          }
        }
      }
      from = start;
      to = end;
    }
  }

  /** The key of two units side by side, or undefined unless both are whole syllables. */
  key(first: string, second: string): number | undefined {
    const a = this.#table.numbers.get(first);
    const b = this.#table.numbers.get(second);
    return a === undefined || b === undefined ? undefined : keyOf(a * this.#table.count + b);
  }
}

/**
 * The key of a pair of syllables numbered `first * count + second`, mixed as MurmurHash3's
 * finalizer does: a plain multiplication sent pairs a multiple apart to one key (qian·ye with
 * qiu·yu).
 */
function keyOf(pair: number): number {
  let h = Math.imul(pair ^ (pair >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & ((1 << SYLLABLE_KEY_BITS) - 1);
}
