import type { Hit, SearchResult } from '../../shared/protocol.ts';
import type { IndexerClient } from '../indexer-client.ts';
import { readSaved, save } from './saved.ts';
import type { FacetFilters, FacetKind, SortOrder, ViewState } from './url.ts';

/** Delay after the last keystroke before searching; short, the worker answers in milliseconds. */
export const SEARCH_DEBOUNCE_MS = 60;
export const PAGE_SIZE = 20;
/** Recent searches kept for the search box's drop-down. */
export const RECENT_KEPT = 8;

export type SearchStatus = 'idle' | 'searching' | 'done' | 'error';
export type Facets = SearchResult['facets'];

const WORDING_KEY = 'souwen.wording';
const RECENT_KEY = 'souwen.recent';
const NO_FACETS: Facets = { source: [], year: [], folder: [] };

function savedRecent(): string[] {
  try {
    const value: unknown = JSON.parse(readSaved(RECENT_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((q): q is string => typeof q === 'string').slice(0, RECENT_KEPT) : [];
  } catch {
    return [];
  }
}

/**
 * Search as you type. Every search gets an id; an answer that is not for the latest search is
 * dropped, so a slow answer never overwrites a newer one. Besides the query, a search has an
 * order, facet filters and a file it is limited to: together the view a link names (url.ts).
 */
export class SearchState {
  query = $state('');
  sort = $state<SortOrder>('relevance');
  filters = $state.raw<FacetFilters>({});
  /** Search within this file only; with an empty query, its articles are listed. */
  fileId = $state<number | undefined>(undefined);
  hits = $state.raw<Hit[]>([]);
  total = $state(0);
  facets = $state.raw<Facets>(NO_FACETS);
  /** Of `total`, how many were found only by reading the query as pinyin. */
  pinyinMatches = $state(0);
  /** Of `total`, how many were found only through another region's wording (文件 → 檔案). */
  wordingMatches = $state(0);
  /** Also find other regions' wording of the query; remembered. */
  wording = $state(readSaved(WORDING_KEY) !== 'off');
  /** Queries searched lately, newest first; remembered. */
  recent = $state.raw<string[]>(savedRecent());
  ms = $state(0);
  status = $state<SearchStatus>('idle');
  /** The query the shown results answer (lags `query` while a search runs). */
  answered = $state('');
  readonly #client: IndexerClient;
  #searchId = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(client: IndexerClient) {
    this.#client = client;
  }

  /** Whether there is anything to search for: a query, or a file whose articles to list. */
  get active(): boolean {
    return this.query.trim() !== '' || this.fileId !== undefined;
  }

  /** Sets the query and searches after a short pause. */
  setQuery(query: string): void {
    this.query = query;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.run(), SEARCH_DEBOUNCE_MS);
  }

  /** Shows the view a URL names (query, order, filters, file) and searches it now. */
  show(view: ViewState): Promise<void> {
    this.query = view.query;
    this.sort = view.sort;
    this.filters = view.filters;
    this.fileId = view.fileId;
    return this.run();
  }

  setSort(sort: SortOrder): void {
    this.sort = sort;
    void this.run();
  }

  /** Selects or clears one facet value; the facet counts follow. */
  toggleFilter(kind: FacetKind, value: string): void {
    const current = this.filters[kind] ?? [];
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    const { [kind]: _, ...others } = this.filters;
    this.filters = next.length > 0 ? { ...others, [kind]: next } : others;
    void this.run();
  }

  /** Limits the search to one file, or lifts the limit. */
  setFile(fileId: number | undefined): void {
    this.fileId = fileId;
    this.filters = {};
    void this.run();
  }

  #request(offset: number, limit = PAGE_SIZE) {
    return this.#client.request('search', {
      query: this.query,
      limit,
      offset,
      wording: this.wording,
      sort: this.sort,
      filters: this.filters,
      ...(this.fileId !== undefined && { fileId: this.fileId }),
    });
  }

  /** Searches now (Enter, or the library changed). */
  async run(): Promise<void> {
    clearTimeout(this.#timer);
    const id = ++this.#searchId;
    const query = this.query;
    if (!this.active) {
      this.hits = [];
      this.total = 0;
      this.facets = NO_FACETS;
      this.pinyinMatches = 0;
      this.wordingMatches = 0;
      this.status = 'idle';
      this.answered = query;
      return;
    }
    this.status = 'searching';
    try {
      const r = await this.#request(0);
      if (id !== this.#searchId) return;
      this.hits = r.hits;
      this.total = r.total;
      this.facets = r.facets;
      this.pinyinMatches = r.pinyinMatches;
      this.wordingMatches = r.wordingMatches;
      this.ms = r.ms;
      this.status = 'done';
      this.answered = query;
    } catch {
      if (id === this.#searchId) this.status = 'error';
    }
  }

  /** Switches wording matches on or off, remembers it, and searches again. */
  setWording(on: boolean): void {
    this.wording = on;
    save(WORDING_KEY, on ? 'on' : 'off');
    void this.run();
  }

  /** Loads the next page of hits for the current query. */
  async more(): Promise<void> {
    const id = this.#searchId;
    const r = await this.#request(this.hits.length);
    if (id === this.#searchId) this.hits = [...this.hits, ...r.hits];
  }

  /** Every hit of the current search, for an export (0 = no limit). */
  async all(): Promise<Hit[]> {
    return (await this.#request(0, 0)).hits;
  }

  /** Remembers a query people settled on (they paused, pressed Enter or opened a hit). */
  remember(query: string): void {
    const q = query.trim();
    if (!q) return;
    this.recent = [q, ...this.recent.filter((r) => r !== q)].slice(0, RECENT_KEPT);
    save(RECENT_KEY, JSON.stringify(this.recent));
  }

  forgetRecent(): void {
    this.recent = [];
    save(RECENT_KEY, '[]');
  }
}
