/**
 * Scores a matching section: BM25 over the section's normalized text, plus a large bonus for
 * each query term found in the title, so that an article about the query comes before one that
 * merely mentions it. Ties go to the newest dated section, then to the earliest imported.
 */

/** BM25 term-frequency saturation. */
export const BM25_K1 = 1.2;
/** BM25 length normalization: 0 ignores section length, 1 fully normalizes by it. */
export const BM25_B = 0.75;
/**
 * Occurrences counted per term and section. BM25 saturates: at 16 a term already gets 93 % of
 * the weight it would get at any count, and counting every 。 or 的 of a long chapter was most
 * of the time of a one-character query (DESIGN.md).
 */
export const TF_CAP = 16;
/**
 * Characters of a section read to count a term; beyond, the count is scaled from its density
 * there. At 50 MB, counting every section whole was 16 of the 27 ms of a one-character query;
 * a window of 4 096 characters still took 4 ms.
 */
export const TF_WINDOW = 1024;
/** Added per query term found in the title; larger than any realistic BM25 sum. */
export const TITLE_BONUS = 20;
/** Added, scaled by closeness, when a query's terms occur near one another (2+ terms only). */
export const PROXIMITY_BONUS = 4;

/** What the ranker needs to know about one query term over the whole library. */
export interface TermStats {
  /** Sections containing the term. */
  df: number;
}

/** What the ranker needs to know about one matching section. */
export interface Candidate {
  id: number;
  /** Occurrences of each query term in the section, in query order. */
  tf: readonly number[];
  /** Whether the normalized title contains each query term. */
  inTitle: readonly boolean[];
  /** Normalized length of the section. */
  length: number;
  /** ISO date of the section, if any. */
  date?: string | undefined;
  /** Shortest span holding every term (see `minimalSpan`); Infinity when unknown. */
  span?: number | undefined;
  /** Sum of the terms' lengths: the span they would need if adjacent. */
  termChars?: number | undefined;
}

/** Inverse document frequency, BM25 style (never negative). */
function idf(totalSections: number, df: number): number {
  return Math.log(1 + (totalSections - df + 0.5) / (df + 0.5));
}

/** BM25's weight of a term occurring `tf` times in a section of `length` characters, before idf. */
function saturation(tf: number, length: number, avgLength: number): number {
  const norm = 1 - BM25_B + (BM25_B * length) / Math.max(avgLength, 1);
  return (tf * (BM25_K1 + 1)) / (tf + BM25_K1 * norm);
}

/** Score of one candidate; higher is better. */
export function score(c: Candidate, stats: readonly TermStats[], totalSections: number, avgLength: number): number {
  let s = 0;
  for (let t = 0; t < stats.length; t++) {
    s += idf(totalSections, stats[t]!.df) * saturation(c.tf[t] ?? 0, c.length, avgLength);
    if (c.inTitle[t]) s += TITLE_BONUS;
  }
  // Terms side by side score the full bonus; terms a chapter apart, almost none.
  if (stats.length > 1 && c.span !== undefined && Number.isFinite(c.span) && c.termChars) s += (PROXIMITY_BONUS * c.termChars) / c.span;
  return s;
}

/**
 * {@link score} of a one-term query as a function of what varies between sections, its term's
 * weight computed once: the same operations in the same order, so the same number. A common
 * character's query scores 200 000 sections at 50 MB, and the logarithm per section was 7 % of it.
 */
export function singleTermScore(stats: readonly TermStats[], totalSections: number, avgLength: number): (tf: number, length: number, inTitle: boolean) => number {
  const weight = idf(totalSections, stats[0]!.df);
  return (tf, length, inTitle) => {
    const s = weight * saturation(tf, length, avgLength);
    return inTitle ? s + TITLE_BONUS : s;
  };
}

/**
 * The most {@link score} can give a section, knowing only its length, how many query terms its
 * title holds and, where known, a term's count: every other term at {@link TF_CAP} and the terms
 * as close as they can be. Cheap enough to compute for every hit, so that only the best need
 * their terms counted (`topK`).
 * @param longestTerm the shortest span possible for several terms (no span is shorter); 0 when
 *   proximity does not count
 * @returns the bound of a section, given its length, title hits and each term's count (0: not
 *   known, taken as {@link TF_CAP})
 */
export function scoreBound(
  stats: readonly TermStats[],
  totalSections: number,
  avgLength: number,
  termChars: number,
  longestTerm: number,
): (length: number, titleHits: number, tf?: readonly number[]) => number {
  const idfs = stats.map(({ df }) => idf(totalSections, df));
  const proximity = stats.length > 1 && longestTerm > 0 ? (PROXIMITY_BONUS * termChars) / longestTerm : 0;
  // Summed in another order than `score`: a relative margin keeps rounding from crossing it.
  return (length, titleHits, tf) => {
    let terms = 0;
    for (let t = 0; t < idfs.length; t++) terms += idfs[t]! * saturation(tf?.[t] || TF_CAP, length, avgLength);
    return (TITLE_BONUS * titleHits + terms + proximity) * (1 + 1e-9);
  };
}

/** Orders scored candidates: score, then newest date, then id (import order). */
export function compareRanked(a: { score: number; date?: string | undefined; id: number }, b: typeof a): number {
  if (b.score !== a.score) return b.score - a.score;
  const ad = a.date ?? '';
  const bd = b.date ?? '';
  if (ad !== bd) return ad < bd ? 1 : -1;
  return a.id - b.id;
}
