/**
 * Folding writes into arrays it keeps (`normalize.ts`): what it gives out must never be those
 * arrays, texts of any length must fold as before, and folding a section must make no new ones.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { driftOf, normalize, normalizeText, normalizeToDrift } from './normalize.ts';

/** What folding `text` must give, worked out without the kept arrays: one character at a time. */
function foldedAlone(text: string): { text: string; map: Int32Array } {
  const alone = new Map<string, string>();
  const parts: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!alone.has(ch)) alone.set(ch, normalizeText(ch));
    const folded = alone.get(ch)!;
    for (let k = 0; k < folded.length; k++) map.push(i);
    parts.push(folded);
  }
  map.push(text.length);
  return { text: parts.join(''), map: Int32Array.from(map) };
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
    // Each character here folds alone, so the whole must fold as its characters do.
    for (const text of ['', '臺灣', '…'.repeat(50), '…'.repeat(300_000), '體'.repeat(1_100_000) + '…'.repeat(1000), 'Ａ'.repeat(70_000)]) {
      const want = foldedAlone(text);
      const got = normalize(text);
      expect(got.text).toBe(want.text);
      expect(sameMap(got.map, want.map)).toBe(true);
      expect(normalizeToDrift(text)).toEqual({ text: want.text, drift: driftOf(want.map) });
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
