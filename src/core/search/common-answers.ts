import { parseQuery, soleTerm, type ParsedQuery } from '../query/parse-query.ts';
import { pageRequest, type PageRequest } from './ranked-page.ts';
import { FACET_KINDS } from './facet-codes.ts';
import type { FacetKind, Facets, RankedEntry, RankedPage, SearchCounts } from './results.ts';
import type { SectionStore } from './section-store.ts';

/**
 * Sections a character must be in for its first page to be made ahead: one in sixteen, and at
 * least this many (below, a query ranks its hits in a millisecond or two).
 */
const COMMON_SHARE = 1 / 16;
const COMMON_MIN_SECTIONS = 4096;

/** The characters whose first pages {@link CommonAnswers} makes: those in `share` of the `sections`, and in at least `min`. */
export function commonThreshold(sections: number, share = COMMON_SHARE, min = COMMON_MIN_SECTIONS): number {
  return Math.max(min, Math.ceil(sections * share));
}

/**
 * The first page of each of the commonest one-character queries, ranked while requests pause
 * (what IR texts call champion lists, here for the whole answer: the page, the counts and the
 * facets). Typing a query starts with one character, and a common one is in most sections: at
 * 50 MB of poems, 〔 (in all 204 084) took 10 ms to rank and to count its facets, every hit
 * read. Exact: a page is made by the same ranking as any other, and given back only for the
 * request it was made for (the first page, as the app asks for it, no filter), while the
 * library holds what it held then.
 */
export class CommonAnswers {
  readonly #pages = new Map<string, HeldPage>();
  /** The library when the pages were made (see {@link libraryVersion}). */
  #version = '';
  /** The characters left to make a page of, for {@link #version}; null until they are chosen. */
  #left: string[] | null = null;

  /**
   * The page made of the query for this request, a copy (the caller may change it), if the
   * query is one character of those and the library is as it was then. Asked at every
   * keystroke: the cheap tests first, the library's version last.
   */
  page(parsed: ParsedQuery, request: PageRequest, store: VersionedStore): RankedPage | undefined {
    if (this.#pages.size === 0 || !isFirstPage(request)) return undefined;
    const term = soleTerm(parsed);
    const page = term === undefined ? undefined : this.#pages.get(term);
    return page && libraryVersion(store) === this.#version ? pageOf(page) : undefined;
  }

  /**
   * Makes the pages of up to `most` more characters of the library at `version`; a new
   * version drops every page made before.
   * @param common the characters to make pages of, asked for once per version
   * @param rank the first page of a one-character query, as any search ranks it
   * @returns true when every page of this version is made
   */
  prepare(version: string, common: () => string[], rank: (parsed: ParsedQuery) => RankedPage, most: number): boolean {
    if (version !== this.#version) {
      this.#pages.clear();
      this.#version = version;
      this.#left = null;
    }
    const left = (this.#left ??= common());
    for (let made = 0; made < most && left.length > 0; ) {
      const term = left.pop()!;
      const parsed = parseQuery(term);
      // A space (which a query drops) is no query of its own.
      if (soleTerm(parsed) !== term) continue;
      this.#pages.set(term, held(rank(parsed)));
      made++;
    }
    return left.length === 0;
  }
}

/** What {@link libraryVersion} reads of the section store. */
type VersionedStore = Pick<SectionStore, 'changes' | 'maxId' | 'size'>;

/** What a page depends on in the library: the same at two moments when no section was added or removed in between. */
export function libraryVersion(store: VersionedStore): string {
  return `${store.changes}:${store.maxId}:${store.size}`;
}

/** The request a page is made for: the first page of results, by relevance, other wordings in, nothing narrowed. */
export const FIRST_PAGE: PageRequest = pageRequest({});

function isFirstPage(r: PageRequest): boolean {
  const narrowed = r.fileId !== undefined || Object.values(r.filters).some((values) => values && values.length > 0);
  return !narrowed && r.offset === FIRST_PAGE.offset && r.limit === FIRST_PAGE.limit && r.wording === FIRST_PAGE.wording && r.sort === FIRST_PAGE.sort;
}

/**
 * A page as held: its entries' numbers in arrays, the rest of an entry only where it has any (a
 * date, copies, another match than literal). As objects, 376 pages took 2.8 MB (Node, 50 MB).
 */
interface HeldPage {
  counts: SearchCounts;
  terms: string[];
  ids: number[];
  scores: number[];
  rests: (Omit<RankedEntry, 'id' | 'score'> | null)[];
  /** Per kind, the values (the store's strings) and their counts. */
  facets: Record<FacetKind, { values: string[]; counts: number[] }>;
}

function held(page: RankedPage): HeldPage {
  const plain = (e: RankedEntry) => e.date === undefined && e.match === 'literal' && e.matchers === undefined && e.copies.length === 0;
  const facets = Object.fromEntries(FACET_KINDS.map((k) => [k, { values: page.facets[k].map((v) => v.value), counts: page.facets[k].map((v) => v.count) }]));
  return {
    counts: page.counts,
    terms: page.terms,
    ids: page.entries.map((e) => e.id),
    scores: page.entries.map((e) => e.score),
    rests: page.entries.map((e) => (plain(e) ? null : { date: e.date, match: e.match, ...(e.matchers ? { matchers: e.matchers } : {}), copies: e.copies })),
    facets: facets as HeldPage['facets'],
  };
}

/** The page as the ranking made it, new objects throughout: the caller may change it. */
function pageOf(h: HeldPage): RankedPage {
  const entries = h.ids.map((id, k): RankedEntry => {
    const rest = h.rests[k];
    if (!rest) return { id, date: undefined, score: h.scores[k]!, match: 'literal', copies: [] };
    return { id, date: rest.date, score: h.scores[k]!, match: rest.match, ...(rest.matchers ? { matchers: rest.matchers } : {}), copies: [...rest.copies] };
  });
  const facets = Object.fromEntries(FACET_KINDS.map((k) => [k, h.facets[k].values.map((value, i) => ({ value, count: h.facets[k].counts[i]! }))])) as unknown as Facets;
  return { counts: { ...h.counts }, facets, entries, terms: [...h.terms] };
}
