import { MAX_FACET_VALUES, type FacetKind, type FacetValue, type Facets, type SearchFilters } from './results.ts';
import type { SectionStore } from './section-store.ts';

const KINDS: readonly FacetKind[] = ['source', 'year', 'folder'];

/** The year a date starts with, or '' when it does not start with four digits. */
function yearOf(date: string): string {
  if (date.length < 4) return '';
  for (let i = 0; i < 4; i++) {
    const c = date.charCodeAt(i);
    if (c < 48 || c > 57) return '';
  }
  return date.slice(0, 4);
}

/** A count, changed in place: one map lookup per section and kind instead of a get and a set. */
type Box = { n: number };

/**
 * Filters the matching sections of a query by facet values and counts the facets, in one pass:
 * a map update per section and kind, so a query matching 100 000 sections pays about 8 ms for
 * its facets (Node 20, warm; 3 ms of it looking the sections up).
 *
 * @remarks Standard faceted search: a kind's counts are over the sections that pass the filters
 * of the other kinds, so that choosing one source still shows what the other sources hold. An
 * empty list of values filters nothing (the UI's "all"). Years are counted by the section's
 * date as written and summed per year at the end: a date string is the section's own, its hash
 * kept, where a year cut from it would be a new string to hash for every section.
 */
export class FacetCounter {
  readonly #store: SectionStore;
  readonly #chosen: (ReadonlySet<string> | null)[];
  /** Per kind: value (the date, for years) → count. */
  readonly #counts: Map<string, Box>[] = KINDS.map(() => new Map());
  readonly #values = ['', '', ''];

  constructor(store: SectionStore, filters: SearchFilters = {}) {
    this.#store = store;
    this.#chosen = KINDS.map((k) => (filters[k]?.length ? new Set(filters[k]) : null));
  }

  /** A section's key of each kind ('' when it has none; the date for the year), in a reused buffer. */
  #keys(id: number): readonly string[] | null {
    const s = this.#store.get(id);
    if (!s) return null;
    const values = this.#values;
    values[0] = s.source ?? '';
    values[1] = s.date ?? '';
    values[2] = this.#store.folder(s.fileId);
    return values;
  }

  /**
   * Counts a matching section in the facets it belongs to.
   * @returns whether it passes every filter (it is a result)
   */
  add(id: number): boolean {
    const keys = this.#keys(id);
    if (!keys) return false;
    let failed = -1;
    for (let k = 0; k < KINDS.length; k++) {
      const chosen = this.#chosen[k];
      if (chosen && !chosen.has(k === 1 ? yearOf(keys[k]!) : keys[k]!)) {
        // Failing two kinds: in no kind's counts.
        if (failed !== -1) return false;
        failed = k;
      }
    }
    for (let k = 0; k < KINDS.length; k++) if (failed === -1 || failed === k) this.#tally(k, keys[k]!, 1);
    return failed === -1;
  }

  /** Takes back a result that is listed as a copy of another (copies are counted once, as `total` counts them). */
  remove(id: number): void {
    const keys = this.#keys(id);
    if (keys) for (let k = 0; k < KINDS.length; k++) this.#tally(k, keys[k]!, -1);
  }

  #tally(k: number, key: string, by: number): void {
    const counts = this.#counts[k]!;
    const box = counts.get(key);
    if (box) box.n += by;
    else counts.set(key, { n: by });
  }

  /** The counts, most frequent first, then by value; at most {@link MAX_FACET_VALUES} per kind. */
  facets(): Facets {
    const [sources, dates, folders] = this.#counts as [Map<string, Box>, Map<string, Box>, Map<string, Box>];
    const years = new Map<string, Box>();
    for (const [date, box] of dates) {
      const year = yearOf(date);
      const sum = years.get(year);
      if (sum) sum.n += box.n;
      else years.set(year, { n: box.n });
    }
    // No source or no year is not a value to choose; a top-level folder ('') is.
    sources.delete('');
    years.delete('');
    return { source: top(sources), year: top(years), folder: top(folders) };
  }
}

function top(counts: ReadonlyMap<string, Box>): FacetValue[] {
  const out: FacetValue[] = [];
  for (const [value, { n }] of counts) if (n > 0) out.push({ value, count: n });
  out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return out.slice(0, MAX_FACET_VALUES);
}

/** Facets of no result. */
export function noFacets(): Facets {
  return { source: [], year: [], folder: [] };
}
