import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyPostings } from './key-postings.ts';

/** What a table's trim does to one key: bitset to `words`, arrays packed into fresh buffers. */
function trim(p: KeyPostings, words: number): void {
  p.resize(words);
  p.pack({ bytes: new Uint8Array(p.packBytes + 3), byteAt: 0, words: new Uint32Array(p.packWords), wordAt: 0 });
}

/** Appends one posting (a run of one). */
function appendOne(p: KeyPostings, slot: number, count: number, words: number): void {
  p.append(Int32Array.of(slot), Uint8Array.of(count), 0, 1, words);
}

describe('KeyPostings', () => {
  it('gives back every slot and count, in order, as gaps (varints, then Rice codes once packed), as a bitset and after trims', () => {
    const posting = fc.record({
      gap: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 5_000 })),
      count: fc.oneof({ arbitrary: fc.constant(1), weight: 6 }, fc.integer({ min: 2, max: 16 })),
      // Postings come in runs, as a table writes a key's staged ones: a run may turn the key dense midway.
      endsRun: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(posting, { maxLength: 400 }), fc.array(fc.nat(400), { maxLength: 3 }), (postings, trims) => {
        const p = new KeyPostings(1);
        const expected: [number, number][] = [];
        let slot = -1;
        let words = 1;
        let run: [number, number][] = [];
        postings.forEach(({ gap, count, endsRun }, i) => {
          slot += gap;
          expected.push([slot, count]);
          run.push([slot, count]);
          if (!endsRun && !trims.includes(i) && i < postings.length - 1) return;
          // The table's bitsets grow as slots do, and shrink to size on a trim.
          while (slot >>> 5 >= words) words *= 2;
          p.resize(words);
          // Read from an offset into the table's arrays, as a table hands a key its part.
          p.append(Int32Array.from([-7, ...run.map(([s]) => s)]), Uint8Array.from([9, ...run.map(([, c]) => c)]), 1, run.length + 1, words);
          run = [];
          if (trims.includes(i)) {
            words = (slot >>> 5) + 1;
            trim(p, words);
          }
        });
        const seen: [number, number][] = [];
        p.forEach((s, c) => seen.push([s, c]));
        expect(seen).toEqual(expected);
        expect(p.size).toBe(expected.length);
        const bits = new Uint32Array(Math.max(words, (slot >>> 5) + 1));
        p.orInto(bits);
        const set: number[] = [];
        for (let at = 0; at < bits.length; at++) {
          if (bits[at] === 0) continue;
          for (let b = 0; b < 32; b++) if ((bits[at]! >>> b) & 1) set.push(at * 32 + b);
        }
        expect(set).toEqual(expected.map(([s]) => s));
      }),
      { numRuns: 100 },
    );
  });

  it('packs gaps of a few hundred as Rice codes, in fewer bytes than varints, and appends after them', () => {
    const p = new KeyPostings(1);
    const slots = Array.from({ length: 1000 }, (_, i) => i * 200 + (i % 7));
    const words = Math.ceil(300_000 / 32);
    for (const slot of slots) appendOne(p, slot, 1, words);
    const varintBytes = p.state.gaps!.length;
    trim(p, words);
    expect(p.state.rice).toBeGreaterThan(0);
    expect(p.state.gaps!.length).toBeLessThan(varintBytes * 0.7);
    appendOne(p, 250_000, 3, words);
    const seen: [number, number][] = [];
    p.forEach((s, c) => seen.push([s, c]));
    expect(seen).toEqual([...slots.map((s) => [s, 1]), [250_000, 3]]);
    expect(p.state.rice).toBe(-1);
  });

  it('packs a bitset as Rice codes where those are shorter (a key in a fifth of the slots), and keeps it where not (in nine tenths)', () => {
    const words = Math.ceil(20_000 / 32);
    const filled = (every: (slot: number) => boolean) => {
      const p = new KeyPostings(1);
      const slots: number[] = [];
      for (let slot = 0; slot < 20_000; slot++) if (every(slot)) (appendOne(p, slot, 1 + (slot % 3 === 0 ? 1 : 0), words), slots.push(slot));
      return { p, slots };
    };
    const listed = (p: KeyPostings) => {
      const seen: [number, number][] = [];
      p.forEach((s, c) => seen.push([s, c]));
      return seen;
    };
    const sparse = filled((slot) => (slot * 7919) % 5 === 0);
    expect(sparse.p.state.bits).not.toBeNull();
    trim(sparse.p, words);
    expect(sparse.p.state.bits).toBeNull();
    expect(sparse.p.state.rice).toBeGreaterThanOrEqual(0);
    expect(sparse.p.state.gaps!.length).toBeLessThan(words * 4);
    expect(listed(sparse.p)).toEqual(sparse.slots.map((s) => [s, 1 + (s % 3 === 0 ? 1 : 0)]));
    // Appended to, it is a bitset again (the varints it unpacks to outweigh one).
    appendOne(sparse.p, 20_000, 1, words + 1);
    expect(sparse.p.state.bits).not.toBeNull();
    expect(listed(sparse.p)).toEqual([...sparse.slots.map((s) => [s, 1 + (s % 3 === 0 ? 1 : 0)]), [20_000, 1]]);

    const dense = filled((slot) => slot % 10 !== 0);
    trim(dense.p, words);
    expect(dense.p.state.bits).not.toBeNull();
    expect(listed(dense.p)).toEqual(dense.slots.map((s) => [s, 1 + (s % 3 === 0 ? 1 : 0)]));
  });
});
