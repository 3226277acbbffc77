import { isEmptyQuery, type ParsedQuery } from '../query/parse-query.ts';
import { pinyinMatchers } from '../query/pinyin.ts';
import { groupCopies, GROUP_WINDOW } from '../rank/group.ts';
import type { TermStats } from '../rank/rank.ts';
import { FacetCounter } from './facets.ts';
import { QueryMatcher } from './matcher.ts';
import { byDate, byRelevance, fileOrder, type RankGroup } from './order.ts';
import type { ScoredSection } from './ranker.ts';
import type { RankedEntry, RankedPage, SearchFilters, SearchOptions } from './results.ts';
import type { SectionIndex } from './section-index.ts';
import type { SectionStore } from './section-store.ts';
import type { VerifiedTerms } from './verified-terms.ts';

/** Which page of a query to rank (see `SearchOptions`, with defaults applied). */
export interface PageRequest {
  offset: number;
  /** 0: every result. */
  limit: number;
  wording: boolean;
  sort: 'relevance' | 'date';
  filters: SearchFilters;
  fileId?: number | undefined;
}

/** Results 20 at a time unless asked otherwise. */
export const DEFAULT_LIMIT = 20;

/** The page `options` ask for, defaults applied. */
export function pageRequest(options: SearchOptions): PageRequest {
  const { offset = 0, limit = DEFAULT_LIMIT, wording = true, sort = 'relevance', filters = {}, fileId } = options;
  return { offset, limit, wording, sort, filters, fileId };
}

/** The sections of a query, grouped by how they were found, before any facet filter. */
interface Found {
  /** Literal and wording groups, ranked together; then the pinyin group, ranked after them. */
  groups: RankGroup[];
  pinyin: RankGroup | null;
}

/**
 * Every section of a query: literal matches, then other regions' wording, then pinyin readings
 * (each group skips the sections of the ones before it, so the groups are disjoint).
 */
function findAll(store: SectionStore, index: SectionIndex, parsed: ParsedQuery, wording: boolean, verified?: VerifiedTerms): Found {
  const { terms } = parsed;
  const matcher = new QueryMatcher(store, index, verified);
  const ids = matcher.matching(parsed);
  // With one term its document frequency is the hit count; with several, each term's index
  // candidates (already looked up for the match) are verified once more, alone. Counted before
  // any facet filter: a filter narrows the list, it does not change how rare a term is.
  const stats: TermStats[] = terms.map((t) => ({ df: terms.length === 1 ? ids.length : matcher.documentFrequency(t) }));
  // The set of what is found so far, made only when wording or pinyin must leave it out: a
  // common character's 200 000 matches took 10 ms to put in a set nothing asked.
  let found: Set<number> | undefined;
  const foundSoFar = () => (found ??= new Set(ids));
  const widenedByWording = wording ? matcher.wording(parsed, foundSoFar) : [];
  for (const w of widenedByWording) for (const id of w.ids) foundSoFar().add(id);
  const groups: RankGroup[] = [
    { ids, request: { terms, stats, widened: null, match: 'literal', indexed: terms.map((t) => matcher.known(t)) } },
    ...widenedByWording.map((w): RankGroup => ({ ids: w.ids, request: { terms, stats, widened: w.matchers, match: 'wording' } })),
  ];
  const readings = pinyinMatchers(terms, parsed.acronyms);
  if (!readings) return { groups, pinyin: null };
  const readingsOf = (t: string) => [...(readings.get(t)?.units ?? [])].map((units, k) => ({ units, classes: readings.get(t)!.classes[k]! }));
  const pinyinIds = matcher.widened(parsed, readings, foundSoFar(), {
    more: (t) => index.readingCandidates(readingsOf(t)),
    titles: (t) => index.readingTitleCandidates(t, readingsOf(t)),
  });
  // A pinyin hit of a one-term query does not hold the term literally (those are found above):
  // its count is the reading's alone, which the index may know.
  const titleOf = (id: number) => store.normTitle(store.get(id)!);
  const indexed = terms.length === 1 ? [index.readingCounts(terms[0]!, readingsOf(terms[0]!), titleOf) ?? matcher.widenedKnown(terms[0]!)] : undefined;
  return { groups, pinyin: { ids: pinyinIds, request: { terms, stats, widened: readings, match: 'pinyin', indexed } } };
}

