import { normalizeText } from '../normalize/normalize.ts';

/**
 * A parsed query. A section matches when every clause has at least one of its alternatives in
 * the section's normalized text, no excluded term is in it, every `title:` term is in its title,
 * every `file:` term is in its file's name, and its date (if a range is given) is in the range.
 */
export interface ParsedQuery {
  /** AND of clauses; each clause is an OR of normalized terms (a phrase may contain spaces). */
  clauses: string[][];
  /** `-term`: sections containing any of these are left out. */
  exclude: string[];
  /** `title:term`: must occur in the title. */
  title: string[];
  /** `file:term`: must occur in the file's path. */
  file: string[];
  /** `date:2022-10..2022-12`: inclusive, at the precision written (year, month or day); open ends allowed. */
  date?: { from: string; to: string } | undefined;
  /** Every positive term (clauses and title terms), for ranking and highlighting. */
  terms: string[];
  /**
   * Terms written only in capitals (`AI`, `GPU`: at least two letters): acronyms, never read as
   * pinyin. Recorded here because folding lower-cases them; absent means none.
   */
  acronyms?: string[];
}

/** A word or phrase; `prefix` is an operator written right before a quote (`-"…"`, `title:"…"`). */
type Token = { text: string; quoted: boolean; prefix: string };

const QUOTES = /["“”„＂]/;
const DATE_PART = /^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?)?$/;
/** A term in capital Latin letters only (an apostrophe may split it, as in pinyin), at least two. */
const ACRONYM = /^[A-Z]+(?:'[A-Z]+)*$/;

/** Splits raw input into words and quoted phrases; an unbalanced quote stays a literal character. */
function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    if (/\s/.test(input[i]!)) {
      i++;
      continue;
    }
    let text = '';
    let quoted = false;
    let prefix = '';
    while (i < input.length && !/\s/.test(input[i]!)) {
      if (QUOTES.test(input[i]!)) {
        const close = input.slice(i + 1).search(QUOTES);
        if (close === -1) {
          text += input[i++]; // no closing quote: the quote is just a character
          continue;
        }
        if (!quoted && /^(-|title:|file:)$/.test(text)) {
          prefix = text;
          text = '';
        }
        text += input.slice(i + 1, i + 1 + close);
        quoted = true;
        i += close + 2;
      } else {
        text += input[i++];
      }
    }
    tokens.push({ text, quoted, prefix });
  }
  return tokens;
}

function parseDate(value: string): { from: string; to: string } | null {
  const [from = '', to = from, ...rest] = value.split('..');
  if (rest.length > 0 || !DATE_PART.test(from) || !DATE_PART.test(to) || (!from && !to)) return null;
  return { from, to };
}

/**
 * Parses what the user typed. Words separated by spaces must all occur (AND); `A OR B` needs
 * either; `"exact phrase"` keeps its spaces; `-word` excludes; `title:`, `file:` and
 * `date:2022-10..2022-12` filter. Terms are normalized exactly like documents. Malformed input
 * (an unbalanced quote, a lone `-`, `OR` with nothing on one side, an unreadable date) never
 * errors: it is read as literal text.
 * @example parseQuery('芯片 OR 晶片 -手机 title:"AI 简报"')
 */
export function parseQuery(input: string): ParsedQuery {
  const q: ParsedQuery = { clauses: [], exclude: [], title: [], file: [], terms: [] };
  const tokens = tokenize(input.normalize('NFKC'));
  let joinNext = false;
  // A folded term is an acronym only when every place it was written is in capitals.
  const capitals = new Set<string>();
  const lower = new Set<string>();
  const written = (raw: string, term: string) => (ACRONYM.test(raw) && raw.replace(/'/g, '').length >= 2 ? capitals : lower).add(term);
  tokens.forEach((token, i) => {
    const { quoted, prefix } = token;
    const text = token.text;
    const isOr = !quoted && text === 'OR';
    if (isOr && q.clauses.length > 0 && !joinNext && i + 1 < tokens.length) {
      joinNext = true;
      return;
    }
    const filter = quoted ? (prefix && text ? [prefix + text, prefix, text] : null) : /^(-|title:|file:|date:)(.+)$/.exec(text);
    if (filter) {
      const value = normalizeText(filter[2]!).trim();
      if (filter[1] === 'date:') {
        const range = parseDate(filter[2]!);
        if (range) return void (q.date = range);
      } else if (value) {
        ({ '-': q.exclude, 'title:': q.title, 'file:': q.file })[filter[1] as '-' | 'title:' | 'file:'].push(value);
        if (filter[1] === 'title:') written(filter[2]!.trim(), value);
        joinNext = false;
        return;
      }
    }
    const term = normalizeText(text).trim().replace(/\s+/g, ' ');
    if (!term) return;
    written(text, term);
    if (joinNext) q.clauses[q.clauses.length - 1]!.push(term);
    else q.clauses.push([term]);
    joinNext = false;
  });
  q.terms = [...new Set([...q.clauses.flat(), ...q.title])];
  const acronyms = [...capitals].filter((t) => !lower.has(t));
  if (acronyms.length > 0) q.acronyms = acronyms;
  return q;
}

/** What the matcher needs to know about a section. */
export interface SectionView {
  norm: string;
  normTitle: string;
  normFile: string;
  date?: string | undefined;
}

const includes = (text: string, term: string) => text.includes(term);

/** The text part of {@link matchesQuery} (clauses and exclusions), for queries without filters. */
export function matchesText(norm: string, q: ParsedQuery): boolean {
  for (const alternatives of q.clauses) {
    let any = false;
    for (const t of alternatives) if ((any = norm.includes(t))) break;
    if (!any) return false;
  }
  for (const t of q.exclude) if (norm.includes(t)) return false;
  return true;
}

/**
 * Whether a section matches a parsed query (the exact predicate; the index only narrows).
 * @param finds how a clause's term is found in the text: literally, unless a caller (pinyin) widens it.
 */
export function matchesQuery(s: SectionView, q: ParsedQuery, finds: (text: string, term: string) => boolean = includes): boolean {
  if (finds === includes) {
    if (!matchesText(s.norm, q)) return false;
  } else {
    if (!q.clauses.every((alternatives) => alternatives.some((t) => finds(s.norm, t)))) return false;
    if (q.exclude.some((t) => s.norm.includes(t))) return false;
  }
  if (!q.title.every((t) => s.normTitle.includes(t))) return false;
  if (!q.file.every((t) => s.normFile.includes(t))) return false;
  if (q.date) {
    if (!s.date) return false;
    if (q.date.from && s.date.slice(0, q.date.from.length) < q.date.from) return false;
    if (q.date.to && s.date.slice(0, q.date.to.length) > q.date.to) return false;
  }
  return true;
}

/** True when the query asks for nothing (empty, or only text that normalizes to nothing). */
export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.clauses.length === 0 && q.title.length === 0 && q.file.length === 0 && !q.date;
}

/** The term of a query that is one plain term (no alternatives, exclusions or filters). */
export function soleTerm(q: ParsedQuery): string | undefined {
  const [clause, ...rest] = q.clauses;
  const plain = rest.length === 0 && clause?.length === 1 && q.exclude.length === 0 && q.title.length === 0 && q.file.length === 0 && !q.date;
  return plain ? clause[0] : undefined;
}
