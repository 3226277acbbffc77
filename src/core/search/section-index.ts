import { intersect, union } from '../index/id-sets.ts';
import { CharIndex, type CharCounts, type CharSection, type IndexedReading } from '../index/char-index.ts';
import { readCharacters, readReadings, type SavedCharacters } from '../index/char-index-io.ts';
import type { ReadingTables } from '../index/reading-tables.ts';
import { SearchIndex } from '../index/search-index.ts';

/** What the indexes propose for one term (see {@link SectionIndex.candidates}). */
export interface Candidates {
  ids: number[];
  /** True when `ids` are exactly the sections holding the term: nothing to verify. */
  exact: boolean;
  /** A one-character term's count in each section by id, read with `ids` (see `termCounts`). */
  counts?: Uint8Array;
}

/** What taking a saved character index reads of the sections (`SectionStore` is one). */
export interface RestoredSections {
  /** Folded lengths by id (0 for an unknown id), read without a call per section. */
  readonly lengths: Int32Array;
  get(id: number): unknown;
}

/**
 * The part of a term the indexes look up: a phrase holds spaces, which no index key does, so its
 * longest space-free part (the term itself when it has no space).
 */
export const probeOf = (term: string): string => term.split(' ').reduce((longest, part) => (part.length > longest.length ? part : longest));

/**
 * Whether a section is there. At 50 MB, asking the store of each of 204 000 sections (twice per
 * load) took 36 ms, run once and not yet optimized; the length array answers for all but empty ones.
 */
const isPresent = (sections: RestoredSections, id: number) => sections.lengths[id]! > 0 || sections.get(id) !== undefined;

/**
 * The two indexes of the library's folded text and when each is up to date: the pair index
 * (varint lists and FlexSearch's Latin pairs, for terms of two characters or more) and the exact
 * character index (one-character terms with their counts, titles, pinyin candidates). Restored sections whose pairs were imported with the saved index
 * wait for the character index (`indexCharacters`): until then, queries that need it scan.
 */
export class SectionIndex {
  readonly #pairs = new SearchIndex();
  /** Exact sections of each character: one-character queries and pinyin candidates. */
  readonly #chars = new CharIndex();
  /**
   * Restored sections not yet in {@link CharIndex}: a reload shows results without waiting for it
   * (150 ms at 50 MB), and queries scan the text until `indexCharacters` is done.
   */
  #charsPending: number[] = [];

  /** True once every section's text and title are in the character index. */
  get charsComplete(): boolean {
    return this.#charsPending.length === 0;
  }

  /** True once the character index is complete, its pinyin tables too. */
  get readingsComplete(): boolean {
    return this.charsComplete && this.#chars.readingsComplete;
  }

  /**
   * While true, sections added get no pinyin tables, and `indexCharacters` writes none: an
   * import leaves them for when it ends (see `SearchEngine.deferReadings`).
   */
  set readingsDeferred(deferred: boolean) {
    this.#chars.readingsDeferred = deferred;
  }

  /** Indexes a section's folded text and title. */
  add(s: CharSection): void {
    this.#chars.add(s);
    this.#pairs.add(s.id, s.norm);
  }

  /**
   * Takes a restored section whose pairs the imported index already holds (a reload); it waits
   * for the character index (see {@link indexCharacters}).
   */
  addRestored(id: number): void {
    this.#charsPending.push(id);
  }

