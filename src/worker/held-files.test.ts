import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FileRecord } from '../shared/records.ts';
import { gapRuns, gapsOf, HeldFiles } from './held-files.ts';

const record = (id: number, sectionIds: number[], originalGaps?: string[]): FileRecord => ({
  id,
  name: `f${id}.txt`,
  path: `d/f${id}.txt`,
  size: 10,
  hash: `h${id}`,
  encoding: 'utf-8',
  bom: false,
  addedAt: id,
  sectionIds,
  ...(originalGaps && { originalGaps }),
});

describe('HeldFiles', () => {
  it('gives back every record as it was given, ids following one another or not, gaps of any text', () => {
    const gap = fc.oneof(fc.constantFrom('', '\n', '\n\n', '\u0000', '"', '\\', '1'), fc.string({ unit: 'binary', maxLength: 5 }));
    const file = fc.record({
      first: fc.nat(1000),
      steps: fc.array(fc.oneof({ arbitrary: fc.constant(1), weight: 5 }, fc.integer({ min: 2, max: 9 })), { maxLength: 40 }),
      gaps: fc.option(fc.array(gap, { maxLength: 41 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(file, { maxLength: 8 }), (files) => {
        const held = new HeldFiles();
        const records = files.map(({ first, steps, gaps }, id) => {
          const ids = steps.reduce((out, step) => [...out, out.at(-1)! + step], [first]).slice(0, steps.length);
          return record(id, ids, gaps);
        });
        for (const r of records) held.set(r);
        for (const r of records) {
          expect(held.get(r.id)).toEqual(r);
          expect(held.sectionIds(r.id)).toEqual(r.sectionIds);
        }
        expect([...held.values()]).toEqual(records);
        expect([...held.summaries()].map((s) => [s.sections, s.firstSectionId])).toEqual(records.map((r) => [r.sectionIds.length, r.sectionIds[0]]));
      }),
    );
  });

  it('holds a hundred equal gaps as one run', () => {
    const gaps = ['', ...Array<string>(99).fill('\n\n'), ''];
    expect(gapRuns(gaps)).toBe('["",1,"\\n\\n",99,"",1]');
    expect(gapsOf(gapRuns(gaps))).toEqual(gaps);
  });

  it('forgets a deleted record, and all of them on clear', () => {
    const held = new HeldFiles();
    held.set(record(1, [5, 6, 7]));
    held.set(record(2, [8]));
    held.delete(1);
    expect([held.has(1), held.get(1), held.sectionIds(1), held.size]).toEqual([false, undefined, [], 1]);
    held.clear();
    expect(held.size).toBe(0);
  });
});
