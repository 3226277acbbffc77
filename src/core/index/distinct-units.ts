import { TF_CAP } from '../rank/rank.ts';

/**
 * The distinct UTF-16 code units of a text, in order of appearance, with each one's occurrences
 * in the text's first characters: what the character index records of a section.
 *
 * @remarks Stamped per text, so nothing is cleared between texts. Per instance, so two indexes
 * in one process share nothing mutable.
 */
export class DistinctUnits {
  readonly #seen = new Uint32Array(0x10000);
  /** By code unit: its occurrences in the window, up to `TF_CAP`, for the units of the last text. */
  readonly counted = new Uint16Array(0x10000);
  /** The distinct code units of the last text, in order of appearance. */
  readonly units = new Uint16Array(0x10000);
  #stamp = 0;

  /** Reads `text`, counting in its first `window` characters. @returns how many distinct units it has */
  of(text: string, window: number): number {
    if (++this.#stamp === 0xffffffff) {
      this.#seen.fill(0);
      this.#stamp = 1;
    }
    const seen = this.#seen;
    const counted = this.counted;
    const current = this.#stamp;
    let distinct = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (seen[code] !== current) {
        seen[code] = current;
        counted[code] = 0;
        this.units[distinct++] = code;
      }
      // Up to the cap only: a 1 MB line of one character must not wrap the 16-bit count.
      if (i < window && counted[code]! < TF_CAP) counted[code]!++;
    }
    return distinct;
  }
}
