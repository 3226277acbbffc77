import { addId, idsOf, runOf, type IdRun } from './id-run.ts';
import { normalizeText } from '../normalize/normalize.ts';
import { applyPatch, patchOf } from '../normalize/text-patch.ts';
import type { Script } from '../normalize/script.ts';
import type { SectionView } from '../query/parse-query.ts';
import { signature, type Signature } from '../rank/near-duplicates.ts';
import { FacetCodes } from './facet-codes.ts';

/**
 * Sketches made on first use that are held, all dropped when there are more: a short section's
 * takes about a microsecond to make again, and at 50 MB of poems, 500 queries held 6.5 MB of them
 * (Node; DESIGN.md, decision 78).
 */
const RECENT_SKETCHES = 4096;

/** A section in the engine: original text for display (once loaded), folded text for matching. */
export interface LibrarySection {
  id: number;
  fileId: number;
  /** Position of the section in its file, from 0. */
  index: number;
  title: string;
  url?: string | undefined;
  source?: string | undefined;
  date?: string | undefined;
  /**
   * The text as written, when {@link LibrarySection.patch} cannot remake it; undefined until
   * loaded when the section was restored without it.
   */
  text: string | undefined;
  /** `normalize(text).text`: what matching sees. */
  norm: string;
  /** Offsets of `norm` back to `text` (see `driftOf`); absent in old records, which re-normalize. */
  drift?: readonly number[] | undefined;
  /** `normalize(title).text`, when the record carries it (else computed on first use). */
  normTitle?: string | undefined;
  /**
   * The script the section is written in (its own characters, else its file's); regional wording
   * is matched only in text of the other script. Absent when neither script shows.
   */
  script?: Script | undefined;
  /**
   * The text as its difference from `norm` (`normalize/text-patch.ts`): held instead of the text,
   * which is remade when shown (at 50 MB of poems, 9 % of the text's length).
   */
  patch?: string | undefined;
}

/** A section whose text is loaded: what hits and the reader are built from. */
export type LoadedSection = LibrarySection & { text: string };

/** A file as the engine knows it. */
export interface LibraryFile {
  name: string;
  /** The folded name, for `file:` filters. */
  normName: string;
  /** The directory part of the name ('' for a file at the top), for the folder facet. */
  folder: string;
  /** Its section ids, in document order (a file's sections are numbered in order as it is added). */
  sections: IdRun;
}

/**
 * The sections and files of the library in memory, with what is derived from them on demand
 * (folded titles, near-duplicate sketches) and their texts once loaded. Knows nothing of indexes,
 * queries or ranking.
 */
export class SectionStore {
  /**
   * The sections by id: ids are dense, and a query reads a section per hit. At 50 MB, 146 000
   * lookups in a Map took 25 ms, the same array reads 2 ms; and a reload of 204 000 sections
   * spent a third of its time filling a Map.
   */
  #byId: (LibrarySection | undefined)[] = [];
  #count = 0;
  readonly #files = new Map<number, LibraryFile>();
  /** Folded titles, computed on first use: ranking needs them for every hit of every query. */
  readonly #normTitles = new Map<number, string>();
  /** Near-duplicate sketches of long sections, made as they are added (see {@link sketch}). */
  readonly #signatures = new Map<number, Signature>();
  /** The other sections' sketches, made on first use when among the top hits (at most {@link RECENT_SKETCHES}). */
  readonly #recentSignatures = new Map<number, Signature>();
  #facetCodes = new FacetCodes();
  /** Each section's folded length, by id: a one-character query's ranking reads nothing else of a hit. */
  #lengths = new Int32Array(1024);
  #totalLength = 0;
  #maxId = -1;
  #changes = 0;

  /** The largest id of a section ever added (-1: none). */
  get maxId(): number {
    return this.#maxId;
  }

