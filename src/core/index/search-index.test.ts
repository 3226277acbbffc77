import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../normalize/normalize.ts';
import { seeds } from '../../../tests/support/corpus.ts';
import { SearchIndex } from './search-index.ts';

const TEXTS = ['芯片企业 risc-v', '片芯企业', '数据分析与数据挖掘', '晶体管 transformer'];

function indexOf(texts: readonly string[]): SearchIndex {
  const index = new SearchIndex();
  texts.forEach((t, i) => index.add(i + 1, t));
  return index;
}

describe('SearchIndex', () => {
  it('proposes every section holding all pairs of a term', () => {
    const index = indexOf(TEXTS);
    expect(index.candidates('芯片企业')?.sort()).toEqual([1]);
    expect(index.candidates('企业')?.sort()).toEqual([1, 2]);
    expect(index.candidates('数据挖掘')).toEqual([3]);
    expect(index.candidates('transformer')).toEqual([4]);
    expect(index.candidates('不在')).toEqual([]);
    expect(index.candidates('芯')).toBeNull();
  });

  it('is a superset of the sections containing each term on the seeds (every term, every shard)', () => {
    const texts = seeds().map((s) => normalizeText(s.text));
    const index = indexOf(texts);
    for (const [i, text] of texts.entries()) {
      for (let at = 0; at + 4 < text.length; at += 97) {
        const term = text.slice(at, at + 4);
        if (/\s/.test(term)) continue;
        expect(index.candidates(term)).toContain(i + 1);
      }
    }
  });

  it('forgets removed sections', () => {
    const index = indexOf(TEXTS);
    index.remove(2);
    expect(index.candidates('企业')).toEqual([1]);
    index.remove(1);
    expect(index.candidates('企业')).toEqual([]);
  });

  it('exports and imports to the same candidates', async () => {
    const index = indexOf(TEXTS);
    const chunks = await index.export();
    expect(chunks.length).toBeGreaterThan(0);
    const restored = new SearchIndex();
    restored.import(chunks);
    for (const term of ['企业', '数据挖掘', 'risc-v', '晶体']) expect(restored.candidates(term)?.sort()).toEqual(index.candidates(term)?.sort());
  });
});

describe('SearchIndex through removals, compactions and snapshots', () => {
  it('proposes a superset of the sections holding each term, never a removed one', async () => {
    const alphabet = fc.constantFrom(...'芯片企业数据 ab');
    fc.assert(
      await fc.asyncProperty(
        fc.array(fc.record({ id: fc.nat(40), text: fc.string({ unit: alphabet, maxLength: 20 }), op: fc.constantFrom('add', 'add', 'remove', 'compact', 'snapshot') }), { maxLength: 80 }),
        async (steps) => {
          let index = new SearchIndex();
          const live = new Map<number, string>();
          for (const { id, text, op } of steps) {
            if (op === 'add') (index.add(id, text), live.set(id, text));
            else if (op === 'remove') (index.remove(id), live.delete(id));
            else if (op === 'compact') index.compact();
            else {
              const restored = new SearchIndex();
              restored.import(await index.export());
              index = restored;
            }
          }
          for (const term of ['芯片', '片企', '数据企业', 'ab', 'ba', '企业 ']) {
            const probe = term.trim();
            const found = index.candidates(probe) ?? [];
            const holding = [...live].filter(([, t]) => t.includes(probe)).map(([id]) => id);
            expect(found).toEqual(expect.arrayContaining(holding));
            for (const id of found) expect(live.has(id)).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never writes into the snapshot it was imported from, and stays writable', async () => {
    const index = indexOf(TEXTS);
    const chunks = await index.export();
    const copies = chunks.map(([k, d]) => [k, d.slice()] as const);
    const restored = new SearchIndex();
    restored.import(chunks);
    restored.add(9, '芯片企业 again');
    restored.remove(1);
    restored.compact();
    expect(chunks).toEqual(copies);
    expect(restored.candidates('芯片企业')).toEqual([9]);
  });

  it('refuses a damaged or incomplete snapshot and is left empty', async () => {
    const chunks = await indexOf(TEXTS).export();
    const cut = chunks.map(([k, d]) => [k, k === 'pairs/3' ? d.subarray(0, d.length - 1) : d] as const);
    const index = indexOf(['芯片企业']);
    expect(() => index.import(cut)).toThrow(/damaged/);
    expect(index.candidates('芯片')).toEqual([]);
    expect(() => index.import(chunks.filter(([k]) => k !== 'slots'))).toThrow(/slot/);
  });

  it('refuses a snapshot whose fields lie: a count, a last slot, a Rice parameter, a section id', async () => {
    const chunks = await indexOf(TEXTS).export();
    /** The chunks with one 32-bit field of the first key holding postings changed (field 0: bytes, 1: count, 2: last slot, 3: Rice parameter). */
    const lying = (field: number, value: (old: number) => number) =>
      chunks.map(([k, d]): [string, Uint8Array] => {
        if (!k.startsWith('pairs/')) return [k, d];
        const copy = d.slice();
        const view = new DataView(copy.buffer);
        for (let key = 0; key < view.getInt32(0, true); key++) {
          if (view.getInt32(4 + key * 16, true) === 0) continue;
          const at = 4 + key * 16 + field * 4;
          view.setInt32(at, value(view.getInt32(at, true)), true);
          break;
        }
        return [k, copy];
      });
    const withIds = (ids: number[]) => chunks.map(([k, d]): [string, Uint8Array] => [k, k === 'slots' ? new Uint8Array(Int32Array.from(ids).buffer) : d]);
    const index = new SearchIndex();
    expect(() => index.import(lying(1, () => 2 ** 30))).toThrow(/damaged/);
    expect(() => index.import(lying(1, () => -1))).toThrow(/damaged/);
    expect(() => index.import(lying(2, () => TEXTS.length))).toThrow(/damaged/);
    expect(() => index.import(lying(3, () => 25))).toThrow(/damaged/);
    expect(() => index.import(lying(3, () => -2))).toThrow(/damaged/);
    // Rice codes of k = 24 take 25 bits each: more postings than the bytes can hold.
    expect(() => index.import(lying(3, () => 24))).toThrow(/damaged/);
    expect(() => index.import(withIds([1, 2, 3, 2 ** 30]), TEXTS.length + 1)).toThrow(/slot table/);
    expect(() => index.import(withIds([1, 2, 2, 4]))).toThrow(/slot table/);
    expect(() => index.import(withIds([1, -7, 3, 4]))).toThrow(/slot table/);
    // The same snapshot, untouched, is taken with the library's id limit.
    index.import(chunks, TEXTS.length + 1);
    expect(index.candidates('企业')?.sort()).toEqual([1, 2]);
  });
});
