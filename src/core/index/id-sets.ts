/**
 * The ids of `a` that are also in `b`, in the order of `a`. Section ids are dense small integers,
 * so `b` is marked in a byte array: two lists of 146 000 ids (〔宋 and 宋〕 at 50 MB) took about
 * 10 ms through a Set.
 */
export function intersect(a: readonly number[], b: readonly number[]): number[] {
  const marks = marked(b);
  const max = marks.length - 1;
  return a.filter((id) => id <= max && marks[id] === 1);
}

/**
 * The ids of the lists, each once, in the order they first come (as a Set of them all would
 * give): marked in a byte array, like {@link intersect}.
 */
export function union(lists: readonly (readonly number[])[]): number[] {
  const marks = new Uint8Array(largest(lists) + 1);
  const out: number[] = [];
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const id = list[i]!;
      if (marks[id] === 0) {
        marks[id] = 1;
        out.push(id);
      }
    }
  }
  return out;
}

/** A byte per id up to the largest of `ids`, 1 where an id is in `ids`. */
function marked(ids: readonly number[]): Uint8Array {
  const marks = new Uint8Array(largest([ids]) + 1);
  for (let i = 0; i < ids.length; i++) marks[ids[i]!] = 1;
  return marks;
}

/** The largest id of the lists, -1 when they are empty. */
function largest(lists: readonly (readonly number[])[]): number {
  let max = -1;
  for (const list of lists) for (let i = 0; i < list.length; i++) if (list[i]! > max) max = list[i]!;
  return max;
}
