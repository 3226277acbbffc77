import { describe, expect, it } from 'vitest';
import { FacetCodes } from './facet-codes.ts';

describe('FacetCodes', () => {
  it('keeps every code, in two bytes until a kind has more than 65 535 values, then in four', () => {
    const codes = new FacetCodes();
    const folder = codes.folderCode('poems');
    const sources = 70_000;
    for (let id = 0; id < sources; id++) codes.set(id, `author ${id}`, id % 2 ? '1980-01-01' : '', folder);
    expect(codes.table).toBeInstanceOf(Int32Array);
    for (const id of [0, 1, 65_534, 65_535, 65_536, sources - 1]) {
      expect(codes.values(0)[codes.code(id, 0)]).toBe(`author ${id}`);
      expect(codes.values(1)[codes.code(id, 1)]).toBe(id % 2 ? '1980' : '');
      expect(codes.values(2)[codes.code(id, 2)]).toBe('poems');
    }
    const few = new FacetCodes();
    few.set(5, 'a', '', 0);
    expect(few.table).toBeInstanceOf(Uint16Array);
  });
});
