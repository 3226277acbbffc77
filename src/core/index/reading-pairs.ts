import { INITIALS, LETTERS, letterOf, readingLetters } from '../tokenize/readings.ts';
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
    const distinct: number[] = [];
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
            distinct.push(key);
          }
          if (i < window && this.#counted[key]! < TF_CAP) this.#counted[key]!++;
        }
      }
      before = now;
    }
    for (const key of distinct) visit(key, this.#counted[key]!);
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