  /**
   * Bumped by every change other than adding sections with ids above every earlier one (a
   * removal, a clear, a section added out of order): what was found before such a change may
   * no longer hold for the old sections (see `VerifiedTerms`).
   */
  get changes(): number {
    return this.#changes;
  }

  /** Number of sections. */
  get size(): number {
    return this.#count;
  }

  /** Each section's facet values as codes (source, year, folder), for counting facets. */
  get facetCodes(): FacetCodes {
    return this.#facetCodes;
  }

  /** Total length of the folded text, in UTF-16 code units. */
  get totalLength(): number {
    return this.#totalLength;
  }

  /** A section's folded length, by id (0 for an unknown id); the array is not a copy. */
  get lengths(): Int32Array {
    return this.#lengths;
  }

  /** Every section id, in increasing order (the order sections were first added). */
  *ids(): IterableIterator<number> {
    for (const s of this.sections()) yield s.id;
  }

  /** Every section, by increasing id. */
  *sections(): IterableIterator<LibrarySection> {
    for (const s of this.#byId) if (s !== undefined) yield s;
  }

  /** A section, or undefined for an unknown id. */
  get(id: number): LibrarySection | undefined {
    return this.#byId[id];
  }

  /** A file's display name ('' for an unknown file). */
  fileName(fileId: number): string {
    return this.#files.get(fileId)?.name ?? '';
  }

  /** A file's folder (see {@link LibraryFile.folder}; '' for an unknown file). */
  folder(fileId: number): string {
    return this.#files.get(fileId)?.folder ?? '';
  }

  /** A file's section ids in document order (empty for an unknown file); not a copy. */
  sectionIdsOf(fileId: number): readonly number[] {
    const file = this.#files.get(fileId);
    return file ? idsOf(file.sections) : [];
  }

  /** Adds a file and its sections (replacing nothing: ids are the caller's). */
  addFile(fileId: number, fileName: string, sections: readonly LibrarySection[]): void {
    const folder = fileName.slice(0, Math.max(fileName.lastIndexOf('/'), 0));
    this.#files.set(fileId, { name: fileName, normName: normalizeText(fileName), folder, sections: runOf(sections.map((s) => s.id)) });
    const folderCode = this.#facetCodes.folderCode(folder);
    for (const s of sections) this.#addSection(s, folderCode);
  }

  /**
   * Drops the room the arrays by id keep to grow (a quarter of them at 50 MB): once a library is
   * restored or compacted, when few ids may follow soon.
   */
  fit(): void {
    const ids = this.#maxId + 1;
    this.#byId = this.#byId.slice();
    if (this.#lengths.length > ids) this.#lengths = this.#lengths.slice(0, Math.max(1, ids));
    this.#facetCodes.fit(ids);
  }

  #addSection(s: LibrarySection, folderCode: number): void {
    if (s.id <= this.#maxId) this.#changes++;
    else this.#maxId = s.id;
    if (this.#byId[s.id] === undefined) this.#count++;
    // Grown one element at a time, so the array stays packed (a hole would make it a dictionary).
    while (this.#byId.length < s.id) this.#byId.push(undefined);
    this.#byId[s.id] = s;
    this.#totalLength += s.norm.length;
    if (s.id >= this.#lengths.length) {
      const grown = new Int32Array(Math.max(this.#lengths.length * 2, s.id + 1));
      grown.set(this.#lengths);
      this.#lengths = grown;
    }
    this.#lengths[s.id] = s.norm.length;
    const source = this.#facetCodes.set(s.id, s.source ?? '', s.date ?? '', folderCode);
    if (s.source) s.source = source;
  }

  /** Adds more sections to a file already added (a big file is added in slices). */
  appendToFile(fileId: number, sections: readonly LibrarySection[]): void {
    const file = this.#files.get(fileId);
    if (!file) throw new Error(`file ${fileId} is not in the store`);
    const folderCode = this.#facetCodes.folderCode(file.folder);
    for (const s of sections) {
      addId(file.sections, s.id);
      this.#addSection(s, folderCode);
    }
  }

  /** Removes a file and its sections. @returns the ids of the sections removed */
  removeFile(fileId: number): readonly number[] {
    const file = this.#files.get(fileId);
    if (!file) return [];
    this.#changes++;
    const ids = idsOf(file.sections);
    for (const id of ids) {
      const s = this.#byId[id];
      if (s) this.#totalLength -= s.norm.length;
      this.#lengths[id] = 0;
      if (s) this.#count--;
      this.#byId[id] = undefined;
      this.#normTitles.delete(id);
      this.#signatures.delete(id);
      this.#recentSignatures.delete(id);
    }
    this.#files.delete(fileId);
    return ids;
  }

  /** Empties the store. */
  clear(): void {
    this.#changes++;
    this.#maxId = -1;
    this.#byId = [];
    this.#count = 0;
    this.#files.clear();
    this.#normTitles.clear();
    this.#signatures.clear();
    this.#recentSignatures.clear();
    this.#facetCodes = new FacetCodes();
    this.#lengths = new Int32Array(1024);
    this.#totalLength = 0;
  }

  /** A section's folded title. */
  normTitle(s: LibrarySection): string {
    if (s.normTitle !== undefined) return s.normTitle;
    let t = this.#normTitles.get(s.id);
    if (t === undefined) this.#normTitles.set(s.id, (t = normalizeText(s.title)));
    return t;
  }

  /** What the query filters (`title:`, `file:`, `date:`) see of a section. */
  view(s: LibrarySection): SectionView {
    return { norm: s.norm, normTitle: this.normTitle(s), normFile: this.#files.get(s.fileId)?.normName ?? '', date: s.date };
  }

  /** A section's near-duplicate sketch (made on first use unless `sketch` made it ahead). */
  signature(id: number): Signature {
    let sig = this.#signatures.get(id) ?? this.#recentSignatures.get(id);
    if (sig) return sig;
    if (this.#recentSignatures.size >= RECENT_SKETCHES) this.#recentSignatures.clear();
    this.#recentSignatures.set(id, (sig = signature(this.#byId[id]!.norm)));
    return sig;
  }

  /** Sketches held: those of long sections, and at most `RECENT_SKETCHES` others. */
  get sketchesHeld(): number {
    return this.#signatures.size + this.#recentSignatures.size;
  }

  /** Makes a section's sketch now (see `SearchEngine.addFile`). */
  sketch(s: LibrarySection): void {
    this.#signatures.set(s.id, signature(s.norm));
  }

  /** The files, among those of the given sections, whose section text is not loaded. */
  filesWithoutText(sectionIds: Iterable<number>): number[] {
    const files = new Set<number>();
    for (const id of sectionIds) {
      const s = this.#byId[id];
      if (s && s.text === undefined && s.patch === undefined) files.add(s.fileId);
    }
    return [...files];
  }

  /**
   * Gives a file's sections their text, in the order of its sections; a text its folded text can
   * remake is kept as a patch (a library stored before schema 7 loads its texts this way).
   */
  setTexts(fileId: number, texts: readonly string[]): void {
    const file = this.#files.get(fileId);
    if (!file) return;
    idsOf(file.sections).forEach((id, k) => {
      const s = this.#byId[id];
      const text = texts[k];
      if (!s || s.text !== undefined || s.patch !== undefined || text === undefined) return;
      s.patch = s.drift && patchOf(text, s.norm, s.drift);
      if (s.patch === undefined) s.text = text;
    });
  }

  /**
   * A section with its text (remade from its patch: a copy), or undefined (unknown id, or text
   * not loaded).
   */
  withText(id: number): LoadedSection | undefined {
    const s = this.#byId[id];
    if (s?.text !== undefined) return s as LoadedSection;
    return s?.patch === undefined ? undefined : { ...s, text: applyPatch(s.norm, s.patch) };
  }
}
