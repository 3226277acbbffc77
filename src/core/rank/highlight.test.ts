import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, normalizeText } from '../normalize/normalize.ts';
import { highlightRanges, mergeRanges } from './highlight.ts';
import { makeSnippets, SNIPPET_CHARS, WINDOW_CHARS } from './snippet.ts';

describe('highlightRanges', () => {
  it('marks the original characters of a Traditional text for a Simplified query', () => {
    const original = '2022中國AI芯片企業50強';
    const ranges = highlightRanges(normalize(original), ['芯片企业']);
    expect(ranges).toEqual([{ start: 8, end: 12 }]);
    expect(original.slice(8, 12)).toBe('芯片企業');
  });

  it('lands on the whole phrase when normalization changes its length', () => {
    const original = '面積約100㎡左右';
    const [r] = highlightRanges(normalize(original), ['100m2']);
    expect(original.slice(r!.start, r!.end)).toBe('100㎡');
  });

  it('merges overlapping occurrences', () => {
    expect(highlightRanges(normalize('aaaa'), ['aa'])).toEqual([{ start: 0, end: 4 }]);
    expect(mergeRanges([{ start: 5, end: 6 }, { start: 0, end: 2 }, { start: 1, end: 3 }, { start: 4, end: 4 }])).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 6 },
    ]);
  });

  // Character-level conversions only: with phrase rules (軟體 → 软件) a part of a phrase has no
  // standalone normalization equal to the query; the 記憶體 case above covers whole phrases.
  const chars = fc.constantFrom('芯', '片', '企', '業', '业', 'A', 'a', ' ', '國', '国', 'Ｂ', '1');
  const phrases = fc.constantFrom('芯', '片', '體', '軟', '软', '件', '記', '憶', ' ', 'a');

  it('returns ranges whose original text normalizes to text containing the term', () => {
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 30 }), fc.string({ unit: chars, minLength: 1, maxLength: 3 }), (text, q) => {
        const term = normalizeText(q).trim();
        for (const r of highlightRanges(normalize(text), term ? [term] : [])) {
          expect(normalizeText(text.slice(r.start, r.end))).toContain(term);
        }
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it('returns sorted, disjoint, non-empty ranges within bounds, also around phrase rules', () => {
    fc.assert(
      fc.property(fc.string({ unit: phrases, maxLength: 30 }), fc.string({ unit: phrases, minLength: 1, maxLength: 3 }), (text, q) => {
        const term = normalizeText(q).trim();
        const ranges = highlightRanges(normalize(text), term ? [term] : []);
        ranges.forEach((r, i) => {
          expect(r.start).toBeGreaterThan(i > 0 ? ranges[i - 1]!.end : -1);
          expect(r.end).toBeGreaterThan(r.start);
          expect(r.end).toBeLessThanOrEqual(text.length);
        });
      }),
      { numRuns: 500, seed: 4 },
    );
  });
});

describe('makeSnippets, one window', () => {
  it('centres on the densest cluster of hits and re-bases the marks', () => {
    const text = `${'甲'.repeat(200)}芯片${'乙'.repeat(10)}芯片${'丙'.repeat(200)}芯片`;
    const s = makeSnippets(text, [{ start: 200, end: 202 }, { start: 212, end: 214 }, { start: 414, end: 416 }], 1);
    expect(s.text.length).toBe(WINDOW_CHARS);
    expect(s.marks.map((m) => s.text.slice(m.start, m.end))).toEqual(['芯片', '芯片']);
    expect([s.cutStart, s.cutEnd]).toEqual([true, true]);
  });

  it('starts at the beginning when there is nothing to mark', () => {
    expect(makeSnippets('短文', [])).toEqual({ text: '短文', marks: [], cutStart: false, cutEnd: false });
  });
});

describe('makeSnippets', () => {
  const far = `${'甲'.repeat(300)}芯片${'乙'.repeat(300)}芯片${'丙'.repeat(300)}芯片${'丁'.repeat(300)}芯片${'戊'.repeat(50)}`;
  const ranges = [300, 602, 904, 1206].map((start) => ({ start, end: start + 2 }));

  it('shows up to three distant clusters, in text order, joined with …', () => {
    const s = makeSnippets(far, ranges);
    expect(s.text.split(' … ')).toHaveLength(3);
    expect(s.marks.map((m) => s.text.slice(m.start, m.end))).toEqual(['芯片', '芯片', '芯片']);
    expect([s.cutStart, s.cutEnd]).toEqual([true, true]);
  });

  it('is one window when every hit fits in it', () => {
    const near = [{ start: 300, end: 302 }, { start: 310, end: 312 }];
    const s = makeSnippets(far, near);
    expect(s.text).not.toContain(' … ');
    expect(s.text.length).toBe(SNIPPET_CHARS);
    expect(s.marks).toHaveLength(2);
  });

  it('keeps marks inside the text and never overlaps windows, for any ranges', () => {
    for (let n = 1; n <= 8; n++) {
      const rs = Array.from({ length: n }, (_, i) => ({ start: i * 97 + 5, end: i * 97 + 7 }));
      const s = makeSnippets(far, rs);
      for (const m of s.marks) {
        const marked = s.text.slice(m.start, m.end);
        expect(marked.length).toBeGreaterThan(0);
        expect(rs.some((r) => far.slice(r.start, r.end).includes(marked))).toBe(true);
      }
      expect(s.marks.every((m, i) => m.start >= 0 && m.end <= s.text.length && (i === 0 || m.start >= s.marks[i - 1]!.end))).toBe(true);
    }
  });

  it('ends, showing the start of the match, when a match is longer than a window (a run of 150 underscores)', () => {
    const text = `${'说明'.repeat(50)}${'_'.repeat(150)}${'结束'.repeat(100)}__`;
    const s = makeSnippets(text, [{ start: 100, end: 250 }, { start: 450, end: 452 }]);
    expect(s.marks.length).toBeGreaterThan(0);
    expect(s.text).toContain('_'.repeat(40));
  });
});
