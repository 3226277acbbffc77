import type { CharCounts } from '../index/char-index.ts';
import type { TermMatcher } from '../query/term-matcher.ts';
import { countOccurrences, estimateCount, occurrences } from '../rank/occurrences.ts';
import { minimalSpan } from '../rank/proximity.ts';
import { score, scoreBound, singleTermScore, TF_CAP, TF_WINDOW, type TermStats } from '../rank/rank.ts';
import { topK, topKByScore } from '../rank/top-k.ts';
import type { MatchKind, RankedEntry } from './results.ts';
import type { LibrarySection, SectionStore } from './section-store.ts';

/** A scored section, before copies are looked for. */
export type ScoredSection = Omit<RankedEntry, 'copies'>;

/** One group of matching sections to rank: the same query terms, found the same way. */
export interface RankRequest {
  terms: readonly string[];
  stats: readonly TermStats[];
  /** Pinyin or wording matchers that found these sections besides the terms; null for literal ones. */
  widened: ReadonlyMap<string, TermMatcher> | null;
  match: MatchKind;
  /**
   * Per term, its count in every section and its title hits when they are known: from the
   * character index (a one-character term; a one-term pinyin query of one syllable or two
   * initials, whose hits do not hold the term literally) or from verifying a one-term query
   * (`QueryMatcher.known`, `widenedKnown`). Read instead of the text; 0 means not known.
   */
  indexed?: readonly (CharCounts | undefined)[] | undefined;
  /** How many of the best to return (see `topK`). */
  wanted: number;
}

/** What scoring one request needs, computed once for all its sections. */
interface Scoring {
  store: SectionStore;
  request: RankRequest;
  matchers: (TermMatcher | undefined)[];
  /**
   * Per term, how many times a piece of text holds it: literally, or (widened) literally and
   * through its matcher. Made once per request, shared by every section's count.
   */
  counts: ((part: string) => number)[];
  /** Per term, what the character index knows of it (see {@link RankRequest.indexed}). */
  known: (CharCounts | undefined)[];
  lengths: number[];
  termChars: number;
  /** Proximity needs term lengths, which a pinyin reading or another wording does not share. */
  withSpan: boolean;
  total: number;
  avgLength: number;
  boundOf: (length: number, titleHits: number, tf?: readonly number[]) => number;
  /** Scratch for {@link bound}: each term's known count in the section being bounded. */
  boundCounts: number[];
}

function scoring(store: SectionStore, request: RankRequest): Scoring {
  const { terms, stats, widened } = request;
  const total = store.size;
  const avgLength = store.totalLength / Math.max(total, 1);
  const lengths = terms.map((t) => t.length);
  const termChars = lengths.reduce((n, l) => n + l, 0);
  const withSpan = terms.length > 1 && !widened;
  const boundOf = scoreBound(stats, total, avgLength, termChars, withSpan ? Math.max(...lengths) : 0);
  const matchers = terms.map((t) => widened?.get(t));
  // A literal match contains the term; a widened match may hold it, its matches, or both.
  const counts = terms.map((term, t) => {
    const m = matchers[t];
    return m ? (part: string) => countOccurrences(part, term, TF_CAP) + m.count(part) : (part: string) => countOccurrences(part, term, TF_CAP);
  });
  const known = terms.map((_, t) => request.indexed?.[t]);
  return { store, request, matchers, counts, known, lengths, termChars, withSpan, total, avgLength, boundOf, boundCounts: terms.map(() => 0) };
}

/** Whether the section's folded title holds term `t` (or what its matcher finds). */
function inTitle(c: Scoring, s: LibrarySection, t: number): boolean {
  const known = c.known[t];
  if (known) return known.inTitle[s.id] !== 0;
  const normTitle = c.store.normTitle(s);
  return normTitle.includes(c.request.terms[t]!) || (c.matchers[t]?.test(normTitle) ?? false);
}

/**
 * The most a section can score (see `scoreBound`): its length, title hits and the counts the
 * index knows. Counts known for common characters (`山 水`) bring the bound near the score, so
 * few sections are counted in full; and when every term is known, the bound reads arrays by id
 * alone, not the section (16 500 hits of `山 水` were scattered over the heap).
 */
