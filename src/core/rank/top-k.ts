import { compareRanked } from './rank.ts';

/** What {@link topK} orders: the fields of `compareRanked`. */
export interface Scored {
  id: number;
  score: number;
  date?: string | undefined;
}

/**
 * The best `k` of `count` candidates in `compareRanked` order, scoring as few as it can.
 * Candidates are taken in decreasing order of an upper bound of their score; once `k` scored
 * ones all beat the next bound, no unscored candidate can enter, and the rest is left unscored.
 *
 * @remarks A common character is in nearly every section, but its count saturates (TF_CAP), so
 * scores meet their bounds and a few hundred of 4 000 hits are scored (DESIGN.md). The result is
 * the same as scoring and sorting every candidate: the test compares both.
 * @param bound upper bound of candidate `i`'s score (never below what `score(i)` returns)
 * @param score the scored candidate `i`
 * @returns the best `k`, scored and sorted
 */
export function topK<T extends Scored>(count: number, k: number, bound: (i: number) => number, score: (i: number) => T): T[] {
  if (k <= 0) return [];
  const bounds = new Float64Array(count);
  for (let i = 0; i < count; i++) bounds[i] = bound(i);
  const pending = maxHeap(bounds);
  // The best k so far, worst at the root (a heap ordered by compareRanked, reversed).
  const best: T[] = [];
  const worse = (a: T, b: T) => compareRanked(a, b) > 0;
  while (pending.size > 0) {
    const next = pending.peek();
    if (best.length === k && best[0]!.score > bounds[next]!) break;
    pending.pop();
    const entry = score(next);
    if (best.length < k) heapPush(best, entry, worse);
    else if (worse(best[0]!, entry)) heapReplace(best, entry, worse);
  }
  return best.sort(compareRanked);
}

/**
 * {@link topK} when each candidate's score is cheap and exact (no bound to sort by): one pass,
 * keeping the best `k` in a heap, and a candidate's entry made only when it may enter. A
 * one-character query's 200 000 hits were ordered in a heap of all of them first.
 * @param score candidate `i`'s score, as `entry(i).score` will be
 * @param entry the scored candidate `i`
 */
export function topKByScore<T extends Scored>(count: number, k: number, score: (i: number) => number, entry: (i: number) => T): T[] {
  if (k <= 0) return [];
  const best: T[] = [];
  const worse = (a: T, b: T) => compareRanked(a, b) > 0;
  for (let i = 0; i < count; i++) {
    if (best.length < k) {
      heapPush(best, entry(i), worse);
      continue;
    }
    const s = score(i);
    const floor = best[0]!.score;
    if (s < floor) continue;
    const candidate = entry(i);
    if (s > floor || worse(best[0]!, candidate)) heapReplace(best, candidate, worse);
  }
  return best.sort(compareRanked);
}

/** A max-heap of indexes by `keys`, built in linear time. */
function maxHeap(keys: Float64Array): { size: number; peek(): number; pop(): number } {
  const heap = new Int32Array(keys.length);
  for (let i = 0; i < heap.length; i++) heap[i] = i;
  let size = heap.length;
  const down = (at: number) => {
    for (;;) {
      const l = 2 * at + 1;
      if (l >= size) return;
      const r = l + 1;
      const child = r < size && keys[heap[r]!]! > keys[heap[l]!]! ? r : l;
      if (keys[heap[child]!]! <= keys[heap[at]!]!) return;
      [heap[at], heap[child]] = [heap[child]!, heap[at]!];
      at = child;
    }
  };
  for (let i = (size >> 1) - 1; i >= 0; i--) down(i);
  return {
    get size() {
      return size;
    },
    peek: () => heap[0]!,
    pop() {
      const top = heap[0]!;
      heap[0] = heap[--size]!;
      down(0);
      return top;
    },
  };
}

/** Pushes onto a binary heap whose root is the element for which `before(root, other)` holds. */
function heapPush<T>(heap: T[], item: T, before: (a: T, b: T) => boolean): void {
  heap.push(item);
  let at = heap.length - 1;
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (!before(heap[at]!, heap[parent]!)) return;
    [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
    at = parent;
  }
}

/** Replaces the root of such a heap. */
function heapReplace<T>(heap: T[], item: T, before: (a: T, b: T) => boolean): void {
  heap[0] = item;
  let at = 0;
  for (;;) {
    const l = 2 * at + 1;
    if (l >= heap.length) return;
    const r = l + 1;
    const child = r < heap.length && before(heap[r]!, heap[l]!) ? r : l;
    if (!before(heap[child]!, heap[at]!)) return;
    [heap[at], heap[child]] = [heap[child]!, heap[at]!];
    at = child;
  }
}
