import type { Hit } from '../../shared/protocol.ts';
import type { IndexerClient } from '../indexer-client.ts';

/** Delay after the last keystroke before searching; short, the worker answers in milliseconds. */
export const SEARCH_DEBOUNCE_MS = 60;
export const PAGE_SIZE = 20;

export type SearchStatus = 'idle' | 'searching' | 'done' | 'error';

const WORDING_KEY = 'souwen.wording';

/** Whether other regions' wording is searched too: on unless switched off (storage may be unavailable). */
function savedWording(): boolean {
  try {
    return globalThis.localStorage?.getItem(WORDING_KEY) !== 'off';
  } catch {
    return true;
  }
}

/**
 * Search as you type. Every search gets an id; an answer that is not for the latest search is
 * dropped, so a slow answer never overwrites a newer one.
 */
export class SearchState {
  query = $state('');
  hits = $state.raw<Hit[]>([]);
  total = $state(0);
  /** Of `total`, how many were found only by reading the query as pinyin. */
  pinyinMatches = $state(0);
  /** Of `total`, how many were found only through another region's wording (文件 → 檔案). */
  wordingMatches = $state(0);
  /** Also find other regions' wording of the query; remembered. */
  wording = $state(savedWording());
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

  /** Sets the query and searches after a short pause. */
  setQuery(query: string): void {
    this.query = query;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.run(), SEARCH_DEBOUNCE_MS);
  }

  /** Searches now (Enter, or the library changed). */
  async run(): Promise<void> {
    clearTimeout(this.#timer);
    const id = ++this.#searchId;
    const query = this.query;
    if (!query.trim()) {
      this.hits = [];
      this.total = 0;
      this.pinyinMatches = 0;
      this.wordingMatches = 0;
      this.status = 'idle';
      this.answered = query;
      return;
    }
    this.status = 'searching';
    try {
      const r = await this.#client.request('search', { query, limit: PAGE_SIZE, offset: 0, wording: this.wording });
      if (id !== this.#searchId) return;
      this.hits = r.hits;
      this.total = r.total;
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
    try {
      globalThis.localStorage?.setItem(WORDING_KEY, on ? 'on' : 'off');
    } catch {
      // Not persisted; the choice still applies to this page.
    }
    void this.run();
  }

  /** Loads the next page of hits for the current query. */
  async more(): Promise<void> {
    const id = this.#searchId;
    const r = await this.#client.request('search', { query: this.query, limit: PAGE_SIZE, offset: this.hits.length, wording: this.wording });
    if (id === this.#searchId) this.hits = [...this.hits, ...r.hits];
  }
}
