import type { CharSection } from './index/char-index.ts';
import type { IndexChunk } from './index/search-index.ts';
import { finish } from './slices.ts';
import { FileScript } from './normalize/script.ts';
import { parseQuery, type ParsedQuery } from './query/parse-query.ts';
import { CommonAnswers, commonThreshold, FIRST_PAGE, libraryVersion } from './search/common-answers.ts';
import { QueryMatcher, readsCharacters } from './search/matcher.ts';
import { presentHits, presentSection } from './search/presenter.ts';
import { pageRequest, rankPage } from './search/ranked-page.ts';
import { VerifiedTerms } from './search/verified-terms.ts';
import { adoptStored, fromSection, fromStored, readLength, toStored, type StoredSection } from './search/records.ts';
import type { Hit, RankedPage, ReadResult, SearchOptions, SearchResult } from './search/results.ts';
import { SectionIndex } from './search/section-index.ts';
import { SectionStore, type LibrarySection } from './search/section-store.ts';
import type { ReadSection, Section } from './types.ts';

export type { StoredSection } from './search/records.ts';
export type { FacetKind, Facets, FacetValue, Hit, MatchKind, RankedEntry, RankedPage, ReadResult, SearchCounts, SearchFilters, SearchOptions, SearchResult } from './search/results.ts';

/** Sections at least this long get their near-duplicate sketch at import (see `addFile`). */
const EAGER_SKETCH_CHARS = 1000;
/** Text added per slice by `addFileInSlices`: at most about 0.25 s of folding and indexing (a 60 MB file, Node). */
const SLICE_CHARS = 250_000;

/**
 * The searchable library in memory, shared by the worker and the command line so both answer a
 * query identically. A façade over parts with one job each (`search/`): the section store, the
 * indexes, the matcher, the ranker (with copies folded) and the presenter.
 *
 * @remarks A search runs in two steps, as Pagefind's does: {@link SearchEngine.rank} needs only
 * the folded text and returns the counts and the page's entries; {@link SearchEngine.hits} turns
 * them into what is shown, from the sections' text. A caller that restored sections without
 * their text loads the page's (`filesWithoutText`, `setTexts`) in between. Matching is exact
 * (Ctrl-F on folded text): the index proposes candidates, each verified with `includes`.
 */
export class SearchEngine {
  readonly #store = new SectionStore();
  readonly #index = new SectionIndex();
  /** First pages of the commonest one-character queries, made ahead (see `prepareCommonAnswers`). */
  readonly #answers = new CommonAnswers();
  /** The last few verifications of common terms, extended as sections are added (see `VerifiedTerms`). */
  readonly #verified: VerifiedTerms;
  /** See {@link SearchEngine.nextSectionId}. */
  #nextSectionId = 1;

  constructor(verified = new VerifiedTerms()) {
    this.#verified = verified;
  }

  /** Total length of the normalized text, in UTF-16 code units. */
  get normalizedLength(): number {
    return this.#store.totalLength;
  }

  /** True once every section's text and title are in the character index (see `indexCharacters`). */
  get charactersIndexed(): boolean {
    return this.#index.charsComplete;
  }

  /** Number of sections in the library. */
  get sectionCount(): number {
    return this.#store.size;
  }

  /**
   * The id the next added section gets. Ids are never reused, also after a removal, so that links
   * to a section stay unambiguous; a caller that persists sections stores this with them and
   * gives it back after a reload (`restored`).
   */
  get nextSectionId(): number {
    return this.#nextSectionId;
  }

  /**
   * Called once a stored library is restored: new sections get ids from `next` on (at least: its
   * stored counter), and arrays by id drop the room they keep to grow (a quarter at 50 MB).
   */
  restored(next: number): void {
    this.#nextSectionId = Math.max(this.#nextSectionId, next);
    this.#fit();
  }

  /**
   * Folds and indexes a file's sections, under ids the engine allocates.
   * @returns the sections as stored (with their id, folded text, and patch or else text), for persistence
   */
  addFile(fileId: number, fileName: string, sections: readonly ReadSection[]): StoredSection[] {
    return finish(this.addFileInSlices(fileId, fileName, sections, Infinity));
  }

