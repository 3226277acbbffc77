/**
 * Work done in slices: a generator that pauses (`yield`) between steps so that a worker can
 * answer searches meanwhile, and returns its result at the end.
 */

/** Runs `steps` through without pausing and returns what it returns. */
export function finish<T>(steps: Generator<void, T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}
