import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdCollector, intersect, union } from './id-sets.ts';

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

describe('IdCollector', () => {
  it('gives the ids added, in order, as an array of exactly their number, however many', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1 << 20), { maxLength: 10_000 }), (ids) => {
        const collector = IdCollector.start();
        for (const id of ids) collector.add(id);
        const taken = collector.take();
        expect(Array.isArray(taken)).toBe(true);
        expect(taken).toEqual(ids);
      }),
      { numRuns: 30 },
    );
  });

  it('keeps collectors used at once apart, and a buffer used before leaks none of its ids', () => {
    const big = IdCollector.start();
    for (let id = 0; id < 9000; id++) big.add(id);
    expect(big.take()).toHaveLength(9000);
    const outer = IdCollector.start();
    const inner = IdCollector.start();
    outer.add(1);
    inner.add(2);
    outer.add(3);
    expect(inner.take()).toEqual([2]);
    expect(outer.take()).toEqual([1, 3]);
    const next = IdCollector.start();
    next.add(7);
    expect(next.take()).toEqual([7]);
  });
});
