import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ByteSlab } from './byte-slab.ts';
import { VarintPostings } from './varint-postings.ts';

const KEYS = 4600;

/** What a VarintPostings holds, written out plainly: the reference the property compares with. */
type Reference = Map<number, number[]>;

const op = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('append' as const), key: fc.oneof(fc.nat(3), fc.nat(KEYS - 1)), gap: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 40_000 })) }), weight: 12 },
  fc.record({ kind: fc.constant('trim' as const) }),
  fc.record({ kind: fc.constant('snapshot' as const) }),
  fc.record({ kind: fc.constant('renumber' as const), drop: fc.nat(3) }),
);

/** Every key's slots, as `slots` gives them, and a `keep` against a list of every 3rd slot. */
function expectSame(p: VarintPostings, reference: Reference, slotLimit: number): void {
  const every3rd = Int32Array.from({ length: Math.ceil(slotLimit / 3) }, (_, k) => k * 3);
  for (let key = 0; key < KEYS; key++) expect(p.count(key)).toBe(reference.get(key)?.length ?? 0);
  for (const [key, slots] of reference) {
    expect([...p.slots(key)]).toEqual(slots);
    expect([...p.keep(key, every3rd)]).toEqual(slots.filter((s) => s % 3 === 0));
  }
}

/** A copy through `exportRange` / `importRange`, in ranges other than the packs'. */
function throughSnapshot(p: VarintPostings, slots: number): VarintPostings {
  const copy = new VarintPostings(KEYS);
  for (let from = 0; from < KEYS; from += 1000) copy.importRange(from, p.exportRange(from, Math.min(KEYS, from + 1000)), slots);
  return copy;
}

describe('VarintPostings', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives growing lists their room from its slab (a buffer per growth was hundreds of thousands)', () => {
    const p = new VarintPostings(1 << 16);
    const slabbed = vi.spyOn(ByteSlab.prototype, 'alloc');
    // 4 000 keys, each list grown several times (8 bytes, then doubling), read as it grows.
    for (let slot = 0; slot < 400; slot++) {
      for (let key = 0; key < 4000; key++) p.append(key * 16, slot);
      if (slot % 50 === 49) for (let key = 0; key < 4000; key++) p.count(key * 16);
    }
    expect(slabbed.mock.calls.length).toBeGreaterThanOrEqual(4000 * 3);
    for (let key = 0; key < 4000; key++) expect([...p.slots(key * 16)]).toEqual([...Array(400).keys()]);
  });

  it('gives back every slot of every key through appends, packing, snapshots and renumbering', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        let p = new VarintPostings(KEYS);
        let reference: Reference = new Map();
        let slot = 0;
        for (const o of ops) {
          if (o.kind === 'append') {
            slot += o.gap;
            p.append(o.key, slot);
            reference.set(o.key, [...(reference.get(o.key) ?? []), slot]);
          } else if (o.kind === 'trim') p.trim();
          else if (o.kind === 'snapshot') p = throughSnapshot(p, slot + 1);
          else {
            // Drops every slot ≡ drop (mod 4) and numbers the rest densely.
            const renumber = new Int32Array(slot + 1);
            let next = 0;
            for (let s = 0; s <= slot; s++) renumber[s] = s % 4 === o.drop ? -1 : next++;
            p.renumber(renumber);
            reference = new Map([...reference].map(([key, slots]) => [key, slots.filter((s) => renumber[s] !== -1).map((s) => renumber[s]!)] as [number, number[]]).filter(([, slots]) => slots.length > 0));
            slot = Math.max(0, next - 1);
          }
        }
        expectSame(p, reference, slot + 1);
      }),
      { numRuns: 40 },
    );
  });

  it('holds its lists in a buffer per 4096 keys once trimmed, not one per key', () => {
    const p = new VarintPostings(1 << 16);
    for (let slot = 0; slot < 3000; slot++) for (let k = 0; k < 40; k++) p.append((slot * 7919 + k * 104_729) & 0xffff, slot);
    // Staged until read: reading every key writes each list into a buffer of its own.
    for (let key = 0; key < 1 << 16; key++) p.count(key);
    expect(p.buffers).toBeGreaterThan(50_000);
    p.trim();
    expect(p.buffers).toBe(16);
    const copy = new VarintPostings(1 << 16);
    for (let s = 0; s < 16; s++) copy.importRange(s * 4096, p.exportRange(s * 4096, (s + 1) * 4096), 3000);
    expect(copy.buffers).toBe(16);
    // An append copies one list out; the packs stay as they are.
    copy.append(5, 3000);
    expect(copy.slots(5).at(-1)).toBe(3000);
    expect(copy.buffers).toBe(17);
    // Packed again: the range appended to is copied, the others keep their packs.
    const before = [...Array(1 << 16).keys()].map((key) => [...copy.slots(key)]);
    copy.trim();
    expect(copy.buffers).toBe(16);
    expect([...Array(1 << 16).keys()].map((key) => [...copy.slots(key)])).toEqual(before);
  });

  it('packs a list of gaps of a few hundred as Rice codes, shorter than its varints, and appends to it after', () => {
    const p = new VarintPostings(KEYS);
    const slots = Array.from({ length: 1000 }, (_, i) => i * 200 + (i % 7));
    for (const slot of slots) p.append(7, slot);
    const fields = (q: VarintPostings) => new DataView(q.exportRange(0, 8).buffer).getInt32(4 + 7 * 16, true);
    const varintBytes = fields(p);
    p.trim();
    const packed = new DataView(p.exportRange(0, 8).buffer);
    expect(packed.getInt32(4 + 7 * 16 + 12, true)).toBeGreaterThan(0);
    expect(packed.getInt32(4 + 7 * 16, true)).toBeLessThan(varintBytes * 0.7);
    const copy = throughSnapshot(p, 300_000);
    copy.append(7, 250_000);
    expect([...copy.slots(7)]).toEqual([...slots, 250_000]);
    copy.trim();
    expect([...copy.keep(7, Int32Array.from([5, 200, 1201, 250_000]))]).toEqual([200, 1201, 250_000].filter((s) => [...slots, 250_000].includes(s)));
  });

  it('keeps every list readable between the steps of a trim, and one pack per 4096 keys after it', () => {
    const p = new VarintPostings(3 * 4096);
    const expected = new Map<number, number[]>();
    for (let slot = 0; slot < 2000; slot++) {
      for (const key of [slot % 7, 4096 + ((slot * 13) % 50), 2 * 4096 + 5]) {
        p.append(key, slot);
        expected.set(key, [...(expected.get(key) ?? []), slot]);
      }
    }
    p.trim();
    for (let slot = 2000; slot < 2100; slot++) {
      p.append(4096 + 1, slot);
      expected.get(4096 + 1)!.push(slot);
    }
    const steps = p.trimInSlices();
    let step = 0;
    do for (const [key, slots] of expected) expect([...p.slots(key)], `key ${key} at step ${step}`).toEqual(slots);
    while (!steps.next().done && ++step < 10);
    expect(p.buffers).toBe(3);
    // Trimmed again after appends to one range only: still a buffer per range holding lists.
    p.append(5, 5000);
    expected.get(5)!.push(5000);
    p.trim();
    expect(p.buffers).toBe(3);
    for (const [key, slots] of expected) expect([...p.slots(key)]).toEqual(slots);
  });
});
