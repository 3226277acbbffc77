import { afterEach, describe, expect, it, vi } from 'vitest';
import { yieldToEvents } from './turns.ts';

describe('yieldToEvents', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives each turn after the messages already pending, in the order the turns were asked', async () => {
    const order: string[] = [];
    const other = new MessageChannel();
    other.port1.onmessage = () => order.push('message');
    other.port2.postMessage(null);
    const turns = [1, 2, 3].map((k) => yieldToEvents().then(() => order.push(`turn ${k}`)));
    await Promise.all(turns);
    other.port1.close();
    expect(order).toEqual(['message', 'turn 1', 'turn 2', 'turn 3']);
  });

  it('opens at most one channel however many turns it gives (a channel per turn cost seconds per import)', async () => {
    await yieldToEvents();
    const opened = vi.spyOn(globalThis, 'MessageChannel');
    for (let k = 0; k < 50; k++) await yieldToEvents();
    await Promise.all(Array.from({ length: 50 }, () => yieldToEvents()));
    expect(opened).not.toHaveBeenCalled();
  });
});
