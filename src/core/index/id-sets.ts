/**
 * The ids of `a` that are also in `b`, in the order of `a`. Section ids are dense small integers,
 * so `b` is marked in a byte array: two lists of 146 000 ids (〔宋 and 宋〕 at 50 MB) took about
 * 10 ms through a Set.
 */
export function intersect(a: readonly number[], b: readonly number[]): number[] {
  let max = -1;
  for (let i = 0; i < b.length; i++) if (b[i]! > max) max = b[i]!;
  const marks = new Uint8Array(max + 1);
  for (let i = 0; i < b.length; i++) marks[b[i]!] = 1;
  return a.filter((id) => id <= max && marks[id] === 1);
}
