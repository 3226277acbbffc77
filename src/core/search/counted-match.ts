import { IdCollector } from '../index/id-sets.ts';
import { scaledCount } from '../rank/occurrences.ts';
import { TF_CAP, TF_WINDOW } from '../rank/rank.ts';
import type { TermMatcher } from '../query/term-matcher.ts';
import type { LibrarySection, SectionStore } from './section-store.ts';

/**
 * The candidates that hold a term, and the term's count in each, by id, as the ranker would
 * estimate it (`estimateCount`: occurrences, overlapping, that lie in the first `TF_WINDOW`
 * characters, scaled to the length, capped at `TF_CAP`), found in one reading of each section.
 * A common pair of 146 000 hits (〔宋 at 50 MB) was read once to verify it and again to rank it.
 */
export function countedMatch(store: SectionStore, term: string, candidates: readonly number[]): { ids: number[]; counts: Uint8Array } {
  const counts = new Uint8Array(store.lengths.length);
  const ids = IdCollector.start();
  const last = TF_WINDOW - term.length;
  for (const id of candidates) {
    const norm = store.get(id)?.norm;
    if (norm === undefined) continue;
    let at = norm.indexOf(term);
    if (at === -1) continue;
    ids.add(id);
    // What the ranker counts in `norm.slice(0, TF_WINDOW)`, or in the whole of a shorter section.
    const end = norm.length <= TF_WINDOW ? norm.length - term.length : last;
    let counted = 0;
    while (at !== -1 && at <= end && counted < TF_CAP) {
      counted++;
      at = norm.indexOf(term, at + 1);
    }
    counts[id] = scaledCount(counted, norm.length, TF_CAP, TF_WINDOW);
  }
  return { ids: ids.take(), counts };
}

/**
 * The candidates a matcher finds (a pinyin reading) that `accept` keeps, with the matcher's count
 * in each as the ranker would estimate it (the term itself is in none: literal matches are found
 * first), in one reading of each section.
 */
export function countedWidenedMatch(
  store: SectionStore,
  matcher: TermMatcher,
  candidates: readonly number[],
  accept: (s: LibrarySection) => boolean,
): { ids: number[]; counts: Uint8Array } {
  const counts = new Uint8Array(store.lengths.length);
  const ids = IdCollector.start();
  for (const id of candidates) {
    const s = store.get(id);
    if (s === undefined || !accept(s)) continue;
    const { norm } = s;
    const counted = matcher.count(norm.length <= TF_WINDOW ? norm : norm.slice(0, TF_WINDOW));
    if (counted === 0 && (norm.length <= TF_WINDOW || !matcher.test(norm))) continue;
    ids.add(id);
    counts[id] = scaledCount(Math.min(counted, TF_CAP), norm.length, TF_CAP, TF_WINDOW);
  }
  return { ids: ids.take(), counts };
}
