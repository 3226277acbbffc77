/**
 * splitSections is linear in its input: hostile lines (long runs of spaces, thousands of
 * separators or numbered lines) cost 16× at 16× the size, not 256× as a backtracking regex would.
 * Times are compared with each other, never with a fixed number, so a slow machine does not fail.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headingTitle } from './markdown.ts';
import { splitSections } from './sections.ts';
import { splitLines } from './lines.ts';
import { firstLineTitle } from './titles.ts';

/** Smallest time of a few runs of `fn`, each repeated until it has taken a measurable while. */
function timeOf(fn: () => void, repeats: number): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    for (let k = 0; k < repeats; k++) fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/**
 * Time at 16n over time at n (the small input run 16 times, so both runs do as much work).
 * Linear code gives about 16, more when the big input's garbage collection weighs in; a
 * backtracking regex gives 256. A result over the bound is measured again (four times at most),
 * since on a shared machine one measure can catch another process's burst: under the whole
 * suite on 2 cores, a list of 100 000 sections once measured 42.7× three times in a row (alone,
 * 19.5–24.7×). Quadratic code stays over the bound however often it is measured.
 */
function growth(make: (n: number) => string, n: number, name = 'a.txt'): number {
  const small = make(n);
  const big = make(16 * n);
  splitSections(small, name); // warm up the JIT on this shape
  let ratio = Infinity;
  for (let attempt = 0; attempt < 5 && ratio >= BOUND; attempt++) {
    ratio = Math.min(ratio, timeOf(() => splitSections(big, name), 1) / (timeOf(() => splitSections(small, name), 16) / 16));
  }
  return ratio;
}

/** The bound on growth at 16× the input: well above linear (16), far below quadratic (256). */
const BOUND = 40;

describe('splitSections is linear on hostile input', () => {
  const cases: [string, (n: number) => string, number, string?][] = [
    ['`1. a` and 20 000 spaces', (n) => `1. a${' '.repeat(n)}\n`, 1250],
    ['`1. a`, spaces, `b`, then 原文:', (n) => `1. a${' '.repeat(n)}b\n原文:\n`, 1250],
    ['`?`, spaces, a letter (newsletter head)', (n) => `${' '.repeat(n)}?x\n`, 1250],
    ['a 原文: line with spaces, a word, spaces, a word', (n) => `1. a\n原文:${' '.repeat(n)}x${' '.repeat(n)}y\n`, 1250],
    ['a 1 MB line of spaces and a letter', (n) => `${' '.repeat(n)}x`, 65536],
    ['a title with 20 000 spaces inside', (n) => `a${' '.repeat(n)}b`, 1250],
    ['a Markdown heading with spaces inside', (n) => `# a${' '.repeat(n)}b\n`, 1250, 'a.md'],
    ['100 000 % lines', (n) => '%\n'.repeat(n), 6250],
    ['16 000 fortunes', (n) => '甲\n%\n'.repeat(n), 1000],
    ['50 000 poems', (n) => '静夜思\n〔唐〕李白\n床前明月光。\n\n'.repeat(n), 3125],
    ['author lines only', (n) => '〔唐〕李白\n'.repeat(n), 6250],
    ['numbered chapters 1 … n', (n) => Array.from({ length: n }, (_, i) => `${i + 1}. 标题\n正文\n`).join(''), 3125],
    ['a list restarting at 1 every line', (n) => '1. 标题\n正文\n'.repeat(n), 6250],
    ['chapter lines with spaces', (n) => `第一章${' '.repeat(n)}x\n`, 1250],
  ];
  it.each(cases)('%s', (_label, make, n, name) => {
    const g = growth(make, n, name); if (process.env.SHOW_GROWTH) console.log(_label, g.toFixed(1));
    expect(g).toBeLessThan(BOUND);
  });
});

describe('hand-written scans give what the regexes they replace gave', () => {
  const piece = fc.constantFrom('#', '##', '#######', ' ', '  ', '\t', 'a', 'C#', '标题', '|', '｜', '[标签]', 'x', '\u3000');
  const line = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));

  it('headingTitle = /^\\s{0,3}(#{1,6})\\s+(.+?)\\s*#*\\s*$/ (titles with text)', () => {
    const OLD = /^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$/;
    fc.assert(
      fc.property(line, (l) => {
        const m = OLD.exec(l);
        const expected = m && m[2]!.trim() ? m[2] : null;
        expect(headingTitle(l)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('splitLines = splitting at /\\r\\n|\\n|\\r/', () => {
    const text = fc.array(fc.constantFrom('a', '行', '\r', '\n', '\r\n', ' '), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const lines = splitLines(t);
        const parts = t.split(/\r\n|\n|\r/);
        if (parts[parts.length - 1] === '') parts.pop();
        expect(lines.map((l) => l.text)).toEqual(parts);
        for (const l of lines) expect(t.slice(l.start, l.start + l.text.length)).toBe(l.text);
      }),
    );
  });

  it('firstLineTitle = the old titleOf', () => {
    const oldTitleOf = (text: string, fallback: string) => {
      for (const l of text.split(/\r\n|\n|\r/)) {
        const t = l.trim().replace(/\s*[|｜]\s*$/, '').replace(/^\[[^\]]{1,12}\]\s*/, '');
        if (!t) continue;
        return t.length <= 60 && t.length >= 2 && /[\p{L}\p{N}]/u.test(t) && !/[|｜]|https?:\/\//.test(t) ? t : fallback;
      }
      return fallback;
    };
    const text = fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 4 }).map((ls) => ls.map(([l, e]) => l + e).join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(firstLineTitle(t, 'stem')).toBe(oldTitleOf(t, 'stem'));
      }),
      { numRuns: 2000 },
    );
  });
});
