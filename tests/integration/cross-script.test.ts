import { describe, expect, it } from 'vitest';
import { crossScript } from '../support/cross-script.ts';

describe('cross-script search on the 30 parallel man-page pairs', () => {
  it('a Simplified query finds the Traditional twin whenever its normalized text contains the query', () => {
    const r = crossScript();
    expect(r.queries).toBe(600);
    expect(r.found).toBe(r.expected);
    // Most queries must reach the twin at all, or normalization is not doing its job.
    expect(r.expected / r.queries).toBeGreaterThan(0.8);
  });
});
