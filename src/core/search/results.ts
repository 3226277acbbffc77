/** What a search answers, in its two steps: a ranked page (no text needed), then its hits. */
import type { Script } from '../normalize/script.ts';
import type { TermMatcher } from '../query/term-matcher.ts';
import type { Range, Snippet } from '../types.ts';
import type { LoadedSection } from './section-store.ts';

/**
 * How a hit matched the query: it contains the query (`literal`, Ctrl-F); it contains another
 * region's wording of a term (`wording`: 文件 → a Traditional 檔案); or only the query read as
 * pinyin (`pinyin`: `xinpian` → 芯片), listed after every other hit.
 */
export type MatchKind = 'literal' | 'wording' | 'pinyin';

/** How many results a query has. */
export interface SearchCounts {
  /** Results listed: matching sections (literal, then pinyin), copies of one article counted once. */
  total: number;
  /** Matching sections, copies included (what Ctrl-F over every file would find). */
  matches: number;
  /** Further sections found only through another region's wording of a term (copies included). */
  wordingMatches: number;
  /** Further sections found only by reading the query as pinyin (copies included). */
  pinyinMatches: number;
}

/** A section of a ranked page: what it takes to show it once its text is loaded. */
export interface RankedEntry {
  id: number;
  date?: string | undefined;
  score: number;
  match: MatchKind;
  /** What found the section besides its literal terms (pinyin or wording matchers), for marking it. */
  matchers?: ReadonlyMap<string, TermMatcher>;
  /** Copies of the same article in other files, folded into this entry. */
  copies: number[];
}

/** One value of a facet and how many results have it. */
export interface FacetValue {
  value: string;
  count: number;
}

/**
 * The values the results of a query have, per kind, most frequent first (then by value), at
 * most {@link MAX_FACET_VALUES} each. `source`: the section's source (none for an empty one);
 * `year`: the first four characters of its date when they are a year; `folder`: the directory
 * of its file's path ('' for a file at the top: the UI names it).
 *
 * @remarks Counted over every result, not the page: each kind over the results narrowed by the
 * filters of the other kinds only, so that choosing a source still shows the other sources.
 * Copies are counted as `total` counts them: a copy folded into another hit is not counted, so
 * the counts of the values chosen in one kind add up to `total`.
 */
export interface Facets {
  source: FacetValue[];
  year: FacetValue[];
  folder: FacetValue[];
}

/** The kinds of {@link Facets}. */
export type FacetKind = keyof Facets;

/** Values kept per facet kind. */
export const MAX_FACET_VALUES = 20;

/** Facet values a search is narrowed to: every kind given must match (AND), any of its values (OR). */
export type SearchFilters = { [K in FacetKind]?: readonly string[] | undefined };

/** The first step of a search (`SearchEngine.rank`): counts and the page's entries, best first. */
export interface RankedPage {
  counts: SearchCounts;
  facets: Facets;
  entries: RankedEntry[];
  /** The query's positive terms, folded: what the hits mark. */
  terms: string[];
}

/** One search result: an article (section) with a highlighted snippet. */
export interface Hit {
  sectionId: number;
  fileId: number;
  fileName: string;
  sectionIndex: number;
  title: string;
  titleMarks: Range[];
  url?: string | undefined;
  source?: string | undefined;
  date?: string | undefined;
  snippet: Snippet;
  score: number;
  /** How the section matched (see {@link MatchKind}). */
  match: MatchKind;
  /** For a wording match: the words of the text that matched, as written (檔案). */
  wording?: string[];
  /** The same article in other files (a Traditional copy of a Simplified one, say), listed once. */
  alsoIn: { sectionId: number; fileName: string; title: string }[];
  /** The script the section is written in, when it shows one: the UI gives its text that `lang`. */
  script?: Script | undefined;
}

/** The answer to a query: how many results there are, their facets, and the requested page of them. */
export interface SearchResult extends SearchCounts {
  facets: Facets;
  hits: Hit[];
}

/** A section opened for reading, with every occurrence of the query marked. */
export interface ReadResult {
  section: Omit<LoadedSection, 'norm'>;
  fileName: string;
  marks: Range[];
}

/** Options of a search (see `SearchEngine.rank`). */
export interface SearchOptions {
  /** Hits to return (with snippets); 0 means all. Default 20. */
  limit?: number;
  offset?: number;
  /** Also find other regions' wording of the terms (文件 → 檔案). Default true. */
  wording?: boolean;
  /**
   * `relevance` (the default), or `date`: newest first, sections without a date last, equal
   * dates by relevance. Either way pinyin-only hits come after all others.
   */
  sort?: 'relevance' | 'date' | undefined;
  /** Narrows the results to these facet values (see {@link SearchFilters}). */
  filters?: SearchFilters | undefined;
  /**
   * Only sections of this file. With an empty query, every section of the file, in document
   * order (by date with `sort: 'date'`), unmarked: the file's list of articles.
   */
  fileId?: number | undefined;
}
