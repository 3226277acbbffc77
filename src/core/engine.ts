import { CharIndex } from './index/char-index.ts';
import { SearchIndex } from './index/search-index.ts';
import { normalize, normalizeText, originalOffset } from './normalize/normalize.ts';
import { isEmptyQuery, matchesQuery, matchesText, parseQuery, type ParsedQuery, type SectionView } from './query/parse-query.ts';
import { pinyinMatchers } from './query/pinyin.ts';
import type { TermMatcher } from './query/term-matcher.ts';
import { wordingMatchers } from './query/wording.ts';
import { foldSections } from './normalize/fold-sections.ts';
import type { Script } from './normalize/script.ts';
import { highlightRanges, mergeRanges } from './rank/highlight.ts';
import { countOccurrences, estimateCount, estimateOccurrences, occurrences } from './rank/occurrences.ts';
import { score, scoreBound, TF_CAP, TF_WINDOW, type TermStats } from './rank/rank.ts';
import { groupCopies, GROUP_WINDOW } from './rank/group.ts';
import { topK } from './rank/top-k.ts';
import { signature, type Signature } from './rank/near-duplicates.ts';
import { minimalSpan } from './rank/proximity.ts';
import { makeSnippets } from './rank/snippet.ts';
import type { Range, Section, Snippet } from './types.ts';

/** A section as the engine keeps it: original text for display, normalized text for matching. */
export interface EngineSection {
  id: number;
  fileId: number;
  /** Position of the section in its file, from 0. */
  index: number;
  title: string;
  url?: string | undefined;
  source?: string | undefined;
  date?: string | undefined;
  text: string;
  /** `normalize(text).text`, stored so restoring a library needs no normalization. */
  norm: string;
  /** `driftOf(normalize(text).map)`: maps offsets of `norm` back to `text` without re-normalizing. */
  drift?: number[] | undefined;
  /** `normalize(title).text`; computed on first use when absent. */
  normTitle?: string | undefined;
  /**
   * The script the section is written in (its own characters, else its file's); regional wording
   * is matched only in text of the other script. Absent when neither script shows.
   */
  script?: Script | undefined;
}

/**
 * A section as stored and restored: its text may be left out and loaded when the section is
 * shown (`setTexts`), so that a reload reads the normalized text and the index, not the text too.
 */
export type StoredSection = Omit<EngineSection, 'text'> & { text?: string | undefined };

/** One search result: an article (section) with a highlighted snippet. */
export interface Hit {
  sectionId: number;
  fileId: number;
  fileName: string;
  sectionIndex: number;
  title: string;
  titleMarks: Range[];
  url?: string | undefined;
  source?: string | undefined;
  date?: string | undefined;
  snippet: Snippet;
  score: number;
  /**
   * How the section matched: it contains the query (`literal`, Ctrl-F); it contains another
   * region's wording of a term (`wording`: 文件 → a Traditional 檔案); or only the query read as
   * pinyin (`pinyin`: `xinpian` → 芯片), listed after every other hit.
   */
  match: MatchKind;
  /** For a wording match: the words of the text that matched, as written (檔案). */
  wording?: string[];
  /** The same article in other files (a Traditional copy of a Simplified one, say), listed once. */
  alsoIn: { sectionId: number; fileName: string; title: string }[];
}

/** How a hit matched the query (see {@link Hit.match}). */
export type MatchKind = 'literal' | 'wording' | 'pinyin';

/** The answer to a query: how many results there are, and the requested page of them, best first. */
export interface SearchResult {
  /** Results listed: matching sections (literal, then pinyin), copies of one article counted once. */
  total: number;
  /** Matching sections, copies included (what Ctrl-F over every file would find). */
  matches: number;
  /** Further sections found only through another region's wording of a term (copies included). */
  wordingMatches: number;
  /** Further sections found only by reading the query as pinyin (copies included). */
  pinyinMatches: number;
  hits: Hit[];
  /**
   * Files whose section text must be loaded (`setTexts`) before this page can be shown; `hits`
   * is then empty. Only after restoring sections without their text.
   */
  textMissing?: number[];
}

/** A section opened for reading, with every occurrence of the query marked. */
export interface ReadResult {
  section: Omit<EngineSection, 'norm'>;
  fileName: string;
  marks: Range[];
}

/** Options of {@link SearchEngine.search}. */
export interface SearchOptions {
  /** Hits to return (with snippets); 0 means all. Default 20. */
  limit?: number;
  offset?: number;
  /** Also find other regions' wording of the terms (文件 → 檔案). Default true. */
  wording?: boolean;
}

