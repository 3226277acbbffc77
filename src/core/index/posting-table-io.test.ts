import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PostingTable } from './posting-table.ts';
import { exportTable, readTable } from './posting-table-io.ts';
import { finish } from '../slices.ts';

/** The table read back, every chunk checked. */
function importTable(chunks: readonly Uint8Array[], keys: number, slots: number, maxCount: number): PostingTable {
  return finish(readTable(chunks, keys, slots, maxCount));
}

const KEYS = 64;
const MAX_COUNT = 16;

/** Every key's postings, read back: [key, slot, count]. */
function contents(table: PostingTable): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let key = 0; key < KEYS; key++) table.forEach(key, (slot, count) => out.push([key, slot, count]));
  return out;
}

/** A table of `slots` slots, each holding some keys (sparse ones as gaps, common ones as bitsets). */
function tableOf(rows: readonly (readonly [number, number][])[]): PostingTable {
  const table = new PostingTable(KEYS);
  rows.forEach((row, slot) => {
    const seen = new Set<number>();
    for (const [key, count] of row) if (!seen.has(key)) seen.add(key) && table.append(key, slot, count);
  });
  return table;
}

const row = fc.array(fc.tuple(fc.oneof(fc.constantFrom(0, 1), fc.nat(KEYS - 1)), fc.oneof({ arbitrary: fc.constant(1), weight: 5 }, fc.integer({ min: 2, max: MAX_COUNT }))), { maxLength: 6 });

describe('PostingTable chunks', () => {
  it('read back hold exactly what was written, gaps and bitsets, counts included', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 300 }), (rows) => {
        const table = tableOf(rows);
        const chunks = exportTable(table, rows.length);
        expect(contents(importTable(chunks, KEYS, rows.length, MAX_COUNT))).toEqual(contents(table));
      }),
    );
  });

  it('keeps every key exact as keys packed into shared buffers, or read from one chunk, are appended to and packed again', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 3, maxLength: 300 }), fc.nat(), fc.nat(), (rows, a, b) => {
        const [first, second] = [a % rows.length, b % rows.length].sort((x, y) => x - y);
        const expected: [number, number, number][] = [];
        const append = (table: PostingTable, from: number, to: number) => {
          for (let slot = from; slot < to; slot++) {
            const seen = new Set<number>();
            for (const [key, count] of rows[slot]!) if (!seen.has(key)) (seen.add(key), table.append(key, slot, count), expected.push([key, slot, count]));
          }
        };
        const table = new PostingTable(KEYS);
        append(table, 0, first!);
        table.trim(first!);
        append(table, first!, second!);
        const read = importTable(exportTable(table, second!), KEYS, second!, MAX_COUNT);
        append(read, second!, rows.length);
        const sorted = () => [...expected].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
        expect(contents(read)).toEqual(sorted());
        read.trim(rows.length);
        expect(contents(read)).toEqual(sorted());
      }),
    );
  });

  it('reads back a key whose counts other than 1 all come early (a count bitmap shorter than its postings)', () => {
    const rows = Array.from({ length: 100 }, (_, slot) => [[5, slot === 0 ? 4 : 1]] as [number, number][]);
    const table = tableOf(rows);
    expect(contents(importTable(exportTable(table, rows.length), KEYS, rows.length, MAX_COUNT))).toEqual(contents(table));
  });

  it('refuses a chunk with any one bit changed, in a header, a list, a count or the checksum', () => {
    const rows = Array.from({ length: 300 }, (_, slot) => [[0, 1], [1, slot % 5 === 0 ? 3 : 1], [2 + (slot % 40), 1]] as [number, number][]);
    const [chunk] = exportTable(tableOf(rows), rows.length);
    for (let bit = 0; bit < chunk!.length * 8; bit++) {
      const tampered = chunk!.slice();
      tampered[bit >>> 3]! ^= 1 << (bit & 7);
      expect(() => importTable([tampered], KEYS, rows.length, MAX_COUNT), `bit ${bit}`).toThrow(/checksum/);
    }
  });

  it('refuses a chunk whose any field lies, or that is cut short', () => {
    const rows = Array.from({ length: 200 }, (_, slot) => [[0, 1], [1, slot % 5 === 0 ? 3 : 1], [2 + (slot % 40), 1]] as [number, number][]);
    const [chunk] = exportTable(tableOf(rows), rows.length);
    expect(() => importTable([chunk!], KEYS, rows.length, MAX_COUNT)).not.toThrow();
    const ints = new Int32Array(chunk!.buffer);
    // Each header field of the first keys, and some payload words, changed in turn.
    for (let at = 0; at < Math.min(ints.length, 64); at++) {
      for (const change of [1, -1, 1 << 20]) {
        const copy = new Int32Array(ints);
        copy[at] = copy[at]! + change;
        const tampered = new Uint8Array(copy.buffer);
        let read: PostingTable | undefined;
        try {
          read = importTable([tampered], KEYS, rows.length, MAX_COUNT);
        } catch {
          continue;
        }
        // Taken only if what it holds is still well formed: slots in range, counts in range.
        for (const [key, slot, count] of contents(read)) {
          expect(key).toBeLessThan(KEYS);
          expect(slot).toBeLessThan(rows.length);
          expect(count).toBeGreaterThanOrEqual(1);
          expect(count).toBeLessThanOrEqual(MAX_COUNT);
        }
      }
    }
    expect(() => importTable([chunk!.slice(0, chunk!.length - 4)], KEYS, rows.length, MAX_COUNT)).toThrow();
    expect(() => importTable([chunk!], KEYS, rows.length - 1, MAX_COUNT)).toThrow();
  });
});
