import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intersect } from './id-sets.ts';

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
