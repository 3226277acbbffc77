import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasHan, mayBePinyin, pinyinMatcher, pinyinMatchers } from './pinyin.ts';

const finds = (term: string, text: string) => pinyinMatcher(term)?.test(text) ?? false;

describe('pinyin', () => {
  it('reads toneless syllables and initials, in either script', () => {
    expect(finds('xinpian', '国产芯片')).toBe(true);
    expect(finds('xp', '国产芯片')).toBe(true);
    expect(finds('jingtiguan', '230亿晶體管')).toBe(true);
    expect(finds('zg', '中国')).toBe(true);
    expect(finds('zhongguo', '中國')).toBe(true);
    // While typing: whole syllables and a last initial.
    expect(finds('xinp', '芯片')).toBe(true);
  });

  it('keeps the order of the syllables and needs them adjacent', () => {
    expect(finds('xinpian', '片芯')).toBe(false);
    expect(finds('xinpian', '芯的片')).toBe(false);
    expect(finds('pianxin', '芯片')).toBe(false);
  });

  it('reads every reading of a polyphonic character, and ü typed as v or u', () => {
    expect(finds('yinhang', '银行')).toBe(true);
    expect(finds('xingzou', '行走')).toBe(true);
    expect(finds('lvse', '绿色')).toBe(true);
    expect(finds('luse', '绿色')).toBe(true);
  });

  it("lets an apostrophe fix a syllable boundary: xi'an is 西安, not 先", () => {
    expect(finds("xi'an", '西安')).toBe(true);
    expect(finds("xi'an", '先')).toBe(false);
    expect(finds('xian', '先')).toBe(true);
    expect(finds('xian', '西安')).toBe(true);
  });

  it('finds a reading exactly where the ranges are, and counts at least as many (the fast scan agrees with the exact one)', () => {
    // Characters read xin, pian, xi, an, zhong, guo, jiang, nan, ji, a, na, ng, ming, yue, yu, e,
    // and some that are none of these; terms whose scans take up to 8, 16 and 32 positions.
    const text = fc.string({ unit: fc.constantFrom(...'芯新心片偏西安先中重国國的了 A江南几啊那嗯明月鸣雨鹅'), maxLength: 60 });
    const terms = ['xinpian', 'xp', "xi'an", 'xian', 'zhongguo', 'zg', 'zgx', 'mingyue', 'jiangnan'];
    fc.assert(
      fc.property(text, fc.constantFrom(...terms), (t, term) => {
        const m = pinyinMatcher(term)!;
        const ranges = m.ranges(t);
        expect(m.test(t)).toBe(ranges.length > 0);
        expect(m.count(t)).toBeGreaterThanOrEqual(ranges.length);
        if (ranges.length === 0) expect(m.count(t)).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('marks a reading through any of its units, also in a term of more than 8 or 16 distinct units', () => {
    // jiangnan has 9 distinct units (jiang nan na n jia ng ji ang a): 几啊嗯南 reads only as ji·a·ng·nan.
    expect(pinyinMatcher('jiangnan')!.ranges('的几啊嗯南了')).toEqual([{ start: 1, end: 5 }]);
    expect(pinyinMatcher('xinpian')!.ranges('心片西安')).toEqual([{ start: 0, end: 2 }]);
  });

  it('gives ranges left to right without overlap', () => {
    expect(pinyinMatcher('xp')!.ranges('芯片和芯片')).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 5 },
    ]);
  });

  it('refuses what cannot be pinyin, or is not typed so (initials inside syllables): one letter, digits, English words, Han', () => {
    for (const term of ['x', 'a100', 'risc-v', 'ioi', 'vvv', '芯片', 'xin pian', 'gpu', 'transformer']) expect(pinyinMatcher(term), term).toBeNull();
    expect(mayBePinyin("xi'an")).toBe(true);
    expect(hasHan('ai芯片')).toBe(true);
  });

  it('applies to a query only when no term holds a Han character', () => {
    expect(pinyinMatchers(['xinpian', 'qiye'])?.size).toBe(2);
    expect(pinyinMatchers(['xinpian', '企业'])).toBeNull();
    expect(pinyinMatchers(['a100'])).toBeNull();
  });
});
