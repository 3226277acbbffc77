import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intersect, union } from './id-sets.ts';

describe('intersect', () => {
  it('keeps the ids of the first list found in the second, in the first list’s order', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(300)), fc.array(fc.nat(300)), (a, b) => {
        const inB = new Set(b);
        expect(intersect(a, b)).toEqual(a.filter((id) => inB.has(id)));
      }),
    );
  });
});

describe('union', () => {
  it('keeps every id of the lists once, in the order a Set of them all gives', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(300)), { maxLength: 5 }), (lists) => {
        expect(union(lists)).toEqual([...new Set(lists.flat())]);
      }),
    );
  });
});
