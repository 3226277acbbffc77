import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orRiceInto, readRice, riceParameter, varintsAsRice, writeRice } from './rice.ts';
import { writeGap } from './varint.ts';

/** Increasing slots from gaps of a few sizes: runs of neighbours, a mean, and far jumps. */
const slotList = fc
  .array(fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 2_000_000 })), { minLength: 1, maxLength: 300 })
  .map((gaps) => {
    let slot = -1;
    return gaps.map((g) => (slot += g)).filter((s) => s < 1 << 24);
  })
  .filter((slots) => slots.length > 0);


/** Every slot {@link readRice} gives of `bytes`. */
function read(bytes: Uint8Array, count: number, k: number, from: number, end: number): number[] {
  const out: number[] = [];
  readRice(bytes, count, k, (slot) => void out.push(slot), from, end);
  return out;
}

/** A bitset of `words` words holding `slots`. */
function bitsOf(slots: readonly number[], words: number): Uint32Array {
  const bits = new Uint32Array(words);
  for (const s of slots) bits[s >>> 5]! |= 1 << (s & 31);
  return bits;
}

describe('Rice-coded slots', () => {
  it('read back exactly as written, at any offset and with any k, in the bytes the writer says', () => {
    fc.assert(
      fc.property(slotList, fc.nat(5), fc.integer({ min: -2, max: 2 }), (slots, offset, off) => {
        const k = Math.max(0, Math.min(24, riceParameter(slots.length, slots.at(-1)!) + off));
        const out = new Uint8Array(offset + 8 * slots.length + 8);
        const bytes = writeRice(out, offset, k, Int32Array.from(slots), slots.length);
        expect(out.subarray(offset + bytes).every((b) => b === 0)).toBe(true);
        expect(read(out, slots.length, k, offset, offset + bytes)).toEqual(slots);
        // Cut right after the codes, so that the last words are read byte by byte.
        expect(read(out.slice(0, offset + bytes), slots.length, k, offset, offset + bytes)).toEqual(slots);
        const ored = new Uint32Array((slots.at(-1)! >>> 5) + 1);
        orRiceInto(out, slots.length, k, ored, offset, offset + bytes);
        expect(ored).toEqual(bitsOf(slots, ored.length));
        // Exactly the bits of the codes: a quotient in unary, a one, k bits of remainder.
        const bits = slots.reduce((sum, s, i) => sum + ((s - (i === 0 ? -1 : slots[i - 1]!) - 1) >>> k) + 1 + k, 0);
        expect(bytes).toBe(Math.ceil(bits / 8));
      }),
    );
  });

  it('takes fewer bytes than 7-bit varints for gaps around a mean of 60, as a pinyin table has', () => {
    // Gaps of 1 + an exponential of mean 59 (one in nine takes two varint bytes).
    let slot = -1;
    let seed = 1;
    const uniform = () => (seed = (seed * 48271) % 0x7fffffff) / 0x7fffffff;
    const slots = Int32Array.from({ length: 10_000 }, () => (slot += 1 + Math.floor(-Math.log(1 - uniform()) * 59)));
    const k = riceParameter(slots.length, slot);
    const varintBytes = slots.reduce((sum, s, i) => sum + (s - (i === 0 ? -1 : slots[i - 1]!) < 128 ? 1 : 2), 0);
    expect(writeRice(new Uint8Array(20_000), 0, k, slots, slots.length)).toBeLessThan(varintBytes * 0.9);
  });

  it('reads a list longer than a decoding batch whole, and stops when asked, also while another list is read inside', () => {
    const slots = Int32Array.from({ length: 10_000 }, (_, i) => i * 4 + (i % 3));
    const k = riceParameter(slots.length, slots.at(-1)!);
    const bytes = new Uint8Array(slots.length * 4 + 8);
    const used = writeRice(bytes, 0, k, slots, slots.length);
    expect(read(bytes, slots.length, k, 0, used)).toEqual([...slots]);
    const seen: number[] = [];
    const inner: number[][] = [];
    readRice(bytes, slots.length, k, (slot, n) => {
      seen.push(slot);
      // A reading inside a reading, at the first slot of each batch.
      if (n % 4096 === 0) inner.push(read(bytes, 5000, k, 0, used));
      return n < 8999;
    }, 0, used);
    expect(seen).toEqual([...slots.slice(0, 9000)]);
    for (const list of inner) expect(list).toEqual([...slots.slice(0, 5000)]);
    expect(inner).toHaveLength(3);
  });

  it('stops at the end of its bytes when they hold fewer codes than asked for', () => {
    expect(read(new Uint8Array(16), 5, 3, 0, 16)).toEqual([]);
    const out = new Uint8Array(1);
    writeRice(out, 0, 0, Int32Array.from([0, 1, 2]), 3);
    expect(read(out, 100, 0, 0, 1)).toEqual([0, 1, 2]);
  });

  it('are written from varints only where shorter, leaving the bytes zero otherwise', () => {
    fc.assert(
      fc.property(slotList, (slots) => {
        const varints = new Uint8Array(slots.length * 4);
        let used = 0;
        slots.forEach((s, i) => (used = writeGap(varints, used, s - (i === 0 ? -1 : slots[i - 1]!))));
        const out = new Uint8Array(used + 8);
        const rice = varintsAsRice(out, 0, varints, slots.length, slots.at(-1)!, 0, used);
        if (rice === null) expect(out.every((b) => b === 0)).toBe(true);
        else {
          expect(rice.bytes).toBeLessThan(used);
          expect(read(out, slots.length, rice.k, 0, rice.bytes)).toEqual(slots);
        }
      }),
    );
  });
});
