import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PendingPostings } from './pending-postings.ts';
import { PostingTable } from './posting-table.ts';
import { VarintPostings } from './varint-postings.ts';

/** An operation on a stage: stage a posting of a key (the next slot), take one key, or take all. */
const operation = fc.oneof(
  { weight: 8, arbitrary: fc.record({ push: fc.nat(7), count: fc.integer({ min: 1, max: 9 }) }) },
  { weight: 1, arbitrary: fc.record({ drainKey: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.constant({ drain: true }) },
);

describe('PendingPostings', () => {
  it('hands over each key’s postings once, in the order staged, whether taken alone or all at once', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 300 }), (ops) => {
        const stage = new PendingPostings(8);
        const staged = Array.from({ length: 8 }, () => [] as [number, number][]);
        const written = Array.from({ length: 8 }, () => [] as [number, number][]);
        const write = (key: number, slots: Int32Array, counts: Uint8Array, from: number, to: number) => {
          for (let k = from; k < to; k++) written[key]!.push([slots[k]!, counts[k]!]);
        };
        let slot = 0;
        for (const op of ops) {
          if ('push' in op) {
            stage.push(op.push, slot, op.count);
            staged[op.push]!.push([slot++, op.count]);
          } else if ('drainKey' in op) {
            stage.drainKey(op.drainKey, write);
            // What is written of the key taken is all that was staged of it.
            expect(written[op.drainKey]).toEqual(staged[op.drainKey]);
          } else stage.drain(write);
        }
        stage.drain(write);
        expect(written).toEqual(staged);
      }),
    );
  });

  it('is written whole once many keys were taken alone since', () => {
    const stage = new PendingPostings(64);
    for (let key = 0; key < 64; key++) stage.push(key, key, 1);
    for (let key = 0; key < 16; key++) stage.drainKey(key, () => {});
    expect(stage.drainWhole).toBe(true);
    stage.drain(() => {});
    expect(stage.drainWhole).toBe(false);
  });

  it('takes a key with nothing staged without a scan, which does not count toward writing it whole', () => {
    const stage = new PendingPostings(64);
    stage.push(0, 0, 1);
    let writes = 0;
    for (let key = 1; key < 64; key++) stage.drainKey(key, () => writes++);
    expect(writes).toBe(0);
    expect(stage.drainWhole).toBe(false);
  });
});

describe('a search during an import writes only the keys it reads', () => {
  /** Postings of `keys` keys over `sections` slots, each section holding every key. */
  const fill = (append: (key: number, slot: number) => void, keys: number, sections: number) => {
    for (let slot = 0; slot < sections; slot++) for (let key = 0; key < keys; key++) append(key, slot);
  };

  it('VarintPostings: reading one key leaves the others staged, and every key reads all its slots', () => {
    const postings = new VarintPostings(64);
    fill((key, slot) => postings.append(key, slot), 64, 100);
    expect(Array.from(postings.slots(3))).toEqual(Array.from({ length: 100 }, (_, i) => i));
    // Only key 3 has a list of its own so far; the rest waits in the stage.
    expect(postings.buffers).toBe(1);
    for (let key = 0; key < 64; key++) expect(postings.count(key)).toBe(100);
  });

  it('PostingTable: reading one key leaves the others staged, and every key reads all its postings', () => {
    const table = new PostingTable(64);
    fill((key, slot) => table.append(key, slot, 1 + (slot % 3)), 64, 100);
    const read = (key: number) => {
      const out: [number, number][] = [];
      table.forEach(key, (slot, count) => out.push([slot, count]));
      return out;
    };
    const expected = Array.from({ length: 100 }, (_, slot) => [slot, 1 + (slot % 3)]);
    expect(read(5)).toEqual(expected);
    expect(table.keysWritten).toBe(1);
    for (let key = 0; key < 64; key++) expect(read(key)).toEqual(expected);
  });
});
