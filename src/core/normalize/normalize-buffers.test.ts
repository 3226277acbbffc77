/**
 * Folding writes into arrays it keeps (`normalize.ts`): what it gives out must never be those
 * arrays, texts of any length must fold as before, and folding a section must make no new ones.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { driftOf, normalize, normalizeText, normalizeToDrift } from './normalize.ts';

/**
 * A text made of runs of one character each, with what folding it must give, written out by
 * hand (no folding code): each character of a run folds to `folded`, every unit of which maps
 * back to that character.
 */
function runs(...parts: [char: string, folded: string, times: number][]): { text: string; want: string; map: Int32Array } {
  const map: number[] = [];
  let at = 0;
  for (const [char, folded, times] of parts) {
    for (let k = 0; k < times; k++, at++) for (let u = 0; u < folded.length; u++) map.push(at);
  }
  map.push(at);
  return { text: parts.map(([c, , n]) => c.repeat(n)).join(''), want: parts.map(([, f, n]) => f.repeat(n)).join(''), map: Int32Array.from(map) };
}

/** Whether two maps are equal (`toEqual` on a million entries takes seconds). */
const sameMap = (a: Int32Array, b: Int32Array) => a.length === b.length && a.every((v, i) => v === b[i]);

describe('folding with kept arrays', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives each caller a map of its own, which a later fold does not change', () => {
    const first = normalize('軟體…ＡＢ');
    const copy = Array.from(first.map);
    normalize('完全不同的另一段文字，長一些，再長一些');
    expect(Array.from(first.map)).toEqual(copy);
    expect(first.text).toBe('软体...ab');
  });

  it('folds short, long and growing texts (… → ...) alike, past the kept arrays’ size too', () => {
    const cases = [
      runs(),
      runs(['臺', '台', 1], ['灣', '湾', 1]),
      runs(['…', '...', 50]),
      runs(['…', '...', 300_000]),
      runs(['體', '体', 1_100_000], ['…', '...', 1000]),
      runs(['Ａ', 'a', 70_000], ['春', '春', 10]),
    ];
    for (const { text, want, map } of cases) {
      const got = normalize(text);
      expect(got.text).toBe(want);
      expect(sameMap(got.map, map)).toBe(true);
      expect(normalizeToDrift(text)).toEqual({ text: want, drift: driftOf(map) });
    }
  });

  it('makes no new typed array to fold a section of ordinary length (two each were 800 000 at 50 MB)', () => {
    normalizeToDrift('暖機：第一次摺疊會準備表格。');
    const int32 = vi.spyOn(globalThis, 'Int32Array');
    const uint16 = vi.spyOn(globalThis, 'Uint16Array');
    for (let k = 0; k < 100; k++) {
      expect(normalizeToDrift(`床前明月光，疑是地上霜。第${k}首…`).text).toContain('床前明月光');
      normalizeText('靜夜思');
    }
    expect(int32).not.toHaveBeenCalled();
    expect(uint16).not.toHaveBeenCalled();
  });
});
