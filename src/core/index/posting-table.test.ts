import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PostingTable } from './posting-table.ts';
import { exportTable } from './posting-table-io.ts';

const KEYS = 32;

/** Every key's postings as a table reads them: [key, slot, count]. */
function contents(table: PostingTable): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let key = 0; key < KEYS; key++) table.forEach(key, (slot, count) => out.push([key, slot, count]));
  return out;
}

/** A table holding `postings` ([key, slot, count], slots increasing), and the same written out by key. */
function tableOf(postings: readonly [number, number, number][]): { table: PostingTable; expected: [number, number, number][] } {
  const table = new PostingTable(KEYS);
  for (const [key, slot, count] of postings) table.append(key, slot, count);
  return { table, expected: [...postings].sort((a, b) => a[0] - b[0] || a[1] - b[1]) };
}

/** Postings over `slots` slots: each key in some of them (a few keys in most, as common characters are). */
const postingsOf = (slots: number, keyIn: (key: number, slot: number) => boolean) =>
  Array.from({ length: slots }, (_, slot) => Array.from({ length: KEYS }, (_, key) => key).filter((key) => keyIn(key, slot)).map((key): [number, number, number] => [key, slot, 1 + ((key + slot) % 3)])).flat();

describe('PostingTable.trimInSlices', () => {
  it('leaves every key readable and exact between its steps, and ends as a trim in one go does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 0, max: 1 << 30 }), fc.integer({ min: 16, max: 400 }), (slots, seed, stepBytes) => {
        const keyIn = (key: number, slot: number) => key < 3 || ((seed ^ (key * 7919) ^ (slot * 104729)) >>> 0) % (key + 2) === 0;
        const { table, expected } = tableOf(postingsOf(slots, keyIn));
        for (const _ of table.trimInSlices(slots, stepBytes)) expect(contents(table)).toEqual(expected);
        expect(contents(table)).toEqual(expected);
        const whole = tableOf(postingsOf(slots, keyIn)).table;
        whole.trim(slots);
        expect(exportTable(table, slots)).toEqual(exportTable(whole, slots));
      }),
      { numRuns: 60 },
    );
  });

  it('pauses about every `stepBytes` packed, not once per table', () => {
    const { table } = tableOf(postingsOf(4_000, (key, slot) => (slot * (key + 1)) % 5 === 0));
    let steps = 0;
    for (const _ of table.trimInSlices(4_000, 256)) steps++;
    expect(steps).toBeGreaterThan(10);
  });

  it('refuses an append between two steps (its buffers were sized for what the keys held)', () => {
    const { table } = tableOf(postingsOf(2_000, (key, slot) => (slot + key) % 4 === 0));
    const trimming = table.trimInSlices(2_000, 64);
    expect(trimming.next().done).toBe(false);
    expect(() => table.append(1, 2_000, 1)).toThrow(/trimmed/);
    for (const _ of trimming);
    table.append(1, 2_000, 1);
    let last = -1;
    table.forEach(1, (slot) => (last = slot));
    expect(last).toBe(2_000);
  });
});
