import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addId, firstOf, idsOf, runOf, sizeOf } from './id-run.ts';

describe('IdRun', () => {
  it('gives back any ids in their order, held as a first and a count while they follow one another', () => {
    const ids = fc.oneof(
      fc.array(fc.nat(1000), { maxLength: 50 }),
      fc.tuple(fc.nat(1000), fc.nat(60)).map(([first, n]) => Array.from({ length: n }, (_, k) => first + k)),
    );
    fc.assert(
      fc.property(ids, fc.array(fc.nat(1100), { maxLength: 5 }), (list, more) => {
        const run = runOf(list);
        expect(run.ids === null).toBe(list.every((id, k) => id === list[0]! + k));
        for (const id of more) addId(run, id);
        const all = [...list, ...more];
        expect([...idsOf(run)]).toEqual(all);
        expect([sizeOf(run), firstOf(run)]).toEqual([all.length, all[0]]);
      }),
    );
  });
});
