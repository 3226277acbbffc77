/**
 * The view in the URL and the browser's history: each settled search and each opened article is
 * a history entry, so Back and Forward walk through searches and in and out of the reader, and a
 * reload or a shared link shows the same view.
 */
import type { ReadResult } from '../../shared/protocol.ts';
import type { IndexerClient } from '../indexer-client.ts';
import type { SearchState } from './search.svelte.ts';
import { parseView, viewSearch, type ViewState } from './url.ts';

/**
 * Typing replaces the current entry; a query changed after this long a pause gets an entry of
 * its own, so Back returns to the search before, not to every keystroke.
 */
export const SETTLE_MS = 1200;

/** What the app keeps in `history.state`: the view, and whether this page pushed the entry. */
interface EntryState {
  souwen: true;
  pushed: boolean;
}

export class Navigation {
  /** The article open in the reader, if any. */
  reading = $state.raw<ReadResult | null>(null);
  readonly #client: IndexerClient;
  readonly #search: SearchState;
  #lastQueryChange = 0;
  /** Counts reads and view changes: an article that arrives after the view moved on is dropped. */
  #generation = 0;

  constructor(client: IndexerClient, search: SearchState) {
    this.#client = client;
    this.#search = search;
  }

  /** The view now shown. */
  view(): ViewState {
    const s = this.#search;
    return { query: s.query, sort: s.sort, filters: s.filters, fileId: s.fileId, article: this.reading?.section.id };
  }

  /** Shows the view the URL names (on load, and on Back / Forward). */
  async restore(search = globalThis.location.search): Promise<void> {
    const view = parseView(search);
    await this.#search.show(view);
    if (view.article === undefined) {
      this.#generation++;
      this.reading = null;
    } else await this.#read(view.article);
  }

  /** The query was edited: the results follow, and the URL with them. */
  queryChanged(): void {
    const now = Date.now();
    const settled = now - this.#lastQueryChange > SETTLE_MS;
    this.#lastQueryChange = now;
    this.#generation++;
    this.reading = null;
    this.#write(settled && this.#search.answered.trim() !== '');
  }

  /** The order, a filter or the file changed: a new entry. */
  filtersChanged(): void {
    this.#generation++;
    this.reading = null;
    this.#write(true);
  }

  /** Opens an article in the reader: a new entry, so Back closes it. */
  async open(sectionId: number): Promise<void> {
    if (!(await this.#read(sectionId))) return;
    this.#search.remember(this.#search.query);
    this.#write(true);
  }

  /** Closes the reader: back to the entry it was opened from when this page pushed it. */
  close(): void {
    const state = globalThis.history?.state as EntryState | null;
    if (state?.souwen && state.pushed && this.reading) {
      globalThis.history.back();
      return;
    }
    this.#generation++;
    this.reading = null;
    this.#write(false);
  }

  /** The library changed (files imported or removed): the open article may be gone. */
  libraryChanged(): void {
    const open = this.reading;
    if (open) void this.#read(open.section.id);
  }

  async #read(sectionId: number): Promise<boolean> {
    const generation = ++this.#generation;
    // A worker restarting answers nothing: the reader stays as it was.
    const read = await this.#client.request('read', { sectionId, query: this.#search.query, wording: this.#search.wording }).catch(() => undefined);
    if (read === undefined) return false;
    // Typed on, or opened another, meanwhile: this article is not wanted any more.
    if (generation !== this.#generation) return false;
    this.reading = read;
    return read !== null;
  }

  #write(push: boolean): void {
    const history = globalThis.history;
    if (!history) return;
    const url = `${globalThis.location.pathname}${viewSearch(this.view())}`;
    if (url === `${globalThis.location.pathname}${globalThis.location.search}`) return;
    const state: EntryState = { souwen: true, pushed: push || ((history.state as EntryState | null)?.pushed ?? false) };
    if (push) history.pushState(state, '', url);
    else history.replaceState(state, '', url);
  }
}
