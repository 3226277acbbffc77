import { mergeByScore, rankSections, type RankRequest, type ScoredSection } from './ranker.ts';
import type { SectionStore } from './section-store.ts';

/** Sections found one way (literal, one script's wording, pinyin), with how to score them. */
export interface RankGroup {
  ids: readonly number[];
  request: Omit<RankRequest, 'wanted'>;
}

/**
 * The best `wanted` sections of the groups by relevance; on equal scores an earlier group wins
 * (a literal match before a wording match of the same relevance).
 */
export function byRelevance(store: SectionStore, groups: readonly RankGroup[], wanted: number): ScoredSection[] {
  const ranked = mergeByScore(groups.map((g) => rankSections(store, g.ids, { ...g.request, wanted })));
  return ranked.length > wanted ? ranked.slice(0, wanted) : ranked;
}

/** Newest first; '' (no date) last. */
function newestFirst(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '' || b === '') return a === '' ? 1 : -1;
  return a < b ? 1 : -1;
}

/**
 * The first `wanted` sections of the groups newest first, sections without a date last, equal
 * dates by relevance (as {@link byRelevance}).
 *
 * @remarks Sections are bucketed by date in one pass and only the newest buckets that fill the
 * page are scored, each with `topK`: a query matching 100 000 sections scores a page's worth,
 * not all of them, unless they share one date (then `topK` bounds the scoring, as for relevance).
 */
export function byDate(store: SectionStore, groups: readonly RankGroup[], wanted: number): ScoredSection[] {
  const buckets = new Map<string, number[][]>();
  groups.forEach((g, k) => {
    for (const id of g.ids) {
      const date = store.get(id)?.date ?? '';
      let lists = buckets.get(date);
      if (!lists) buckets.set(date, (lists = groups.map(() => [])));
      lists[k]!.push(id);
    }
  });
  const out: ScoredSection[] = [];
  for (const date of [...buckets.keys()].sort(newestFirst)) {
    if (out.length >= wanted) break;
    const lists = buckets.get(date)!;
    for (const r of byRelevance(store, lists.map((ids, k) => ({ ids, request: groups[k]!.request })), wanted - out.length)) out.push(r);
  }
  return out;
}

/**
 * A file's sections in document order (newest first with `byDate`), unscored: the file's list
 * of articles, for an empty query restricted to one file.
 */
export function fileOrder(store: SectionStore, ids: readonly number[], byDateFirst: boolean): ScoredSection[] {
  const sections = ids.flatMap((id) => store.get(id) ?? []);
  sections.sort((a, b) => (byDateFirst ? newestFirst(a.date ?? '', b.date ?? '') : 0) || a.index - b.index);
  return sections.map((s) => ({ id: s.id, date: s.date, score: 0, match: 'literal' }));
}
