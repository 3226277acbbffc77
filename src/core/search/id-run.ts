/**
 * A file's section ids held as the first and a count while they follow one another (as an import
 * numbers them), else listed: at 50 MB of poems a list per file took 0.9 MB in the engine's store
 * and as much again in the worker's file records (DESIGN.md, decisions 78 and 80).
 */
export interface IdRun {
  first: number;
  count: number;
  /** The ids, once they no longer follow one another; null until then. */
  ids: number[] | null;
}

/** The run of `ids`, in their order. */
export function runOf(ids: Iterable<number>): IdRun {
  const run: IdRun = { first: 0, count: 0, ids: null };
  for (const id of ids) addId(run, id);
  return run;
}

/** Records one more id, listing them once they no longer follow one another. */
export function addId(run: IdRun, id: number): void {
  if (run.ids) run.ids.push(id);
  else if (run.count === 0) [run.first, run.count] = [id, 1];
  else if (id === run.first + run.count) run.count++;
  else run.ids = [...idsOf(run), id];
}

/** The ids, in order: the list itself when they are listed, else a new array. */
export function idsOf(run: IdRun): readonly number[] {
  return run.ids ?? Array.from({ length: run.count }, (_, k) => run.first + k);
}

/** How many ids there are. */
export function sizeOf(run: IdRun): number {
  return run.ids?.length ?? run.count;
}

/** The first id, undefined when there is none. */
export function firstOf(run: IdRun): number | undefined {
  return run.ids ? run.ids[0] : run.count > 0 ? run.first : undefined;
}