  /**
   * Forgets sections. Removed sections leave stale slots in the character index, dropped once
   * they outnumber the live ones.
   * @param live the sections left, to rebuild the character index from when it is due
   */
  remove(ids: readonly number[], live: () => Iterable<CharSection>): void {
    for (const id of ids) {
      this.#pairs.remove(id);
      this.#chars.remove(id);
    }
    if (this.#chars.stale > this.#chars.size) this.#chars.rebuild(live());
  }

  /** Empties both indexes. */
  clear(): void {
    this.#pairs.clear();
    this.#chars.clear();
    this.#charsPending = [];
  }

  /**
   * Index candidates for one term: exactly the sections containing a one-character term;
   * otherwise a superset (to verify), every section (`all`) when the index cannot narrow.
   */
  candidates(term: string, all: () => Iterable<number>): Candidates {
    const chars = this.charsComplete;
    if (term.length === 1 && chars) return { ...this.#chars.sectionsAndCounts(term.charCodeAt(0)), exact: true };
    const probe = probeOf(term);
    if (probe.length === 1 && chars) return { ids: this.#chars.sectionsWith(probe.charCodeAt(0)), exact: false };
    return { ids: this.#pairs.candidates(probe) ?? [...all()], exact: false };
  }

  /**
   * Sections whose folded title holds every character of the terms (a superset of those whose
   * title holds the terms, to verify); null until the character index is complete.
   */
  titleCandidates(terms: readonly string[]): number[] | null {
    if (!this.charsComplete) return null;
    const codes = [...new Set(terms.join('').replace(/ /g, ''))].map((c) => c.charCodeAt(0));
    if (codes.length === 0) return null;
    const lists = codes.map((code) => this.#chars.titlesWith(code)).sort((a, b) => a.length - b.length);
    let result = lists[0]!;
    for (let k = 1; k < lists.length && result.length > 0; k++) result = intersect(result, lists[k]!);
    return result;
  }

  /**
   * Sections whose titles may hold a pinyin term, literally or through its readings (a superset,
   * see `CharIndex.readingTitles`); null until the character index is complete.
   */
  readingTitleCandidates(term: string, readings: readonly IndexedReading[]): number[] | null {
    const literal = this.titleCandidates([term]);
    return literal && union([literal, this.#chars.readingTitles(readings)]);
  }

  /**
   * A one-character term's count in every section and whether each title holds it (see
   * `CharIndex.termCounts`); undefined for a longer term, or until the character index is complete.
   * @param counts its counts, when its candidates came with them
   */
  termCounts(term: string, counts?: Uint8Array): CharCounts | undefined {
    return term.length === 1 && this.charsComplete ? this.#chars.termCounts(term.charCodeAt(0), counts) : undefined;
  }

  /**
   * Characters in the text of at least `min` sections, by the character index: none until it is
   * complete. Half a surrogate pair is a key of the index but no character: left out.
   */
  commonCharacters(min: number): string[] {
    if (!this.charsComplete) return [];
    return this.#chars.commonCodes(min).flatMap((code) => (code >= 0xd800 && code <= 0xdfff ? [] : [String.fromCharCode(code)]));
  }

  /** Candidates of pinyin readings (see `CharIndex.readingCandidates`); exact ones need no verification. */
  readingCandidates(readings: readonly IndexedReading[]): Candidates {
    return this.#chars.readingCandidates(readings);
  }

  /**
   * What the character index knows of a one-term pinyin query read as one syllable or two
   * initials: the reading's count in every section and whether each title holds the reading or
   * the term itself (see `CharIndex.readingCounts`); undefined for other readings, or until the
   * index is complete.
   * @param titleOf a section's folded title, to verify the titles holding the term's letters
   */
  readingCounts(term: string, readings: readonly IndexedReading[], titleOf: (id: number) => string): CharCounts | undefined {
    const known = this.charsComplete ? this.#chars.readingCounts(readings) : undefined;
    if (known) for (const id of this.titleCandidates([term]) ?? []) if (titleOf(id).includes(term)) known.inTitle[id] = 1;
    return known;
  }

  /**
   * Adds restored sections to the character index, about `maxChars` of text at a time (200 000
   * is about 25 ms), then the pinyin tables of sections that lack them (an index saved without
   * them, or sections added while they were deferred), so that a worker can do it between
   * queries. @returns true when none is left that may be done now (deferred tables wait)
   * @param sectionOf a section, undefined once removed
   */
  indexCharacters(maxChars: number, sectionOf: (id: number) => CharSection | undefined): boolean {
    let done = 0;
    while (this.#charsPending.length > 0 && done < maxChars) {
      const s = sectionOf(this.#charsPending.pop()!);
      if (s !== undefined) this.#chars.add(s);
      done += s?.norm.length ?? 0;
    }
    if (this.charsComplete && done < maxChars && !this.#chars.readingsComplete && !this.#chars.readingsDeferred) {
      // Written by appends, the tables keep spare room: at 50 MB of poems, 9 MB once complete.
      if (this.#chars.addReadings(maxChars - done, sectionOf)) this.#chars.trim();
    }
    return this.readingsComplete || (this.charsComplete && this.#chars.readingsDeferred);
  }

  /**
   * Takes the character index saved with the pair index (`export`), for the restored sections
   * waiting for it: their text and titles (its pinyin tables: `importReadings`). Reads and checks
   * it a chunk at a time (`yield` between two), and takes it only if nothing was added meanwhile.
   * @param sections the sections now (one may be removed while it is read)
   * @param idLimit section ids are below it (the library's next id)
   * @returns false (the sections are indexed as before) when sections were added since the
   *   restore, or the chunks are damaged or name other sections than those left
   */
  *importCharacters(chunks: readonly (readonly [string, Uint8Array])[], sections: RestoredSections, idLimit: number): Generator<void, boolean> {
    const usable = () => this.#chars.size === 0 && this.#charsPending.length > 0;
    if (!usable()) return false;
    const waiting = this.#charsPending.filter((id) => isPresent(sections, id));
    let saved: SavedCharacters;
    try {
      saved = yield* readCharacters(chunks, waiting, sections.lengths, idLimit);
    } catch {
      return false;
    }
    // Sections added or removed while it was read: it no longer fits them.
    if (!usable() || this.#charsPending.some((id) => !isPresent(sections, id) && saved.slots.has(id))) return false;
    this.#chars.import(saved);
    this.#charsPending = [];
    return true;
  }

  /**
   * Takes the pinyin tables saved with the character index it took (`importCharacters`), read
   * and checked a chunk at a time (`yield` between two). @returns false when they were not saved,
   * are damaged, or a section was added since (they are then written again between queries)
   */
  *importReadings(chunks: readonly (readonly [string, Uint8Array])[]): Generator<void, boolean> {
    const slots = this.#chars.slotCount;
    if (!this.charsComplete || this.#chars.readingsComplete) return false;
    let tables: ReadingTables | null;
    try {
      tables = yield* readReadings(chunks, slots);
    } catch {
      return false;
    }
    return tables !== null && this.#chars.takeReadings(tables, slots);
  }

  /**
   * The indexes as snapshot chunks: the pair index's, and the character index's once it holds
   * every section (its pinyin tables once they are written for every section).
   * @param between awaited between two chunks
   */
  async export(between?: () => Promise<void>): Promise<[string, Uint8Array][]> {
    const pairs = await this.#pairs.export(between);
    if (!this.charsComplete) return pairs;
    const chars = this.#chars.exportInSlices();
    let step = chars.next();
    for (; !step.done; step = chars.next()) await between?.();
    return [...pairs, ...step.value];
  }

  /**
   * Trims both indexes to what they hold and drops removed sections from the pair index,
   * pausing (`yield`) between steps (a worker answers searches meanwhile).
   */
  *compactInSlices(): Generator<void> {
    yield* this.#pairs.compactInSlices();
    if (this.charsComplete) yield* this.#chars.trimInSlices();
    yield;
  }

  /** Drops the room both indexes' slot tables keep to grow (see `SlotOf.fit`). */
  fit(): void {
    this.#pairs.fit();
    this.#chars.fit();
  }

  /** The pair index, for persistence. */
  get pairs(): SearchIndex {
    return this.#pairs;
  }
}
