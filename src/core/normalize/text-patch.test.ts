import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, seeds } from '../../../tests/support/corpus.ts';
import { growthRatio, LINEAR_BOUND } from '../../../tests/support/linear.ts';
import { driftOf, normalize } from './normalize.ts';
import { applyPatch, LONGEST_PATCHED, patchOf } from './text-patch.ts';

/** Characters the predictions treat apart: Traditional and Simplified, variants, full and half width. */
const POOL = [...'風风樂乐裡裏里後后發髮发為爲为於于乾幹干餘余，,：:；;！!？?（(）)。 　aAzZ0的一𠀀…㎡ｶﾞﬁ①\u0301'] as string[];
const LONE_SURROGATES = ['\ud800', '\udfff'];

const fold = (text: string) => {
  const { text: norm, map } = normalize(text);
  return { norm, drift: driftOf(map) };
};

const sameLength = (n: number, units: fc.Arbitrary<string>) => fc.array(units, { minLength: n, maxLength: n }).map((a) => a.join(''));

describe('text patch', () => {
  it('gives back any text from any string of its length, in at most 16 units more than the text', () => {
    const unit = fc.oneof(fc.constantFrom(...POOL.filter((c) => c.length === 1), ...LONE_SURROGATES), fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)));
    fc.assert(
      fc.property(
        fc.nat(60).chain((n) => fc.tuple(sameLength(n, unit), sameLength(n, unit))),
        ([text, other]) => {
          const patch = patchOf(text, other, []);
          let differ = 0;
          for (let i = 0; i < text.length; i++) if (text[i] !== other[i]) differ++;
          // Listing every difference (two units each, the mode first) fits: a patch is made.
          if (1 + 2 * differ <= text.length + 16) expect(patch).toBeDefined();
          if (patch === undefined) return;
          expect(patch.length).toBeLessThanOrEqual(text.length + 16);
          expect(applyPatch(other, patch)).toBe(text);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('gives back a text from its fold, for strings of the characters it predicts', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...POOL), { maxLength: 80 }), (chars) => {
        const text = chars.join('');
        const { norm, drift } = fold(text);
        const patch = patchOf(text, norm, drift);
        if (norm.length === text.length && drift.length === 0) {
          let differ = 0;
          for (let i = 0; i < text.length; i++) if (text[i] !== norm[i]) differ++;
          // Kept whole only when listing every difference would take more than the text and 16 units.
          if (1 + 2 * differ <= text.length + 16) expect(patch).toBeDefined();
        }
        if (patch !== undefined) expect(applyPatch(norm, patch)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a text longer than it would be quick to remake whole', () => {
    const text = '風'.repeat(LONGEST_PATCHED);
    expect(patchOf(text, '风'.repeat(LONGEST_PATCHED), [])).toBeDefined();
    expect(patchOf(`${text}風`, `${'风'.repeat(LONGEST_PATCHED)}风`, [])).toBeUndefined();
  });

  it('spans gaps of any length between two misses (one unit below 2^14, three above)', () => {
    for (const gap of [0, 1, 0x3fff, 0x4000, 0x7fff, 0x8000, 0x10000, 200_000]) {
      const pad = '的'.repeat(gap);
      const wide = [`Ａ${pad}Ｂ的的`, `a${pad}b的的`] as const;
      const capital = [`A${pad}B的的`, `a${pad}b的的`] as const;
      // The mode, then a miss at 0 (two units) and one after the gap (two, or three when long).
      expect(patchOf(...wide, [])!.length).toBe(gap < 0x4000 ? 5 : 6);
      // A capital is one unit when near (its distance), three when far.
      expect(patchOf(...capital, [])!.length).toBe(gap < 0x4000 ? 3 : 5);
      for (const [text, norm] of [wide, capital]) expect(applyPatch(norm, patchOf(text, norm, [])!)).toBe(text);
    }
  });

  it('keeps the stretches whose folding changed their length (… → ..., ㎡ → m2, ｶﾞ → ガ)', () => {
    for (const text of ['等等……好的', '100㎡', 'ｶﾞｲﾄﾞ 指南', '①②③ＡＢ…', '…', 'ﬁle ﬁ…ﬁ']) {
      const { norm, drift } = fold(text);
      expect(norm.length).not.toBe(text.length);
      expect(applyPatch(norm, patchOf(text, norm, drift)!)).toBe(text);
    }
  });

  it('takes time in proportion to the text, long stretches and many misses included', () => {
    const cases: ((n: number) => string)[] = [
      (n) => `e${'\u0301'.repeat(n)}`, // one stretch of n folded units
      (n) => '裡發乾後，'.repeat(n / 5), // a miss every other unit
      (n) => '…A'.repeat(n / 2), // a stretch and a capital, over and over
    ];
    for (const make of cases) {
      const ratio = growthRatio((n) => {
        const text = make(n);
        const { norm, drift } = fold(text);
        return () => {
          const patch = patchOf(text, norm, drift);
          if (patch !== undefined) applyPatch(norm, patch);
        };
      }, 4000);
      expect(ratio).toBeLessThan(LINEAR_BOUND);
    }
  });

  it('makes no patch from a drift that does not say how the text and its fold line up', () => {
    const { norm, drift } = fold('等等……好的');
    expect(patchOf('等等……好', norm, drift)).toBeUndefined();
    expect(patchOf('等等……好的', norm, [])).toBeUndefined();
  });

  /** Every paragraph of the seeds and of the Traditional and Simplified parallel documents. */
  const paragraphs = (): string[] => {
    const parallel = ['cn', 'tw'].flatMap((dir) =>
      readdirSync(join(CORPUS_DIR, 'parallel', dir)).map((f) => readFileSync(join(CORPUS_DIR, 'parallel', dir, f), 'utf8')),
    );
    return [...seeds().map((s) => s.text), ...parallel].flatMap((t) => t.split(/\n{2,}/)).filter((p) => p.length > 0);
  };

  it('remakes every paragraph of the corpus from its fold, in a few units each', () => {
    let textUnits = 0;
    let patchUnits = 0;
    for (const text of paragraphs()) {
      const { norm, drift } = fold(text);
      const patch = patchOf(text, norm, drift)!;
      expect(applyPatch(norm, patch)).toBe(text);
      textUnits += text.length;
      patchUnits += patch.length;
    }
    expect(textUnits).toBeGreaterThan(100_000);
    // The predictions are what make it small: listing every changed unit would take 2 units each.
    expect(patchUnits / textUnits).toBeLessThan(0.1);
  });
});
