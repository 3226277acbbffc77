import { normalize, originalOffset } from '../normalize/normalize.ts';
import { parseQuery } from '../query/parse-query.ts';
import { pinyinMatchers } from '../query/pinyin.ts';
import type { TermMatcher } from '../query/term-matcher.ts';
import { wordingMatchers } from '../query/wording.ts';
import { highlightRanges, mergeRanges } from '../rank/highlight.ts';
import { occurrences } from '../rank/occurrences.ts';
import { makeSnippets } from '../rank/snippet.ts';
import type { Range } from '../types.ts';
import type { Hit, RankedEntry, RankedPage, ReadResult } from './results.ts';
import type { LoadedSection, SectionStore } from './section-store.ts';

/** Ranges of the original text to highlight, through the stored drift (re-normalizing only records without one). */
function ranges(s: LoadedSection, terms: readonly string[], matchers: readonly TermMatcher[] = []): Range[] {
  const drift = s.drift;
  if (!drift) return highlightRanges(normalize(s.text), terms, Infinity, matchers);
  const inNorm = [
    ...terms.flatMap((t) => occurrences(s.norm, t).map((at) => ({ start: at, end: at + t.length }))),
    ...matchers.flatMap((m) => m.ranges(s.norm)),
  ];
  return mergeRanges(inNorm.map((r) => ({ start: originalOffset(drift, r.start), end: originalOffset(drift, r.end) })));
}

/** The words of a section's text its wording matchers found, as written (檔案), at most three. */
function wordsFound(s: LoadedSection, matchers: readonly TermMatcher[]): string[] {
  const words = new Set<string>();
  for (const r of ranges(s, [], matchers)) {
    words.add(s.text.slice(r.start, r.end));
    if (words.size === 3) break;
  }
  return [...words];
}

/** A loaded section, or an error saying how to load it. */
function loaded(store: SectionStore, id: number): LoadedSection {
  const s = store.withText(id);
  if (s) return s;
  const fileId = store.get(id)?.fileId;
  throw new Error(
    fileId === undefined ? `no section ${id} in the library` : `the text of section ${id} is not loaded: load file ${fileId}'s texts first (filesWithoutText, setTexts)`,
  );
}

/** A hit of a ranked page: snippet, marks, wording found and copies. */
function hit(store: SectionStore, entry: RankedEntry, terms: readonly string[], matchers: readonly TermMatcher[]): Hit {
  const { id, match } = entry;
  const s = loaded(store, id);
  return {
    sectionId: id,
    fileId: s.fileId,
    fileName: store.fileName(s.fileId),
    sectionIndex: s.index,
    title: s.title,
    titleMarks: highlightRanges(normalize(s.title), terms, Infinity, matchers),
    url: s.url,
    source: s.source,
    date: s.date,
    snippet: makeSnippets(s.text, ranges(s, terms, matchers)),
    score: entry.score,
    match,
    script: s.script,
    ...(match === 'wording' ? { wording: wordsFound(s, matchers) } : {}),
    alsoIn: entry.copies.map((c) => {
      const copy = store.get(c)!;
      return { sectionId: c, fileName: store.fileName(copy.fileId), title: copy.title };
    }),
  };
}

/**
 * The second step of a search: what is shown of a ranked page. Every section of the page must
 * have its text loaded; an Error says which is not.
 */
export function presentHits(store: SectionStore, page: RankedPage): Hit[] {
  // Entries found the same way share one matcher map: its list is made once per page.
  const lists = new Map<ReadonlyMap<string, TermMatcher> | undefined, TermMatcher[]>();
  const listOf = (m: ReadonlyMap<string, TermMatcher> | undefined) => {
    let list = lists.get(m);
    if (!list) lists.set(m, (list = [...(m?.values() ?? [])]));
    return list;
  };
  return page.entries.map((entry) => hit(store, entry, page.terms, listOf(entry.matchers)));
}

/**
 * A section with all occurrences of the query's terms marked, for the reader view: literal ones,
 * pinyin readings, and (unless `wording` is false) the other wording of a term where the
 * section's script allows it. Null for an unknown section or one whose text is not loaded.
 */
export function presentSection(store: SectionStore, sectionId: number, query: string, wording: boolean): ReadResult | null {
  const s = store.withText(sectionId);
  if (!s) return null;
  const { norm: _norm, ...section } = s;
  const parsed = parseQuery(query);
  const terms = parsed.clauses.flat();
  const otherWording = wording && s.script ? wordingMatchers(terms, s.script) : null;
  const matchers = [...(pinyinMatchers(terms, parsed.acronyms)?.values() ?? []), ...(otherWording?.values() ?? [])];
  return { section, fileName: store.fileName(s.fileId), marks: ranges(s, terms, matchers) };
}