  /**
   * {@link SearchEngine.addFile} a slice of about `sliceChars` characters at a time, pausing
   * (`yield`) between slices so that a worker can answer searches meanwhile: a 60 MB file took
   * 7.7 s in one go. Between slices the file is searchable as far as it is added.
   * @returns (as the generator's return value) the sections as stored
   */
  *addFileInSlices(fileId: number, fileName: string, sections: readonly ReadSection[], sliceChars = SLICE_CHARS): Generator<void, StoredSection[]> {
    const firstId = this.#nextSectionId;
    this.#nextSectionId += sections.length;
    const added: LibrarySection[] = [];
    // A section's script is its own, else its file's, which is known only once every section is
    // read: sections without their own get it at the end (a pass over all of them first would
    // itself hold searches up, 0.35 s at 60 MB).
    const file = new FileScript();
    const undecided: LibrarySection[] = [];
    // One pass even for a file without sections, so the file itself is known.
    for (let from = 0; ; ) {
      let to = from;
      for (let chars = 0; to < sections.length && (to === from || chars < sliceChars); to++) chars += readLength(sections[to]!);
      const slice = sections.slice(from, to).map((s, k) => fromSection(s, firstId + from + k, fileId, from + k));
      if (from === 0) this.#store.addFile(fileId, fileName, slice);
      else this.#store.appendToFile(fileId, slice);
      for (const [k, section] of slice.entries()) {
        // A section folded by whoever read it has its script already (see `foldedSections`).
        const read = sections[from + k]!;
        if (read.text !== undefined && !read.folded) {
          const own = file.count(read.text);
          if (own) section.script = own;
          else undecided.push(section);
        }
        added.push(section); // one at a time, not push(...slice): a slice may hold 300 000 sections
        this.#index.add(this.#charSection(section));
        // A long section's sketch (its first 4 000 characters) would slow the first queries that
        // list it, so it is made now; a short one when first needed: at 50 MB of poems (204 084
        // sections) making every sketch ahead held 58 MB of heap (DESIGN.md, decision 37).
        if (section.norm.length >= EAGER_SKETCH_CHARS) this.#store.sketch(section);
      }
      if (to >= sections.length) break;
      from = to;
      yield;
    }
    const fileScript = file.script;
    if (fileScript) for (const section of undecided) section.script = fileScript;
    return added.map(toStored);
  }

