import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SectionColumns, SectionRecord } from '../shared/records.ts';
import { fromColumns, toColumns } from './section-columns.ts';

const optionalText = fc.option(fc.string({ maxLength: 12, unit: 'binary' }), { nil: undefined });
const record: fc.Arbitrary<SectionRecord> = fc
  .record({
    id: fc.nat(),
    fileId: fc.nat(),
    index: fc.nat(1000),
    title: fc.string({ maxLength: 8, unit: 'binary' }),
    norm: fc.string({ maxLength: 40, unit: 'binary' }),
    drift: fc.option(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { maxLength: 6 }), { nil: undefined }),
    url: optionalText,
    source: optionalText,
    date: optionalText,
    text: optionalText,
    normTitle: optionalText,
    script: fc.option(fc.constantFrom('hans' as const, 'hant' as const), { nil: undefined }),
    patch: optionalText,
  })
  // A field a record does not have is absent, as the engine's records may leave it.
  .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as unknown as SectionRecord);

describe('section columns', () => {
  it('give back every record of every file, field for field (undefined where it has none)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(record, { maxLength: 6 }), { maxLength: 5 }), (files) => {
        const back = fromColumns(structuredClone(toColumns(files)))!;
        expect(back).toEqual(files);
        // No field a record has is lost: the same fields are defined on both sides.
        const defined = (r: SectionRecord) => Object.keys(r).filter((key) => r[key as keyof SectionRecord] !== undefined).sort();
        expect(back.flat().map(defined)).toEqual(files.flat().map(defined));
      }),
      { numRuns: 300 },
    );
  });

  it('refuse columns that do not add up', () => {
    const files: SectionRecord[][] = [
      [{ id: 1, fileId: 1, index: 0, title: 't', norm: 'a', drift: [3, 4], source: 's' }],
      [{ id: 2, fileId: 2, index: 0, title: 'u', norm: 'b', drift: [] }, { id: 3, fileId: 2, index: 1, title: 'v', norm: 'c' }],
    ];
    const good = toColumns(files);
    expect(fromColumns(good)).toEqual(files);
    const broken = [
      { ...good, counts: Int32Array.from([1, 3]) },
      { ...good, counts: Int32Array.from([-1, 4]) },
      { ...good, norms: good.norms.slice(1) },
      { ...good, ids: good.ids.subarray(1) },
      { ...good, drifts: [3] },
      { ...good, driftLengths: Int32Array.from([2, 1, -1]) },
      { ...good, optional: { source: ['s'] } },
      { ...good, titles: [1, 2, 3] as unknown as string[] },
      { ...good, fileIds: [1, 2, 2] as unknown as Int32Array },
      { ...good, optional: undefined as unknown as SectionColumns['optional'] },
    ];
    for (const columns of broken) expect(fromColumns(columns)).toBeNull();
  });
});
