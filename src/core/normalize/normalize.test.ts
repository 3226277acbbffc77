import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seeds } from '../../../tests/support/corpus.ts';
import { driftOf, normalize, normalizeText, originalOffset } from './normalize.ts';

describe('normalize', () => {
  it.each([
    ['2022中國AI芯片企業50強', '2022中国ai芯片企业50强'], // seed 001, article 1 title
    ['大眾汽車投資24億歐元發力智能駕駛', '大众汽车投资24亿欧元发力智能驾驶'], // seed 001
    ['Swin Transformer在MIM中的應', 'swin transformer在mim中的应'], // seed 002
    ['ＲＩＳＣ－Ｖ　生態', 'risc-v 生态'], // full-width letters, dash and space
    ['骁龙8Gen2', '骁龙8gen2'],
    ['軟體', '软件'], // Taiwan vocabulary
    ['記憶體', '内存'],
    ['100㎡', '100m2'], // NFKC expands
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('maps every normalized offset back to the original, including length-changing rules', () => {
    const { text, map } = normalize('記憶體 100㎡');
    expect(text).toBe('内存 100m2');
    expect(Array.from(map)).toEqual([0, 1, 3, 4, 5, 6, 7, 7, 8]);
  });

  it('compresses the map into a drift list that maps every offset back exactly', () => {
    for (const text of ['記憶體 100㎡ 軟體', '2022中國AI芯片企業50強', 'é e\u0301 ＡＢ', ...seeds().map((s) => s.text)]) {
      const { map } = normalize(text);
      const drift = driftOf(map);
      for (let i = 0; i < map.length; i++) expect(originalOffset(drift, i)).toBe(map[i]);
    }
    expect(driftOf(normalize('纯简体文本').map)).toEqual([]);
  });

  it('keeps the map monotonic and within bounds on every seed', () => {
    for (const { text } of seeds()) {
      const { text: norm, map } = normalize(text);
      expect(map.length).toBe(norm.length + 1);
      expect(map[norm.length]).toBe(text.length);
      for (let i = 1; i < map.length; i++) expect(map[i]!).toBeGreaterThanOrEqual(map[i - 1]!);
    }
  });

  it('is idempotent on substrings of the seeds', () => {
    const all = seeds().map((s) => s.text).join('\n');
    fc.assert(
      fc.property(fc.nat(all.length - 1), fc.integer({ min: 1, max: 40 }), (start, len) => {
        const once = normalizeText(all.slice(start, start + len));
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 500, seed: 42 },
    );
  });
});
