import { parseQuery } from '../query/parse-query.ts';
import { pinyinMatchers } from '../query/pinyin.ts';
import { groupCopies, GROUP_WINDOW } from '../rank/group.ts';
import { QueryMatcher } from './matcher.ts';
import { mergeByScore, rankSections, type ScoredSection } from './ranker.ts';
import type { RankedEntry, RankedPage } from './results.ts';
import type { SectionIndex } from './section-index.ts';
import type { SectionStore } from './section-store.ts';

/** Which page of a query to rank (see `SearchOptions`, with defaults applied). */
export interface PageRequest {
  offset: number;
  /** 0: every result. */
  limit: number;
  wording: boolean;
}

/**
 * The first step of a search: counts and the ranked entries of one page, with the copies folded
 * into them. Reads folded text only, never a section's text, so it runs before any text is loaded.
 *
 * Sections holding another region's wording of a term are ranked with the literal matches (a
 * literal one first on equal score). A query without Han characters is also read as pinyin:
 * sections found only that way come after every other hit.
 */
export function rankPage(store: SectionStore, index: SectionIndex, query: string, { offset, limit, wording }: PageRequest): RankedPage {
  const parsed = parseQuery(query);
  const { terms } = parsed;
  const matcher = new QueryMatcher(store, index);
  const ids = matcher.matching(parsed);
  // With one term its document frequency is the hit count; with several, each term's index
  // candidates (already looked up for the match) are verified once more, alone.
  const stats = terms.map((t) => ({ df: terms.length === 1 ? ids.length : matcher.documentFrequency(t) }));
  // Ranked exactly: the hits copies are looked for in, and the page asked for.
  const wanted = limit === 0 ? Infinity : GROUP_WINDOW + offset + limit;
  const found = new Set(ids);
  const widenedByWording = wording ? matcher.wording(parsed, found) : [];
  for (const w of widenedByWording) for (const id of w.ids) found.add(id);
  const literal = { terms, stats, wanted };
  const ranked = mergeByScore([
    rankSections(store, ids, { ...literal, widened: null, match: 'literal' }),
    ...widenedByWording.map((w) => rankSections(store, w.ids, { ...literal, widened: w.matchers, match: 'wording' })),
  ]).slice(0, wanted);
  const pinyin = pinyinMatchers(terms);
  const pinyinIds = pinyin ? matcher.widened(parsed, pinyin, found, (t) => index.sectionsWithClasses(pinyin.get(t)?.classes ?? [])) : [];
  // Pinyin hits come after every other one: ranked only when the others were all ranked.
  const byPinyin = pinyin && ranked.length === found.size ? rankSections(store, pinyinIds, { ...literal, wanted: wanted - ranked.length, widened: pinyin, match: 'pinyin' }) : [];
  const { listed, copiesOf, folded } = foldCopies(store, [...ranked, ...byPinyin]);
  const page = listed.slice(offset, limit === 0 ? undefined : offset + limit);
  return {
    counts: { total: found.size + pinyinIds.length - folded, matches: ids.length, wordingMatches: found.size - ids.length, pinyinMatches: pinyinIds.length },
    entries: page.map((r): RankedEntry => ({ ...r, copies: copiesOf.get(r.id) ?? [] })),
    terms,
  };
}

/**
 * Folds copies of one article (in other files) into the best-ranked of them, among the first
 * {@link GROUP_WINDOW} entries; later ones are listed as they come.
 * @returns the entries still listed, the copies folded into each, and how many were folded
 */
function foldCopies(store: SectionStore, all: readonly ScoredSection[]): { listed: ScoredSection[]; copiesOf: Map<number, number[]>; folded: number } {
  const groups = groupCopies(
    all.slice(0, GROUP_WINDOW).map((r) => r.id),
    (id) => store.signature(id),
    (id) => store.get(id)!.fileId,
  );
  const listed = all.filter((r, rank) => rank >= GROUP_WINDOW || groups.has(r.id));
  return { listed, copiesOf: groups, folded: Math.min(all.length, GROUP_WINDOW) - groups.size };
}
