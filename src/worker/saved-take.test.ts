import { describe, expect, it } from 'vitest';
import { SavedTake } from './character-take.ts';

function* steps(n: number, result: boolean, log: string[]): Generator<void, boolean> {
  for (let k = 0; k < n; k++) {
    log.push(`step ${k}`);
    yield;
  }
  return result;
}

function* throwing(log: string[]): Generator<void, boolean> {
  log.push('step 0');
  yield;
  throw new Error('a bug in a step');
}

describe('SavedTake', () => {
  it('runs a step per turn, or what is left at once, and gives the result either way', async () => {
    const log: string[] = [];
    const take = new SavedTake(steps(3, true, log));
    const running = take.run(() => true);
    // The first step runs at once; the rest wait for their turns.
    expect(log).toEqual(['step 0']);
    expect(take.finish()).toBe(true);
    expect(log).toEqual(['step 0', 'step 1', 'step 2']);
    expect(await running).toBe(true);
  });

  it('gives up when the library was loaded again meanwhile', async () => {
    let current = true;
    const take = new SavedTake(steps(3, true, []));
    const running = take.run(() => current);
    current = false;
    expect(await running).toBe(false);
  });

  it('ends, taking nothing, when a step throws: it never spins on a closed generator', async () => {
    const log: string[] = [];
    expect(await new SavedTake(throwing(log)).run(() => true)).toBe(false);
    const again = new SavedTake(throwing([]));
    expect(again.finish()).toBe(false);
    expect(again.finish()).toBe(false);
  });
});