function bound(c: Scoring, id: number): number {
  let titleHits = 0;
  const tf = c.boundCounts;
  for (let t = 0; t < tf.length; t++) {
    const known = c.known[t];
    tf[t] = known?.counts[id] ?? 0;
    if (known ? known.inTitle[id] !== 0 : inTitle(c, c.store.get(id)!, t)) titleHits++;
  }
  return c.boundOf(c.store.lengths[id]!, titleHits, tf);
}

/** A section's score, its terms counted. */
function scored(c: Scoring, s: LibrarySection): ScoredSection {
  const { terms, stats, widened, match } = c.request;
  const tf = c.counts.map((count, t) => c.known[t]?.counts[s.id] || estimateCount(s.norm, TF_CAP, TF_WINDOW, count));
  const span = c.withSpan ? minimalSpan(terms.map((t) => occurrences(s.norm, t, 256)), c.lengths) : undefined;
  const candidate = { id: s.id, span, termChars: c.termChars, tf, inTitle: terms.map((_, t) => inTitle(c, s, t)), length: s.norm.length, date: s.date };
  return { id: s.id, date: s.date, score: score(candidate, stats, c.total, c.avgLength), match, ...(widened ? { matchers: widened } : {}) };
}

/**
 * A one-term query's exact score of a section, by id (the same inputs and arithmetic as
 * {@link scored}, so the same number). What the character index knows of the term is read from
 * arrays: no section, text or title is touched.
 */
function singleTermScorer(c: Scoring): (id: number) => number {
  const value = singleTermScore(c.request.stats, c.total, c.avgLength);
  const count = c.counts[0]!;
  const fromText = (id: number) => {
    const s = c.store.get(id)!;
    return value(estimateCount(s.norm, TF_CAP, TF_WINDOW, count), s.norm.length, inTitle(c, s, 0));
  };
  const known = c.known[0];
  if (!known) return fromText;
  const lengths = c.store.lengths;
  // A count the index does not know (0) is read from the text.
  return (id) => (known.counts[id] === 0 ? fromText(id) : value(known.counts[id]!, lengths[id]!, known.inTitle[id] !== 0));
}

/**
 * Scores and sorts matching sections; with matchers, a term's matches include what they find.
 * Only the best `wanted` are scored and sorted (see `topK`): the others can be counted but never
 * listed, since the page and the copies looked for lie within them.
 *
 * @remarks With one term the bound is the score itself: counting one term is as cheap as
 * bounding it, and a bound that assumes the term {@link TF_CAP} times is far above what a common
 * character (〔, 。, 山: once or twice per poem) scores, so every hit was scored in full. At 50 MB
 * (204 084 sections), 〔 took 480 ms, most of it building a candidate per hit.
 */
export function rankSections(store: SectionStore, ids: readonly number[], request: RankRequest): ScoredSection[] {
  const c = scoring(store, request);
  const k = Math.min(request.wanted, ids.length);
  if (request.terms.length !== 1) return rankByBounds(c, ids, k);
  const exact = singleTermScorer(c);
  const { widened, match } = request;
  return topKByScore(
    ids.length,
    k,
    (i) => exact(ids[i]!),
    (i) => ({ id: ids[i]!, date: store.get(ids[i]!)!.date, score: exact(ids[i]!), match, ...(widened ? { matchers: widened } : {}) }),
  );
}

/** Ranks by score bounds, counting terms only where a bound may beat the best so far (any query). */
function rankByBounds(c: Scoring, ids: readonly number[], k: number): ScoredSection[] {
  return topK(ids.length, k, (i) => bound(c, ids[i]!), (i) => scored(c, c.store.get(ids[i]!)!));
}

/** {@link rankSections} by bounds whatever the query (for tests: the one-term path must equal it). */
export function rankSectionsByBounds(store: SectionStore, ids: readonly number[], request: RankRequest): ScoredSection[] {
  return rankByBounds(scoring(store, request), ids, Math.min(request.wanted, ids.length));
}

/**
 * Merges lists each sorted best first into one, best first; on equal scores the earlier list
 * wins, so a literal match comes before a wording match of the same relevance.
 */
export function mergeByScore(lists: readonly ScoredSection[][]): ScoredSection[] {
  if (lists.length === 1) return lists[0]!;
  const tagged = lists.flatMap((list, rank) => list.map((r, order) => ({ r, rank, order })));
  tagged.sort((a, b) => b.r.score - a.r.score || a.rank - b.rank || a.order - b.order);
  return tagged.map((t) => t.r);
}