  /**
   * Adds sections as stored, their text possibly left out (see `setTexts`).
   * @param indexed true when the imported index (`importIndex`) already contains them
   * @param owned true when no one else holds the records (just read from storage): the engine
   *   takes them as they are rather than copies (see `adoptStored`), and may change them
   */
  restoreFile(fileId: number, fileName: string, sections: readonly StoredSection[], indexed = false, owned = false): void {
    const restored = sections.map(owned ? adoptStored : fromStored);
    this.#store.addFile(fileId, fileName, restored);
    for (const s of restored) {
      if (indexed) this.#index.addRestored(s.id);
      else this.#index.add(this.#charSection(s));
      if (s.id >= this.#nextSectionId) this.#nextSectionId = s.id + 1;
    }
  }

  /** A section's title, or undefined for an unknown id: needs no text loaded (a library listing). */
  title(sectionId: number): string | undefined {
    return this.#store.get(sectionId)?.title;
  }

  /**
   * Sections as stored (folded text, drift, text if loaded), for taking them out of the engine
   * and putting them back later under the same ids (`restoreFile`); unknown ids are left out.
   */
  storedSections(sectionIds: readonly number[]): StoredSection[] {
    return sectionIds.flatMap((id) => {
      const s = this.#store.get(id);
      return s ? [{ ...s }] : [];
    });
  }

  /** Removes a file and all its sections. */
  removeFile(fileId: number): void {
    this.#index.remove(this.#store.removeFile(fileId), () => [...this.#store.sections()].map((s) => this.#charSection(s)));
  }

  /** Empties the library. */
  clear(): void {
    this.#store.clear();
    this.#index.clear();
    this.#nextSectionId = 1;
  }

  /** Sections matching a parsed query (see `parseQuery`), unranked: exactly those Ctrl-F would find. */
  matching(q: ParsedQuery): number[] {
    return new QueryMatcher(this.#store, this.#index).matching(q);
  }

  /** Whether a query reads the character index (see `readsCharacters`); until it is complete, such a query reads every section. */
  readsCharacters(query: string, wording = true): boolean {
    return readsCharacters(parseQuery(query), wording);
  }

  /**
   * First step of a search (see `parseQuery` for the syntax): the counts, the facets and the
   * ranked entries of the page asked for, copies folded in. Needs no section text. An empty
   * query finds nothing, unless `fileId` is given: then it lists that file's sections.
   */
  rank(query: string, options: SearchOptions = {}): RankedPage {
    const parsed = parseQuery(query);
    const request = pageRequest(options);
    return this.#answers.page(parsed, request, this.#store) ?? rankPage(this.#store, this.#index, parsed, request, this.#verified);
  }

  /**
   * Ranks ahead the first pages of up to `most` more of the commonest one-character queries
   * (see `CommonAnswers`): work for when requests pause, once the character index is complete.
   * @param minSections the sections a character must be in (see `commonThreshold`)
   * @returns true when every such page is made for the library as it is
   */
  prepareCommonAnswers(most = Infinity, minSections = commonThreshold(this.#store.size)): boolean {
    if (!this.#index.charsComplete) return false;
    const common = () => this.#index.commonCharacters(minSections);
    return this.#answers.prepare(libraryVersion(this.#store), common, (parsed) => rankPage(this.#store, this.#index, parsed, FIRST_PAGE, this.#verified), most);
  }

  /**
   * Second step: the hits of a ranked page, with snippets and marks.
   * @throws Error when a section of the page has no text loaded (see `filesWithoutText`)
   */
  hits(page: RankedPage): Hit[] {
    return presentHits(this.#store, page);
  }

  /**
   * Ranks and presents in one call, for callers whose sections all have their text (the command
   * line, tests, the benchmark). @throws Error when a text of the page is not loaded
   */
  search(query: string, options: SearchOptions = {}): SearchResult {
    const page = this.rank(query, options);
    return { ...page.counts, facets: page.facets, hits: this.hits(page) };
  }

  /**
   * A section with all occurrences of the query's terms marked, for the reader view: literal
   * ones, pinyin readings, and (unless `wording` is false) the other wording of a term where the
   * section's script allows it. Null for an unknown section or one whose text is not loaded.
   */
  read(sectionId: number, query = '', wording = true): ReadResult | null {
    return presentSection(this.#store, sectionId, query, wording);
  }

  /**
   * The files, among those of the given sections, whose section text is not loaded. A caller
   * that restored sections without text loads these (`setTexts`) before `read` or `hits`.
   */
  filesWithoutText(sectionIds: Iterable<number>): number[] {
    return this.#store.filesWithoutText(sectionIds);
  }

  /** Gives a restored file's sections their text, in the order of its sections. */
  setTexts(fileId: number, texts: readonly string[]): void {
    this.#store.setTexts(fileId, texts);
  }

  /**
   * Adds restored sections to the character index, about `maxChars` of text at a time (200 000
   * is about 25 ms), then the pinyin tables sections lack, so that a worker can do it between
   * queries. @returns true when none is left that may be done now (see {@link deferReadings})
   */
  indexCharacters(maxChars = Infinity): boolean {
    return this.#index.indexCharacters(maxChars, this.#charSectionOf);
  }

  /**
   * Defers the pinyin tables of sections added from now on, until called with false; then
   * `indexCharacters` writes them. An import defers them: at 50 MB they were a fifth of its
   * indexing, and a pinyin query is still exact without them (narrowed by its classes alone).
   */
  deferReadings(deferred: boolean): void {
    this.#index.readingsDeferred = deferred;
  }

  /** True once the character index holds every section, its pinyin tables too. */
  get readingsIndexed(): boolean {
    return this.#index.readingsComplete;
  }

  /** A section as the character index reads it, undefined for an unknown id. */
  readonly #charSectionOf = (id: number): CharSection | undefined => {
    const s = this.#store.get(id);
    return s && this.#charSection(s);
  };

  /** What the character index reads of a section: its folded text and title. */
  #charSection(s: LibrarySection): CharSection {
    return { id: s.id, norm: s.norm, normTitle: this.#store.normTitle(s) };
  }

  /** Trims the index to its exact size and drops removed sections from it (see `SearchIndex.compact`). */
  compactIndex(): void {
    for (const _ of this.compactIndexInSlices());
  }

  /** {@link SearchEngine.compactIndex}, pausing (`yield`) between steps. */
  *compactIndexInSlices(): Generator<void> {
    yield* this.#index.compactInSlices();
    this.#fit();
  }

  #fit(): void {
    this.#store.fit();
    this.#index.fit();
  }

  /** Serialized index chunks, for persistence; `between` is awaited between two chunks. */
  exportIndex(between?: () => Promise<void>): Promise<IndexChunk[]> {
    return this.#index.export(between);
  }

  /**
   * Loads index chunks exported under the same `INDEX_CONFIG_HASH`; call before `restoreFile(…, true)`.
   * @param idLimit section ids are below it (the stored next id), when known
   * @throws on missing or damaged chunks (the index is then empty: index the files instead)
   */
  importIndex(chunks: readonly (readonly [string, Uint8Array])[], idLimit?: number): void {
    this.#index.pairs.import(chunks, idLimit);
  }

  /**
   * Takes the character index's chunks of the same snapshot (`chars/…`, but its pinyin tables:
   * `importReadings`), once the files are restored: a reload takes them after its first result,
   * checked a chunk at a time (`yield` between two; see `SectionIndex.importCharacters`).
   * @returns false when they could not be used: the sections are then indexed between queries
   */
  importCharacters(chunks: readonly (readonly [string, Uint8Array])[]): Generator<void, boolean> {
    return this.#index.importCharacters(chunks, this.#store, this.#nextSectionId);
  }

  /**
   * Takes the pinyin tables saved with the character index it took (`importCharacters`): the slot
   * table's chunk and theirs, checked a chunk at a time (`yield` between two).
   * @returns false when they cannot be used: they are then written again between queries
   */
  importReadings(chunks: readonly (readonly [string, Uint8Array])[]): Generator<void, boolean> {
    return this.#index.importReadings(chunks);
  }
}
