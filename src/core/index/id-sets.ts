/**
 * The ids of `a` that are also in `b`, in the order of `a`. Section ids are dense small integers,
 * so `b` is marked in a byte array: two lists of 146 000 ids (〔宋 and 宋〕 at 50 MB) took about
 * 10 ms through a Set.
 */
export function intersect(a: readonly number[], b: readonly number[]): number[] {
  const marks = marked(b);
  const max = marks.length - 1;
  const out = IdCollector.start();
  for (let i = 0; i < a.length; i++) {
    const id = a[i]!;
    if (id <= max && marks[id] === 1) out.add(id);
  }
  return out.take();
}

/**
 * The ids of the lists, each once, in the order they first come (as a Set of them all would
 * give): marked in a byte array, like {@link intersect}.
 */
export function union(lists: readonly (readonly number[])[]): number[] {
  const marks = new Uint8Array(largest(lists) + 1);
  const out = IdCollector.start();
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const id = list[i]!;
      if (marks[id] === 0) {
        marks[id] = 1;
        out.add(id);
      }
    }
  }
  return out.take();
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

/**
 * Ids gathered one at a time, given as an array made at its exact size ({@link IdCollector.take}).
 * On the 2-core machine of the benchmark, pushing 146 000 ids into an array took 24 ms (its
 * backing store grown and copied, each copy fresh memory); writing them into a buffer kept
 * between queries and copying them into an array sized first, 7 ms (DESIGN.md, decision 94).
 */
export class IdCollector {
  /** The buffer kept between uses, lent to one collector at a time. */
  static #kept: Int32Array | null = new Int32Array(4096);
  #ids: Int32Array;
  #size = 0;

  private constructor(ids: Int32Array) {
    this.#ids = ids;
  }

  /** A collector with the kept buffer, or a buffer of its own while another holds it. */
  static start(): IdCollector {
    const kept = IdCollector.#kept;
    IdCollector.#kept = null;
    return new IdCollector(kept ?? new Int32Array(4096));
  }

  add(id: number): void {
    if (this.#size === this.#ids.length) {
      const grown = new Int32Array(this.#ids.length * 2);
      grown.set(this.#ids);
      this.#ids = grown;
    }
    this.#ids[this.#size++] = id;
  }

  /** The ids added, in order; the collector is not used after (its buffer is kept for the next). */
  take(): number[] {
    const out = new Array<number>(this.#size);
    for (let i = 0; i < this.#size; i++) out[i] = this.#ids[i]!;
    IdCollector.#kept = this.#ids;
    return out;
  }
}
