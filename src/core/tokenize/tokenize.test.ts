import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PairTokenizer } from './tokenize.ts';

const tokenizer = new PairTokenizer();

/** The hashed buckets of a text, as an array. */
const buckets = (text: string) => Array.from(tokenizer.buckets(text));

/** The bucket of one pair of characters: the only hashed key of that two-character text. */
const k = (pair: string) => buckets(pair)[0]!;

describe('tokenize', () => {
  it('hashes adjacent pairs other than Latin ones, never across whitespace', () => {
    expect(buckets('芯片 a1')).toEqual([k('芯片')]);
    expect(tokenizer.latinPairs('芯片 a1')).toEqual(['a1']);
    expect(buckets('芯')).toEqual([]);
  });

  it('splits a mixed run into hashed pairs and exact Latin pairs', () => {
    expect(buckets('骁龙8gen2')).toEqual([k('骁龙'), k('龙8')]);
    expect(tokenizer.latinPairs('骁龙8gen2')).toEqual(['8g', 'ge', 'en', 'n2']);
  });

  it('keys a term by its distinct pairs, in order of first occurrence; a single character has none', () => {
    expect(tokenizer.latinPairs('risc-v')).toEqual(['ri', 'is', 'sc', 'c-', '-v']);
    expect(tokenizer.latinPairs('abab')).toEqual(['ab', 'ba']);
    expect(buckets('数据分析与数据挖掘')).toEqual(['数据', '据分', '分析', '析与', '与数', '据挖', '挖掘'].map(k));
    expect(buckets('芯片芯片')).toEqual([k('芯片'), k('片芯')]);
    expect(k('芯片')).not.toBe(k('片芯'));
  });

  it('never pairs across any whitespace, including the ideographic space', () => {
    expect(buckets(' 芯片\u3000企业\t ai\ufeffb ')).toEqual([k('芯片'), k('企业')]);
    expect(tokenizer.latinPairs(' 芯片\u3000企业\t ai\ufeffb ')).toEqual(['ai']);
  });

  it('gives every pair of a query word among the keys of any text holding the word', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('芯', '片', 'a', 'b', ' ', '1', '\n', '學', '-') }), (s) => {
        const hashed = new Set(buckets(s));
        const latin = new Set(tokenizer.latinPairs(s));
        for (const p of latin) expect(p).toMatch(/^[!-~]{2}$/);
        for (const word of s.split(/\s+/).filter(Boolean)) {
          for (const b of buckets(word)) expect(hashed.has(b)).toBe(true);
          for (const p of tokenizer.latinPairs(word)) expect(latin.has(p)).toBe(true);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