const DEFAULT_LIMIT = 20;
/** Sections at least this long get their near-duplicate sketch at import (see `addFile`). */
const EAGER_SKETCH_CHARS = 1000;

/** A search ranked but not yet turned into hits (see `SearchEngine.search`). */
interface SearchPage {
  counts: Omit<SearchResult, 'hits' | 'textMissing'>;
  entries: Ranked[];
  groups: Map<number, number[]>;
  terms: string[];
}

/** A scored section on its way to becoming a hit. */
interface Ranked {
  id: number;
  date?: string | undefined;
  score: number;
  match: MatchKind;
  /** What found the section besides its literal terms (pinyin or wording matchers), for marking it. */
  matchers?: ReadonlyMap<string, TermMatcher>;
}

/**
 * Merges lists each sorted best first into one, best first; on equal scores the earlier list
 * wins, so a literal match comes before a wording match of the same relevance.
 */
function mergeByScore(lists: readonly Ranked[][]): Ranked[] {
  if (lists.length === 1) return lists[0]!;
  const tagged = lists.flatMap((list, rank) => list.map((r, order) => ({ r, rank, order })));
  tagged.sort((a, b) => b.r.score - a.r.score || a.rank - b.rank || a.order - b.order);
  return tagged.map((t) => t.r);
}

/** Sections found other than literally, with the matchers that found them (per term). */
interface Widened {
  ids: number[];
  matchers: ReadonlyMap<string, TermMatcher>;
}

/**
 * The searchable library in memory: sections, their normalized text and the n-gram index.
 * Shared by the worker and the command line, so both answer a query identically.
 *
 * @remarks Matching is exact (Ctrl-F semantics on normalized text): the index proposes the
 * sections that contain all of a term's character pairs, and each candidate is verified with
 * `includes` on its normalized text before it is ranked.
 */
export class SearchEngine {
  readonly #index = new SearchIndex();
  /** Exact sections of each character: one-character queries and pinyin candidates. */
  readonly #chars = new CharIndex();
  /**
   * Restored sections not yet in {@link CharIndex}: a reload shows results without waiting for it
   * (150 ms at 50 MB), and queries scan the text until `indexCharacters` is done.
   */
  #charsPending: number[] = [];
  readonly #sections = new Map<number, StoredSection>();
  readonly #files = new Map<number, { name: string; normName: string; sectionIds: number[] }>();
  /** Normalized titles, computed on first use: ranking needs them for every hit of every query. */
  readonly #normTitles = new Map<number, string>();
  /** Near-duplicate signatures, computed on first use when a section is among the top hits. */
  readonly #signatures = new Map<number, Signature>();
  #totalLength = 0;
  /** The last search, when its page lacked section text: repeated once the text is loaded, it is not ranked again. */
  #waiting: { key: string; page: SearchPage } | null = null;

  /** Total length of the normalized text, in UTF-16 code units. */
  get normalizedLength(): number {
    return this.#totalLength;
  }

  /** Number of sections in the library. */
  get sectionCount(): number {
    return this.#sections.size;
  }

  /**
   * Normalizes and indexes a file's sections under the given ids.
   * @returns the sections as stored (with their normalized text), for persistence.
   */
  addFile(fileId: number, fileName: string, sections: readonly Section[], firstId: number): EngineSection[] {
    const folded = foldSections(sections);
    const added = sections.map((s, index): EngineSection => ({
      id: firstId + index,
      fileId,
      index,
      title: s.title,
      url: s.url,
      source: s.source,
      date: s.date,
      text: s.text,
      ...folded[index]!,
    }));
    this.restoreFile(fileId, fileName, added);
    // A long section's sketch (its first 4 000 characters) would slow the first queries that list
    // it, so it is made now; a short one is made when first needed: at 50 MB of poems (204 084
    // sections) making every sketch ahead held 58 MB of heap (DESIGN.md, decision 37).
    for (const section of added) if (section.norm.length >= EAGER_SKETCH_CHARS) this.#signatures.set(section.id, signature(section.norm));
    return added;
  }

  /**
   * Adds already-normalized sections (from storage).
   * @param indexed true when the persisted index already contains them.
   */
  restoreFile(fileId: number, fileName: string, sections: readonly StoredSection[], indexed = false): void {
    this.#waiting = null;
    this.#files.set(fileId, { name: fileName, normName: normalizeText(fileName), sectionIds: sections.map((s) => s.id) });
    for (const s of sections) {
      this.#sections.set(s.id, s);
      this.#totalLength += s.norm.length;
      if (indexed) this.#charsPending.push(s.id);
      else {
        this.#chars.add(s.id, s.norm);
        this.#index.add(s.id, s.norm);
      }
    }
  }

