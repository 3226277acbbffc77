import { describe, expect, it } from 'vitest';
import { crossScript } from '../support/cross-script.ts';

describe('cross-script search on the 30 parallel man-page pairs', () => {
  const r = crossScript();

  it('a Simplified query finds the Traditional twin whenever the twin holds it literally', () => {
    expect(r.queries).toBe(600);
    expect(r.literalFound).toBe(r.literal);
    // Most queries must reach the twin at all, or folding is not doing its job.
    expect(r.literal / r.queries).toBeGreaterThan(0.7);
  });

  it('finds the twin through regional wording when the twin holds the query in Taiwan wording', () => {
    expect(r.wording).toBeGreaterThan(10);
    expect(r.blocked / r.queries, `blocked: ${r.blockedExamples.join(' ')}`).toBeLessThan(0.01);
  });
});
