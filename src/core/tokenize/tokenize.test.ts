import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketKey, PairTokenizer } from './tokenize.ts';

const tokenizer = new PairTokenizer();
const pairBuckets = (text: string) => tokenizer.buckets(text);

/** The index keys of a text, as strings. */
const indexTerms = (text: string) => Array.from(pairBuckets(text), bucketKey);

/** The key of one pair of characters: the only index term of that two-character text. */
const k = (pair: string) => indexTerms(pair)[0]!;

describe('tokenize', () => {
  it('indexes adjacent pairs, never across whitespace', () => {
    expect(indexTerms('芯片 a1')).toEqual([k('芯片'), k('a1')]);
    expect(indexTerms('芯')).toEqual([]);
  });

  it('keeps mixed and Latin runs as pairs of any script', () => {
    expect(indexTerms('骁龙8gen2')).toEqual([k('骁龙'), k('龙8'), k('8g'), k('ge'), k('en'), k('n2')]);
  });

  it('keys a term by its distinct pairs, in order of first occurrence; a single character has none', () => {
    expect(indexTerms('芯')).toEqual([]);
    expect(indexTerms('risc-v')).toEqual(['ri', 'is', 'sc', 'c-', '-v'].map(k));
    expect(indexTerms('数据分析与数据挖掘')).toEqual(['数据', '据分', '分析', '析与', '与数', '据挖', '挖掘'].map(k));
  });

  it('gives buckets whose keys are the terms, and forgets the previous call', () => {
    const first = pairBuckets('芯片芯片');
    expect(Array.from(first, bucketKey)).toEqual([k('芯片'), k('片芯')]);
    expect(Array.from(pairBuckets('芯片'), bucketKey)).toEqual([k('芯片')]);
  });

  it('keys pairs as ASCII, in order', () => {
    expect(k('芯片')).toMatch(/^[0-9a-z]{2,}$/);
    expect(k('芯片')).not.toBe(k('片芯'));
  });

  it('never pairs across any whitespace, including the ideographic space', () => {
    expect(indexTerms(' 芯片\u3000企业\t ai\ufeffb ')).toEqual([k('芯片'), k('企业'), k('ai')]);
  });

  it('never emits empty terms or terms with whitespace; every query pair is an index term of the query', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('芯', '片', 'a', ' ', '1', '\n', '學') }), (s) => {
        const terms = indexTerms(s);
        for (const t of terms) expect(t).toMatch(/^[0-9a-z]{2,}$/);
        for (const word of s.split(/\s+/).filter(Boolean)) for (const q of indexTerms(word)) expect(terms).toContain(q);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
