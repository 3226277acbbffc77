/** What a search answers, in its two steps: a ranked page (no text needed), then its hits. */
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

/** The first step of a search (`SearchEngine.rank`): counts and the page's entries, best first. */
export interface RankedPage {
  counts: SearchCounts;
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
}

/** The answer to a query: how many results there are, and the requested page of them, best first. */
export interface SearchResult extends SearchCounts {
  hits: Hit[];
}

/** A section opened for reading, with every occurrence of the query marked. */
export interface ReadResult {
  section: Omit<LoadedSection, 'norm'>;
  fileName: string;
  marks: Range[];
}

/** Options of a search. */
export interface SearchOptions {
  /** Hits to return (with snippets); 0 means all. Default 20. */
  limit?: number;
  offset?: number;
  /** Also find other regions' wording of the terms (文件 → 檔案). Default true. */
  wording?: boolean;
}
