import { isEmptyQuery, matchesQuery, matchesText, soleTerm, type ParsedQuery } from '../query/parse-query.ts';
import { IdCollector, intersect, union } from '../index/id-sets.ts';
import type { TermMatcher } from '../query/term-matcher.ts';
import { pinyinMatchers } from '../query/pinyin.ts';
import { wordingMatchers } from '../query/wording.ts';
import type { CharCounts } from '../index/char-index.ts';
import { countedMatch, countedWidenedMatch } from './counted-match.ts';
import { probeOf, type Candidates, type SectionIndex } from './section-index.ts';
import type { LibrarySection, SectionStore } from './section-store.ts';
import type { Verified, VerifiedTerms } from './verified-terms.ts';

/** Sections found other than literally, with the matchers that found them (per term). */
export interface Widened {
  ids: number[];
  matchers: ReadonlyMap<string, TermMatcher>;
}

/**
 * Finds the sections of one query: index candidates, then exact verification on the folded text
 * (Ctrl-F semantics), literally or widened by other wordings or pinyin readings. Made per query:
 * it remembers each term's index candidates, which the literal match, the document frequencies
 * and every widening need.
 */
export class QueryMatcher {
  readonly #store: SectionStore;
  readonly #index: SectionIndex;
  readonly #candidates = new Map<string, Candidates>();
  /** What verifying a one-term query counted of its term (see {@link known}). */
  #counted: { term: string; known: CharCounts } | undefined;
  /** The same for the last widening of a one-term query (see {@link widenedKnown}). */
  #widenedCounted: { term: string; known: CharCounts } | undefined;

  /** Verifications of earlier queries to extend (see `VerifiedTerms`), if any. */
  readonly #verified: VerifiedTerms | undefined;

  constructor(store: SectionStore, index: SectionIndex, verified?: VerifiedTerms) {
    this.#store = store;
    this.#index = index;
    this.#verified = verified;
  }

