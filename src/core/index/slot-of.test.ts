import { describe, expect, it } from 'vitest';
import { SlotOf } from './slot-of.ts';

describe('SlotOf', () => {
  it('fits its array to the largest id with a slot, and grows again past it', () => {
    const slots = new SlotOf(4);
    for (let id = 0; id < 1025; id += 2) slots.set(id, id * 3);
    slots.set(2000, 7);
    slots.delete(2000);
    expect(slots.capacity).toBe(2048);
    slots.fit();
    expect(slots.capacity).toBe(1025);
    for (let id = 0; id < 1025; id++) expect(slots.get(id)).toBe(id % 2 === 0 ? id * 3 : undefined);
    slots.set(5000, 1);
    expect([slots.get(5000), slots.get(1024), slots.size]).toEqual([1, 3072, 514]);
  });
});
