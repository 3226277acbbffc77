/** Adds up the time spent in named phases of a piece of work (ms, `performance.now()`). */
export class Stopwatch<Phase extends string> {
  readonly ms: Record<Phase, number>;

  constructor(phases: readonly Phase[]) {
    this.ms = Object.fromEntries(phases.map((p) => [p, 0])) as Record<Phase, number>;
  }

  /** Runs `work`, counting its time (until its promise settles) to `phase`. */
  async time<T>(phase: Phase, work: () => T | Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.ms[phase] += performance.now() - started;
    }
  }
}