  /** `verify` over the candidates, or over those added since a kept verification of the same term and kind. */
  #verify(kind: string, term: string, candidates: readonly number[], verify: (fresh: readonly number[]) => Verified): Verified {
    return this.#verified ? this.#verified.verified(kind, term, this.#store, candidates, verify) : verify(candidates);
  }

  /** A term's index candidates (see `SectionIndex.candidates`), looked up once per query. */
  candidates(term: string): Candidates {
    let found = this.#candidates.get(term);
    if (!found) this.#candidates.set(term, (found = this.#index.candidates(term, () => this.#store.ids())));
    return found;
  }

  /** Sections matching a parsed query: index candidates per clause, intersected, then verified exactly. */
  matching(q: ParsedQuery): number[] {
    if (isEmptyQuery(q)) return [];
    let candidates: number[] | null = null;
    let exact = true;
    for (const alternatives of q.clauses) {
      const found = alternatives.map((t) => this.candidates(t));
      exact &&= found.every((c) => c.exact);
      // Marked in byte arrays (id-sets.ts): a Set of 水's 40 000 sections took 5 ms of `山 水`.
      const lists = found.map((c) => c.ids);
      const any = lists.length === 1 ? lists[0]! : union(lists);
      candidates = candidates === null ? any : intersect(candidates, any);
    }
    candidates = this.#narrowedByTitle(q, candidates);
    // Text-only queries (the usual case) skip building each section's view for the filters.
    const textOnly = q.title.length === 0 && q.file.length === 0 && !q.date;
    // One-character terms come from the character index, which is exact: nothing to verify.
    if (candidates && exact && textOnly && q.exclude.length === 0) return candidates;
    const only = soleTerm(q);
    if (only !== undefined && candidates) return this.#countedMatch(only, candidates);
    const ids = candidates ?? this.#store.ids();
    const out = IdCollector.start();
    for (const id of ids) {
      const s = this.#store.get(id);
      if (s === undefined) continue;
      if (textOnly ? matchesText(s.norm, q) : matchesQuery(this.#store.view(s), q)) out.add(id);
    }
    return out.take();
  }

  /**
   * The sole term of a query, verified in one reading with its counts, and the titles holding it
   * (the character index narrows them); `known` then gives both to the ranker.
   */
  #countedMatch(term: string, candidates: readonly number[]): number[] {
    const known = this.#verify('literal', term, candidates, (fresh) => {
      const { ids, counts } = countedMatch(this.#store, term, fresh);
      return { ids, counts, inTitle: this.#titleHits(ids, counts.length, () => this.#index.titleCandidates([term]), (title) => title.includes(term)) };
    });
    this.#counted = { term, known };
    return known.ids;
  }

  /**
   * Which matches' folded titles `hold` the term, by id (of `size`). A few matches' titles are
   * read; many are narrowed first by the titles that may hold it (`titles`: null reads every
   * match's, as until the character index is complete). Ids the narrowing gives beyond the
   * matches may be marked too: only matches' marks are read.
   */
  #titleHits(ids: readonly number[], size: number, titles: () => readonly number[] | null, holds: (title: string) => boolean): Uint8Array {
    const inTitle = new Uint8Array(size);
    const titled = ids.length <= FEW_MATCHES ? ids : (titles() ?? ids);
    for (const id of titled) {
      const s = this.#store.get(id);
      if (s && holds(this.#store.normTitle(s))) inTitle[id] = 1;
    }
    return inTitle;
  }

  /**
   * A term's count in every matching section and its title hits, when the character index knows
   * them (one character) or the match counted them (a one-term query); else undefined.
   */
  known(term: string): CharCounts | undefined {
    return this.#index.termCounts(term, this.#candidates.get(term)?.counts) ?? (this.#counted?.term === term ? this.#counted.known : undefined);
  }

  /** What the last widening of a one-term query counted of its matches (see {@link widened}), if it was this term's. */
  widenedKnown(term: string): CharCounts | undefined {
    return this.#widenedCounted?.term === term ? this.#widenedCounted.known : undefined;
  }

  /**
   * Sections whose folded text holds the term (its document frequency), from its candidates
   * already looked up: one verification per candidate, no second index lookup.
   */
  documentFrequency(term: string): number {
    const { ids, exact } = this.candidates(term);
    if (exact) return ids.length;
    let df = 0;
    for (const id of ids) if (this.#store.get(id)?.norm.includes(term)) df++;
    return df;
  }

  /**
   * Sections that match only through another region's wording of a term, per script: a
   * Taiwan/Hong Kong wording counts in Traditional text, a mainland one in Simplified text.
   * @param literal the literal matches, to leave out; asked for only when a term has another wording
   */
  wording(q: ParsedQuery, literal: () => ReadonlySet<number>): Widened[] {
    const out: Widened[] = [];
    for (const script of ['hant', 'hans'] as const) {
      const matchers = wordingMatchers(q.terms, script);
      if (!matchers) continue;
      const alternativesOf = (t: string): Candidates => ({ ids: matchers.get(t)?.alternatives.flatMap((a) => this.candidates(a).ids) ?? [], exact: false });
      const ids = this.widened(q, matchers, literal(), { more: alternativesOf, keep: (s) => s.script === script, kind: `wording-${script}` });
      if (ids.length > 0) out.push({ ids, matchers });
    }
    return out;
  }

  /**
   * Sections that match when a term may also be found by its matcher (a pinyin reading, another
   * wording), leaving out those in `skip` and those `how.keep` refuses.
   */
  widened(q: ParsedQuery, matchers: ReadonlyMap<string, TermMatcher>, skip: ReadonlySet<number>, how: WidenedBy): number[] {
    const { more, keep, kind = 'pinyin' } = how;
    const only = soleTerm(q);
    if (only !== undefined && matchers.has(only) && this.#index.charsComplete) {
      const found = more(only);
      // A section per id is read only when something is left out (200 000 reads for `hs` at 200 MB).
      if (found.exact) return skip.size === 0 && !keep ? found.ids : found.ids.filter((id) => !skip.has(id) && (!keep || keep(this.#store.get(id)!)));
      // The term is in none of them (literal matches are skipped): its count is the matcher's.
      const matcher = matchers.get(only)!;
      const counted = this.#verify(kind, only, found.ids, (fresh) => {
        const { ids, counts } = countedWidenedMatch(this.#store, matcher, fresh, (s) => !skip.has(s.id) && (!keep || keep(s)));
        const titles = () => how.titles?.(only) ?? null;
        return { ids, counts, inTitle: this.#titleHits(ids, counts.length, titles, (title) => title.includes(only) || matcher.test(title)) };
      });
      this.#widenedCounted = { term: only, known: counted };
      return counted.ids;
    }
    const finds = (text: string, term: string) => text.includes(term) || (matchers.get(term)?.test(text) ?? false);
    const ids = this.#widenedCandidates(q, matchers, more) ?? this.#store.ids();
    const out = IdCollector.start();
    for (const id of ids) {
      const s = this.#store.get(id);
      if (s !== undefined && !skip.has(id) && (!keep || keep(s)) && matchesQuery(this.#store.view(s), q, finds)) out.add(id);
    }
    return out.take();
  }

  /**
   * Per clause, sections a term may be in literally or through its matcher, so most sections are
   * never scanned; null (every section) until the character index is complete.
   */
  #widenedCandidates(q: ParsedQuery, matchers: ReadonlyMap<string, TermMatcher>, more: (term: string) => Candidates): number[] | null {
    if (!this.#index.charsComplete) return null;
    let candidates: number[] | null = null;
    for (const alternatives of q.clauses) {
      const any = union(alternatives.flatMap((t) => (matchers.has(t) ? [this.candidates(t).ids, more(t).ids] : [this.candidates(t).ids])));
      candidates = candidates === null ? any : intersect(candidates, any);
    }
    return this.#narrowedByTitle(q, candidates);
  }

  /**
   * Candidates narrowed by a `title:` filter, which is always literal: to the sections whose
   * titles hold its characters, as the character index knows them (null: still every section).
   */
  #narrowedByTitle(q: ParsedQuery, candidates: number[] | null): number[] | null {
    const inTitles = q.title.length > 0 ? this.#index.titleCandidates(q.title) : null;
    if (!inTitles) return candidates;
    return candidates === null ? inTitles : intersect(candidates, inTitles);
  }
}

/** How `QueryMatcher.widened` finds what a term's matcher may find. */
export interface WidenedBy {
  /**
   * Sections a term's matcher may find, beyond the term's own candidates; when they are exactly
   * what it finds and the query is that one term, nothing is verified.
   */
  more: (term: string) => Candidates;
  /** Sections to leave out (another script's, for a region's wording); none when absent. */
  keep?: (s: LibrarySection) => boolean;
  /** What the matchers read (pinyin, a region's wording), to keep verifications apart. */
  kind?: string;
  /** Sections whose titles may hold a term or its matches (a superset; null: read every match's). */
  titles?: (term: string) => readonly number[] | null;
}

/**
 * Whether answering a query reads the character index: a term of one character (or a phrase
 * whose longest part is one), a `title:` filter, or a term also read as pinyin or in another
 * region's wording. Until the index is complete such a query reads every section (still exact);
 * any other is answered by the pair index alone, as fast with the character index as without.
 */
export function readsCharacters(q: ParsedQuery, wording: boolean): boolean {
  if (q.title.length > 0) return true;
  if (q.clauses.some((alternatives) => alternatives.some((t) => probeOf(t).length === 1))) return true;
  if (pinyinMatchers(q.terms, q.acronyms)) return true;
  return wording && (wordingMatchers(q.terms, 'hant') !== null || wordingMatchers(q.terms, 'hans') !== null);
}

/**
 * Matches few enough that reading their titles costs less than looking up the titles' characters
 * (common ones are in thousands of titles): that lookup made a query of a rare term 0.2 → 0.6 ms.
 */
const FEW_MATCHES = 4096;
