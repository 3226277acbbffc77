import { describe, expect, it } from 'vitest';
import { ByteSlab } from './byte-slab.ts';

describe('ByteSlab', () => {
  it('gives small lists zeroed room of their own in a few shared buffers', () => {
    const slab = new ByteSlab();
    const rooms = Array.from({ length: 10_000 }, (_, k) => slab.alloc(8 << (k % 10)));
    // 10 000 places, each as long as asked, in about 8 MB of slabs.
    expect(rooms.every((room, k) => room.length === 8 << (k % 10) && room.every((b) => b === 0))).toBe(true);
    expect(new Set(rooms.map((r) => r.buffer)).size).toBeLessThan(20);
    // Writing to one never shows in another.
    rooms.forEach((room, k) => room.fill((k % 255) + 1));
    expect(rooms.every((room, k) => room.every((b) => b === (k % 255) + 1))).toBe(true);
  });

  it('gives a long list a buffer of its own', () => {
    const slab = new ByteSlab();
    const small = slab.alloc(100);
    const long = slab.alloc(1 << 16);
    expect(long.buffer).not.toBe(small.buffer);
    expect(long.byteLength).toBe(long.buffer.byteLength);
  });
});
