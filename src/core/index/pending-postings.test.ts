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
  /** A stage of `size` over `keys` keys, and what it wrote of each key, in order. */
  const writtenBy = (keys: number, size?: number) => {
    const written = Array.from({ length: keys }, () => [] as [number, number][]);
    const stage = new PendingPostings(keys, (key, slots, counts, from, to) => {
      for (let k = from; k < to; k++) written[key]!.push([slots[k]!, counts[k]!]);
    }, size);
    return { stage, written };
  };

  it('hands over each key’s postings once, in the order staged, whether taken alone, all at once, or as a full stage is written', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 300 }), fc.constantFrom(4, 16, 64, 1024), (ops, size) => {
        const { stage, written } = writtenBy(8, size);
        const staged = Array.from({ length: 8 }, () => [] as [number, number][]);
        let slot = 0;
        for (const op of ops) {
          if ('push' in op) {
            stage.push(op.push, slot, op.count);
            staged[op.push]!.push([slot++, op.count]);
          } else if ('drainKey' in op) {
            stage.drainKey(op.drainKey);
            // What is written of the key taken is all that was staged of it.
            expect(written[op.drainKey]).toEqual(staged[op.drainKey]);
          } else stage.drain();
          // Never more than was staged, and never out of order.
          written.forEach((w, key) => expect(w).toEqual(staged[key]!.slice(0, w.length)));
        }
        stage.drain();
        expect(written).toEqual(staged);
      }),
    );
  });

  it('writes a full stage a part at a time as the next one fills, not at once', () => {
    const size = 64 * 16;
    const { stage, written } = writtenBy(size, size);
    const count = () => written.reduce((n, w) => n + w.length, 0);
    // One posting of each key: a full stage.
    for (let key = 0; key < size; key++) stage.push(key, key, 1);
    expect(count()).toBe(0);
    // The next posting sorts the stage out; each 16 staged after it write 32 of it.
    stage.push(0, size, 1);
    expect(count()).toBe(0);
    for (let k = 1; k <= 16; k++) stage.push(0, size + k, 1);
    expect(count()).toBe(32);
    for (let k = 17; k <= size / 2; k++) stage.push(0, size + k, 1);
    expect(count()).toBe(size);
    // The rest is written when asked for.
    stage.drain();
    expect(count()).toBe(size + size / 2 + 1);
  });

  it('drains an eighth of a stage at a time, any key taken alone in between', () => {
    const size = 64 * 16;
    const { stage, written } = writtenBy(64, size);
    const count = () => written.reduce((n, w) => n + w.length, 0);
    for (let slot = 0; slot < size; slot++) stage.push(slot % 64, slot, 1);
    let steps = 0;
    for (const _ of stage.drainInSlices()) {
      steps++;
      // Keys of 16 postings each, until an eighth of the stage is written; and the key taken alone before.
      expect(count()).toBe(Math.min(size, steps * (size / 8) + (steps > 1 ? 16 : 0)));
      stage.drainKey(63);
      expect(written[63]).toHaveLength(16);
    }
    expect(steps).toBe(8);
    expect(written.map((w) => w.map(([slot]) => slot))).toEqual(Array.from({ length: 64 }, (_, key) => Array.from({ length: 16 }, (_, k) => key + 64 * k)));
  });

  it('sorts the stage out once many keys were taken alone since, and then writes it as more are staged', () => {
    const size = 64 * 16;
    const { stage, written } = writtenBy(64, size);
    const count = () => written.reduce((n, w) => n + w.length, 0);
    // Four postings of each key: a quarter of a stage.
    for (let slot = 0; slot < 4 * 64; slot++) stage.push(slot % 64, slot, 1);
    for (let key = 0; key < 16; key++) stage.drainKey(key);
    expect(count()).toBe(16 * 4);
    // The 17th key is taken from the stage sorted out, the rest of which is written as more is staged.
    stage.drainKey(16);
    expect(written[16]).toHaveLength(4);
    expect(count()).toBe(17 * 4);
    for (let k = 0; k < size / 64; k++) stage.push(63, 4 * 64 + k, 1);
    expect(count()).toBe(17 * 4 + (2 * size) / 64);
  });

  it('takes a key with nothing staged without a scan, which does not count toward sorting the stage out', () => {
    const { stage, written } = writtenBy(64, 64 * 16);
    stage.push(0, 0, 1);
    for (let round = 0; round < 2; round++) for (let key = 1; key < 64; key++) stage.drainKey(key);
    expect(written.flat()).toHaveLength(0);
    // Not sorted out: staging a 64th of a stage writes nothing.
    for (let slot = 1; slot <= 16; slot++) stage.push(1, slot, 1);
    expect(written.flat()).toHaveLength(0);
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