  /** Removes a file and all its sections. */
  removeFile(fileId: number): void {
    this.#waiting = null;
    const file = this.#files.get(fileId);
    if (!file) return;
    for (const id of file.sectionIds) {
      const s = this.#sections.get(id);
      if (s) this.#totalLength -= s.norm.length;
      this.#sections.delete(id);
      this.#normTitles.delete(id);
      this.#signatures.delete(id);
      this.#index.remove(id);
      this.#chars.remove(id);
    }
    this.#files.delete(fileId);
    // Removed sections leave stale slots behind; drop them once they outnumber the live ones.
    if (this.#chars.stale > this.#chars.size) this.#chars.rebuild(this.#sections.values());
  }

  /** Empties the library. */
  clear(): void {
    this.#waiting = null;
    this.#sections.clear();
    this.#normTitles.clear();
    this.#signatures.clear();
    this.#files.clear();
    this.#index.clear();
    this.#chars.clear();
    this.#charsPending = [];
    this.#totalLength = 0;
  }

  /** The normalized text of a section (what matching sees), or undefined for an unknown id. */
  normalizedTextOf(sectionId: number): string | undefined {
    return this.#sections.get(sectionId)?.norm;
  }

  /** Ids of the sections whose normalized text contains every term (a plain AND query), unranked. */
  matchingIds(terms: readonly string[]): number[] {
    return this.matching({ clauses: terms.map((t) => [t]), exclude: [], title: [], file: [], terms: [...terms] });
  }

  /** Sections matching a parsed query: index candidates per clause, intersected, then verified exactly. */
  matching(q: ParsedQuery): number[] {
    if (isEmptyQuery(q)) return [];
    let candidates: number[] | null = null;
    let exact = true;
    for (const alternatives of q.clauses) {
      const found = alternatives.map((t) => this.#candidates(t));
      exact &&= found.every((c) => c.exact);
      if (candidates === null && found.length === 1) candidates = found[0]!.ids;
      else {
        const union = new Set(found.flatMap((c) => c.ids));
        candidates = candidates === null ? [...union] : candidates.filter((id) => union.has(id));
      }
    }
    // Text-only queries (the usual case) skip building each section's view for the filters.
    const textOnly = q.title.length === 0 && q.file.length === 0 && !q.date;
    // One-character terms come from the character index, which is exact: nothing to verify.
    if (candidates && exact && textOnly && q.exclude.length === 0) return candidates;
    const out: number[] = [];
    for (const id of candidates ?? this.#sections.keys()) {
      const s = this.#sections.get(id);
      if (s === undefined) continue;
      if (textOnly ? matchesText(s.norm, q) : matchesQuery(this.#view(s), q)) out.push(id);
    }
    return out;
  }

  /**
   * Index candidates for one term: exactly the sections containing a one-character term;
   * otherwise a superset (to verify), every section when the index cannot narrow.
   */
  #candidates(term: string): { ids: number[]; exact: boolean } {
    const chars = this.#charsPending.length === 0;
    if (term.length === 1 && chars) return { ids: this.#chars.sectionsWith(term.charCodeAt(0)), exact: true };
    // A phrase holds spaces, which no index key does: probe with its longest space-free part.
    const probe = term.split(' ').sort((a, b) => b.length - a.length)[0]!;
    if (probe.length === 1 && chars) return { ids: this.#chars.sectionsWith(probe.charCodeAt(0)), exact: false };
    return { ids: this.#index.candidates(probe) ?? [...this.#sections.keys()], exact: false };
  }

  /**
   * Runs a query (see `parseQuery` for the syntax) and returns ranked hits with snippets.
   * Sections holding another region's wording of a term are ranked with the literal matches
   * (a literal one first on equal score). A query without Han characters is also read as
   * pinyin: sections found only that way come after every other hit.
   */
  search(query: string, options: SearchOptions = {}): SearchResult {
    const offset = options.offset ?? 0;
    const limit = options.limit ?? DEFAULT_LIMIT;
    const wording = options.wording ?? true;
    const key = JSON.stringify([query, offset, limit, wording]);
    // The same search again, after the caller loaded the text it lacked: only the hits are left to build.
    const page = this.#waiting?.key === key ? this.#waiting.page : this.#page(query, offset, limit, wording);
    const { counts, entries, groups, terms } = page;
    const textMissing = this.filesWithoutText(entries.map((r) => r.id));
    this.#waiting = textMissing.length > 0 ? { key, page } : null;
    if (textMissing.length > 0) return { ...counts, hits: [], textMissing };
    return { ...counts, hits: entries.map((r) => this.#hit(r, terms, groups.get(r.id) ?? [])) };
  }

  /** Everything of a search but its hits: the counts, the ranked entries of the page, the copies folded into them. */
  #page(query: string, offset: number, limit: number, withWording: boolean): SearchPage {
    const parsed = parseQuery(query);
    const { terms } = parsed;
    const ids = this.matching(parsed);
    // With one term its document frequency is the hit count; with several, each is counted alone.
    const stats = terms.map((t) => ({ df: terms.length === 1 ? ids.length : this.matchingIds([t]).length }));
    // Ranked exactly: the hits copies are looked for in, and the page asked for.
    const wanted = limit === 0 ? Infinity : GROUP_WINDOW + offset + limit;
    const found = new Set(ids);
    const wording = withWording ? this.#wordingMatching(parsed, found) : [];
    for (const w of wording) for (const id of w.ids) found.add(id);
    const ranked = mergeByScore([
      this.#ranked(ids, terms, stats, null, wanted, 'literal'),
      ...wording.map((w) => this.#ranked(w.ids, terms, stats, w.matchers, wanted, 'wording')),
    ]).slice(0, wanted);
    const pinyin = pinyinMatchers(terms);
    const pinyinIds = pinyin ? this.#widenedMatching(parsed, pinyin, found, (t) => this.#chars.sectionsWithClasses(pinyin.get(t)?.classes ?? [])) : [];
    // Pinyin hits come after every other one: ranked only when the others were all ranked.
    const byPinyin = pinyin && ranked.length === found.size ? this.#ranked(pinyinIds, terms, stats, pinyin, wanted - ranked.length, 'pinyin') : [];
    const all = [...ranked, ...byPinyin];
    const groups = groupCopies(
      all.slice(0, GROUP_WINDOW).map((r) => r.id),
      (id) => this.#signature(id),
      (id) => this.#sections.get(id)!.fileId,
    );
    const folded = Math.min(all.length, GROUP_WINDOW) - groups.size;
    const listed = all.filter((r, rank) => rank >= GROUP_WINDOW || groups.has(r.id));
    const wordingMatches = found.size - ids.length;
    return {
      counts: { total: found.size + pinyinIds.length - folded, matches: ids.length, wordingMatches, pinyinMatches: pinyinIds.length },
      entries: listed.slice(offset, limit === 0 ? undefined : offset + limit),
      groups,
      terms,
    };
  }

  /**
   * Sections that match only through another region's wording of a term, per script: a
   * Taiwan/Hong Kong wording counts in Traditional text, a mainland one in Simplified text.
   */
  #wordingMatching(q: ParsedQuery, literal: ReadonlySet<number>): Widened[] {
    const out: Widened[] = [];
    for (const script of ['hant', 'hans'] as const) {
      const matchers = wordingMatchers(q.terms, script);
      if (!matchers) continue;
      const alternativesOf = (t: string) => matchers.get(t)?.alternatives.flatMap((a) => this.#candidates(a).ids) ?? [];
      const ids = this.#widenedMatching(q, matchers, literal, alternativesOf, (s) => s.script === script);
      if (ids.length > 0) out.push({ ids, matchers });
    }
    return out;
  }

  /**
   * Sections that match when a term may also be found by its matcher (a pinyin reading, another
   * wording), leaving out those in `skip` and those `keep` refuses.
   * @param more sections a term's matcher may find, beyond the term's own candidates
   */
  #widenedMatching(
    q: ParsedQuery,
    matchers: ReadonlyMap<string, TermMatcher>,
    skip: ReadonlySet<number>,
    more: (term: string) => Iterable<number>,
    keep: (s: StoredSection) => boolean = () => true,
  ): number[] {
    const finds = (text: string, term: string) => text.includes(term) || (matchers.get(term)?.test(text) ?? false);
    // Candidates: per clause, sections a term may be in literally or through its matcher, so most
    // sections are never scanned. Until the character index is complete, every section is one.
    let candidates: number[] | null = null;
    if (this.#charsPending.length === 0) {
      for (const alternatives of q.clauses) {
        const union = new Set<number>();
        for (const t of alternatives) {
          for (const id of this.#candidates(t).ids) union.add(id);
          if (matchers.has(t)) for (const id of more(t)) union.add(id);
        }
        candidates = candidates === null ? [...union] : candidates.filter((id) => union.has(id));
      }
    }
    const out: number[] = [];
    for (const id of candidates ?? this.#sections.keys()) {
      const s = this.#sections.get(id);
      if (s !== undefined && !skip.has(id) && keep(s) && matchesQuery(this.#view(s), q, finds)) out.push(id);
    }
    return out;
  }

  #view(s: StoredSection): SectionView {
    return { norm: s.norm, normTitle: this.#normTitle(s), normFile: this.#files.get(s.fileId)?.normName ?? '', date: s.date };
  }

  /**
   * Scores and sorts matching sections; with pinyin matchers, a term's matches include its pinyin
   * readings. Only the best `wanted` are scored and sorted (see `topK`): the others can be
   * counted but never listed, since the page and the copies looked for lie within them.
   */
  #ranked(
    ids: readonly number[],
    terms: readonly string[],
    stats: readonly TermStats[],
    widened: ReadonlyMap<string, TermMatcher> | null,
    wanted: number,
    match: MatchKind,
  ): Ranked[] {
    const avgLength = this.#totalLength / Math.max(this.#sections.size, 1);
    const total = this.#sections.size;
    const matchers = terms.map((t) => widened?.get(t));
    const lengths = terms.map((t) => t.length);
    const termChars = lengths.reduce((n, l) => n + l, 0);
    // Proximity needs term lengths, which a pinyin reading or another wording does not share.
    const withSpan = terms.length > 1 && !widened;
    const sections = ids.map((id) => this.#sections.get(id)!);
    const inTitle = (s: StoredSection, t: number): boolean => {
      const normTitle = this.#normTitle(s);
      return normTitle.includes(terms[t]!) || (matchers[t]?.test(normTitle) ?? false);
    };
    const boundOf = scoreBound(stats, total, avgLength, termChars, withSpan ? Math.max(...lengths) : 0);
    const bound = (i: number): number => {
      const s = sections[i]!;
      let titleHits = 0;
      for (let t = 0; t < terms.length; t++) if (inTitle(s, t)) titleHits++;
      return boundOf(s.norm.length, titleHits);
    };
    const exact = (i: number): Ranked => {
      const s = sections[i]!;
      const tf = terms.map((term, t) => {
        const m = matchers[t];
        // A literal match contains the term; a widened match may hold it, its matches, or both.
        if (!m) return estimateOccurrences(s.norm, term, TF_CAP, TF_WINDOW);
        return estimateCount(s.norm, TF_CAP, TF_WINDOW, (part) => countOccurrences(part, term, TF_CAP) + m.count(part));
      });
      const span = withSpan ? minimalSpan(terms.map((t) => occurrences(s.norm, t, 256)), lengths) : undefined;
      const c = { id: s.id, span, termChars, tf, inTitle: terms.map((_, t) => inTitle(s, t)), length: s.norm.length, date: s.date };
      return { id: s.id, date: s.date, score: score(c, stats, total, avgLength), match, ...(widened ? { matchers: widened } : {}) };
    };
    return topK(ids.length, Math.min(wanted, ids.length), bound, exact);
  }

  #signature(id: number): Signature {
    let sig = this.#signatures.get(id);
    if (!sig) this.#signatures.set(id, (sig = signature(this.#sections.get(id)!.norm)));
    return sig;
  }

  /** Ranges of the original text to highlight, through the stored drift (re-normalizing only records without one). */
  #ranges(s: EngineSection, terms: readonly string[], matchers: readonly TermMatcher[] = []): Range[] {
    const drift = s.drift;
    if (!drift) return highlightRanges(normalize(s.text), terms, Infinity, matchers);
    const inNorm = [
      ...terms.flatMap((t) => occurrences(s.norm, t).map((at) => ({ start: at, end: at + t.length }))),
      ...matchers.flatMap((m) => m.ranges(s.norm)),
    ];
    return mergeRanges(inNorm.map((r) => ({ start: originalOffset(drift, r.start), end: originalOffset(drift, r.end) })));
  }

  /** The words of a section's text its wording matchers found, as written (檔案), at most three. */
  #wordsFound(s: EngineSection, matchers: readonly TermMatcher[]): string[] {
    const words = new Set<string>();
    for (const r of this.#ranges(s, [], matchers)) {
      words.add(s.text.slice(r.start, r.end));
      if (words.size === 3) break;
    }
    return [...words];
  }

  #normTitle(s: StoredSection): string {
    if (s.normTitle !== undefined) return s.normTitle;
    let t = this.#normTitles.get(s.id);
    if (t === undefined) this.#normTitles.set(s.id, (t = normalizeText(s.title)));
    return t;
  }

  #hit(entry: Ranked, terms: readonly string[], copies: readonly number[]): Hit {
    const { id, match } = entry;
    const s = this.#withText(id)!;
    const matchers = [...(entry.matchers?.values() ?? [])];
    const ranges = this.#ranges(s, terms, matchers);
    return {
      sectionId: id,
      fileId: s.fileId,
      fileName: this.#files.get(s.fileId)?.name ?? '',
      sectionIndex: s.index,
      title: s.title,
      titleMarks: highlightRanges(normalize(s.title), terms, Infinity, matchers),
      url: s.url,
      source: s.source,
      date: s.date,
      snippet: makeSnippets(s.text, ranges),
      score: entry.score,
      match,
      ...(match === 'wording' ? { wording: this.#wordsFound(s, matchers) } : {}),
      alsoIn: copies.map((c) => {
        const copy = this.#sections.get(c)!;
        return { sectionId: c, fileName: this.#files.get(copy.fileId)?.name ?? '', title: copy.title };
      }),
    };
  }

  /**
   * A section with all occurrences of the query's terms marked, for the reader view: literal
   * ones, pinyin readings, and (unless `wording` is false) the other wording of a term where the
   * section's script allows it.
   */
  read(sectionId: number, query = '', wording = true): ReadResult | null {
    const s = this.#withText(sectionId);
    if (!s) return null;
    const { norm: _norm, ...section } = s;
    const terms = parseQuery(query).clauses.flat();
    const otherWording = wording && s.script ? wordingMatchers(terms, s.script) : null;
    const matchers = [...(pinyinMatchers(terms)?.values() ?? []), ...(otherWording?.values() ?? [])];
    const marks = this.#ranges(s, terms, matchers);
    return { section, fileName: this.#files.get(s.fileId)?.name ?? '', marks };
  }

  /**
   * The files, among those of the given sections, whose section text is not loaded. A caller
   * that restored sections without text loads these (`setTexts`) before `read` or showing hits.
   */
  filesWithoutText(sectionIds: readonly number[]): number[] {
    const files = new Set<number>();
    for (const id of sectionIds) {
      const s = this.#sections.get(id);
      if (s && s.text === undefined) files.add(s.fileId);
    }
    return [...files];
  }

  /** Gives a restored file's sections their text, in the order of its sections. */
  setTexts(fileId: number, texts: readonly string[]): void {
    this.#files.get(fileId)?.sectionIds.forEach((id, k) => {
      const s = this.#sections.get(id);
      if (s && s.text === undefined && texts[k] !== undefined) s.text = texts[k];
    });
  }

  /** A section whose text is loaded, or undefined (unknown id, or text not loaded: see `filesWithoutText`). */
  #withText(id: number): EngineSection | undefined {
    const s = this.#sections.get(id);
    return s?.text === undefined ? undefined : (s as EngineSection);
  }

  /**
   * Adds restored sections to the character index, about `maxChars` of text at a time (a million
   * is some 8 ms), so that a worker can do it between queries. @returns true when none is left
   */
  indexCharacters(maxChars = Infinity): boolean {
    let done = 0;
    while (this.#charsPending.length > 0 && done < maxChars) {
      const id = this.#charsPending.pop()!;
      const s = this.#sections.get(id);
      if (s) this.#chars.add(id, s.norm);
      done += s?.norm.length ?? 0;
    }
    return this.#charsPending.length === 0;
  }

  /** Indexes the sections still queued (the index works in batches; any search does this first). */
  flushIndex(): void {
    this.#index.flush();
  }

  /** Indexes the sections still queued and trims the index to its exact size (see `SearchIndex.compact`). */
  compactIndex(): void {
    this.#index.compact();
  }

  /** Serialized index chunks, for persistence. */
  exportIndex(): Promise<[string, string][]> {
    return this.#index.export();
  }

  /** Loads index chunks exported under the same `INDEX_CONFIG_HASH`; call before `restoreFile(…, true)`. */
  importIndex(chunks: readonly (readonly [string, string])[]): void {
    this.#index.import(chunks);
  }
}
