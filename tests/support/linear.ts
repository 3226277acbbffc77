/**
 * Linear-time checks shared by the tests of every stage that reads document text: the same
 * adversarial input is built at n and 16n, and the time ratio is compared with a bound. A linear
 * pass takes about 16× longer, a quadratic one about 256×; the bound sits far from both, so a
 * loaded machine does not flip it. A ratio, never an absolute time.
 */

/** Well above 16 (linear), far below 256 (quadratic). */
export const LINEAR_BOUND = 40;

/** Best of a few runs, in milliseconds: the minimum is the least disturbed by a shared machine. */
export function bestTime(run: () => void, repeats = 3): number {
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const t = performance.now();
    run();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/**
 * The time of `make(16 n)` over that of `make(n)`, after a warm-up; measured again (at most
 * twice) while over the bound, since one slow run on a busy machine says nothing.
 */
export function growthRatio(make: (n: number) => () => void, n = 4000): number {
  bestTime(make(n), 1);
  let ratio = Infinity;
  for (let attempt = 0; attempt < 3 && ratio >= LINEAR_BOUND; attempt++) ratio = bestTime(make(16 * n)) / Math.max(bestTime(make(n)), 0.05);
  return ratio;
}
