/**
 * Index terms are overlapping character n-grams of normalized text: every single character and
 * every pair of adjacent characters, whatever the script.
 *
 * @remarks Pairs make the index order-aware (芯片 is not 片芯) and let any substring of two or
 * more characters be looked up by the pairs it is made of; single characters answer one-character
 * queries. Because Latin, digits and Han are treated alike, `Transformer`, `RISC-V`, `A100` and
 * `骁龙8gen2` need no word rules, and a query is always a substring match. The index only proposes
 * candidates; every candidate is verified against the normalized text, so the results are exact.
 * Whitespace never appears inside a term: a query's spaces separate terms.
 */

/** True for the characters a term never contains. */
function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x3000 || code === 0xfeff;
}

/**
 * The distinct index terms of a normalized text (characters and adjacent pairs, no whitespace).
 * @example indexTerms('芯片') → ['芯', '芯片', '片']
 */
export function indexTerms(normalized: string): string[] {
  const terms = new Set<string>();
  const n = normalized.length;
  for (let i = 0; i < n; i++) {
    const c = normalized.charCodeAt(i);
    if (isSpace(c)) continue;
    terms.add(normalized[i]!);
    if (i + 1 < n && !isSpace(normalized.charCodeAt(i + 1))) terms.add(normalized.slice(i, i + 2));
  }
  return [...terms];
}

/**
 * The terms to look up for one normalized query term (no whitespace inside): the term itself
 * when it is one character, else its distinct adjacent pairs.
 * @example queryTerms('数据分析与数据挖掘') keeps 数据 once; order and repeats are checked by verification.
 */
export function queryTerms(term: string): string[] {
  if (term.length <= 1) return term ? [term] : [];
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < term.length; i++) pairs.add(term.slice(i, i + 2));
  return [...pairs];
}

/** Splits normalized text on whitespace into non-empty terms. */
export function splitOnSpace(normalized: string): string[] {
  return normalized.split(/[\s\u3000\ufeff]+/u).filter(Boolean);
}
