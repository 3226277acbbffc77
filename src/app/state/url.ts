/**
 * What the URL holds: the query, its sort and facet filters, the file searched within, and the
 * open article. Pure, so that reading and writing it is unit-tested; the history itself is
 * driven by state/navigation.svelte.ts.
 */

import { FACET_KINDS } from '../../core/search/facet-codes.ts';
import type { FacetKind, SearchFilters } from '../../shared/protocol.ts';

export { FACET_KINDS, type FacetKind };
export type SortOrder = 'relevance' | 'date';
/** The facet values chosen, by kind: the engine's own filters. */
export type FacetFilters = SearchFilters;

/** A view of the app that a link can name. */
export interface ViewState {
  query: string;
  sort: SortOrder;
  filters: FacetFilters;
  /** Search within this file only (its articles are listed when the query is empty). */
  fileId?: number | undefined;
  /** The section open in the reader. */
  article?: number | undefined;
}

const positive = (value: string | null): number | undefined => {
  const n = Number(value);
  return value !== null && Number.isSafeInteger(n) && n > 0 ? n : undefined;
};

/** The view a URL's query string names; anything unreadable is left out. */
export function parseView(search: string): ViewState {
  const params = new URLSearchParams(search);
  const filters: { -readonly [K in FacetKind]?: string[] } = {};
  for (const kind of FACET_KINDS) {
    const values = params.getAll(kind);
    if (values.length > 0) filters[kind] = values;
  }
  return {
    query: params.get('q') ?? '',
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
    filters,
    fileId: positive(params.get('file')),
    article: positive(params.get('a')),
  };
}

/** The query string for a view (`?q=…&a=…`), or '' for the empty view. */
export function viewSearch(view: ViewState): string {
  const params = new URLSearchParams();
  if (view.query) params.set('q', view.query);
  if (view.sort === 'date') params.set('sort', 'date');
  for (const kind of FACET_KINDS) for (const value of view.filters[kind] ?? []) params.append(kind, value);
  if (view.fileId !== undefined) params.set('file', String(view.fileId));
  if (view.article !== undefined) params.set('a', String(view.article));
  const text = params.toString();
  return text ? `?${text}` : '';
}