/**
 * The group with only the sections `keep` accepts (each offered once: it counts them in the
 * facets). With nothing to narrow by, every section is kept, counted in the facets at once, and
 * the group is the same list.
 */
function narrowed(group: RankGroup, keep: (id: number) => boolean, facets: FacetCounter, narrows: boolean): RankGroup {
  if (narrows) return { ids: group.ids.filter(keep), request: group.request };
  facets.addAll(group.ids);
  return group;
}

const total = (groups: readonly RankGroup[]) => groups.reduce((n, g) => n + g.ids.length, 0);

/**
 * The first step of a search: counts, facets and the ranked entries of one page, with the
 * copies folded into them. Reads folded text only, never a section's text, so it runs before any
 * text is loaded.
 *
 * Sections holding another region's wording of a term are ranked with the literal matches (a
 * literal one first on equal score). A query without Han characters is also read as pinyin
 * (terms in capitals excepted: acronyms): sections found only that way come after every other
 * hit, in either order. Counts are of the results as narrowed by `fileId` and the filters.
 */
export function rankPage(store: SectionStore, index: SectionIndex, parsed: ParsedQuery, request: PageRequest, verified?: VerifiedTerms): RankedPage {
  const { offset, limit, sort, fileId } = request;
  const facets = new FacetCounter(store.facetCodes, request.filters);
  const inFile = (id: number) => fileId === undefined || store.get(id)?.fileId === fileId;
  const keep = (id: number) => inFile(id) && facets.add(id);
  // An empty query lists nothing, unless it names a file: then it lists the file's sections.
  if (fileId !== undefined && isEmptyQuery(parsed)) {
    const listed = fileOrder(store, store.sectionIdsOf(fileId).filter(keep), sort === 'date');
    const page = listed.slice(offset, limit === 0 ? undefined : offset + limit);
    const counts = { total: listed.length, matches: listed.length, wordingMatches: 0, pinyinMatches: 0 };
    return { counts, facets: facets.facets(), entries: page.map((r) => ({ ...r, copies: [] })), terms: [] };
  }
  const all = findAll(store, index, parsed, request.wording, verified);
  const narrows = fileId !== undefined || Object.values(request.filters).some((values) => values && values.length > 0);
  const groups = all.groups.map((g) => narrowed(g, keep, facets, narrows));
  const pinyin = all.pinyin && narrowed(all.pinyin, keep, facets, narrows);
  // Ranked exactly: the hits copies are looked for in, and the page asked for.
  const wanted = limit === 0 ? Infinity : GROUP_WINDOW + offset + limit;
  const order = sort === 'date' ? byDate : byRelevance;
  const ranked = order(store, groups, wanted);
  // Pinyin hits come after every other one: ranked only when the others were all ranked.
  const others = total(groups);
  const byPinyin = pinyin && ranked.length === others ? order(store, [pinyin], wanted - ranked.length) : [];
  const { listed, copiesOf, folded } = foldCopies(store, [...ranked, ...byPinyin]);
  for (const copies of copiesOf.values()) for (const id of copies) facets.remove(id);
  const page = listed.slice(offset, limit === 0 ? undefined : offset + limit);
  const pinyinMatches = pinyin?.ids.length ?? 0;
  return {
    counts: { total: others + pinyinMatches - folded, matches: groups[0]!.ids.length, wordingMatches: others - groups[0]!.ids.length, pinyinMatches },
    facets: facets.facets(),
    entries: page.map((r): RankedEntry => ({ ...r, copies: copiesOf.get(r.id) ?? [] })),
    terms: parsed.terms,
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
