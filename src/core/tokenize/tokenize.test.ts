import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexTerms, queryTerms, splitOnSpace } from './tokenize.ts';

describe('tokenize', () => {
  it('indexes characters and adjacent pairs, never across whitespace', () => {
    expect(indexTerms('芯片 a1')).toEqual(['芯', '芯片', '片', 'a', 'a1', '1']);
  });

  it('keeps mixed and Latin runs as pairs of any script', () => {
    expect(indexTerms('骁龙8gen2')).toEqual(['骁', '骁龙', '龙', '龙8', '8', '8g', 'g', 'ge', 'e', 'en', 'n', 'n2', '2']);
  });

  it('looks a query term up by its distinct pairs, or by itself when it is one character', () => {
    expect(queryTerms('芯')).toEqual(['芯']);
    expect(queryTerms('risc-v')).toEqual(['ri', 'is', 'sc', 'c-', '-v']);
    expect(queryTerms('数据分析与数据挖掘')).toEqual(['数据', '据分', '分析', '析与', '与数', '据挖', '挖掘']);
  });

  it('splits on any whitespace, including the ideographic space', () => {
    expect(splitOnSpace(' 芯片\u3000企业\t ai ')).toEqual(['芯片', '企业', 'ai']);
  });

  it('never emits empty terms or terms with whitespace; every query pair is an index term of the query', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('芯', '片', 'a', ' ', '1', '\n', '學') }), (s) => {
        const terms = indexTerms(s);
        for (const t of terms) expect(t).toMatch(/^\S{1,2}$/u);
        for (const word of splitOnSpace(s)) for (const q of queryTerms(word)) expect(terms).toContain(q);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
