/**
 * The worker's library: the search engine plus its persistence, as steps — lifecycle and
 * migration here; an import in importer.ts, the index snapshot in snapshot.ts, the character
 * index's take after a load in character-take.ts, originals in
 * original-gaps.ts, backups in backup-files.ts, the file records in catalog.ts.
 */
import { SearchEngine, type ReadResult, type SearchOptions, type SearchResult } from '../core/engine.ts';
import { prepareTables } from '../core/prepare.ts';
import { preparePinyin } from '../core/query/pinyin.ts';
import type { ImportFile, LibraryState, OriginalView, Progress } from '../shared/protocol.ts';
import type { FileRecord, LibraryMeta } from '../shared/records.ts';
import type { LibraryStore, StoredLibrary } from '../storage/library-store.ts';
import { migrate } from '../storage/migrate.ts';
import { exportBackup, type BackupArticle } from './backup-files.ts';
import { Catalog, emptyMeta } from './catalog.ts';
import type { HeldFiles } from './held-files.ts';
import { Importer, type HashFn, type ImportReport } from './importer.ts';
import { originalOf } from './original-gaps.ts';
import { marksIn, originalView } from './original-view.ts';
import { inProcessReader, type SourceReader } from './reader.ts';
import { refoldLibrary } from './refold.ts';
import { CharacterTake } from './character-take.ts';
import { fingerprint, Snapshots, snapshotUsable } from './snapshot.ts';
import { Trash, trashOf } from './trash.ts';

export type { HashFn } from './importer.ts';

/**
 * Text added to the character index per idle slice: about 25 ms since it also counts, and keeps
 * titles and pinyin letter pairs (decision 60), so a search typed meanwhile waits no longer.
 */
const CHARACTERS_PER_SLICE = 200_000;
/** Common characters whose first page is ranked per idle slice: each one a query's work (10 ms for 〔 at 50 MB). */
const ANSWERS_PER_SLICE = 1;
/** Files whose section texts are read per idle slice after a reload. */
const FILES_PER_SLICE = 200;

/**
 * The worker's state and operations. A plain class with injected storage and hashing, so it is
 * unit-tested in Node exactly as the worker runs it.
 */
export class Library {
  readonly engine = new SearchEngine();
  readonly #store: LibraryStore;
  readonly #hash: HashFn;
  readonly #reader: SourceReader;
  readonly #catalog = new Catalog();
  /** Saving the index snapshot, and when another is due. */
  readonly #snapshots: Snapshots;
  /** The last removal, until undone or replaced (see {@link Library.restore}). */
  readonly #trash = new Trash();
  /** The character index saved with the loaded snapshot, taken after its first result. */
  readonly #characters = new CharacterTake();
  /**
   * Imports under way: no first page of a common character is made meanwhile (each file changes
   * the library), and the pinyin tables of the files are left for when they end.
   */
  #importing = 0;
  /** Why this library must not be written (it comes from a newer version), if so. */
  #refusal: Error | undefined;

  /** `reader` reads dropped files; the worker passes one that reads in a parsing worker of its own. */
  constructor(store: LibraryStore, hash: HashFn, reader: SourceReader = inProcessReader) {
    this.#store = store;
    this.#hash = hash;
    this.#reader = reader;
    this.#snapshots = new Snapshots(this.engine, store, this.#catalog);
  }

  /** The file records by id. */
  get #files(): HeldFiles {
    return this.#catalog.files;
  }

  /** Loads the stored library; imports the saved index when it was built by this code. */
  async init(): Promise<LibraryState> {
    // The fold table, the wording tries and the pinyin table (about 100 ms in all), built while
    // storage reads the records rather than before it, or on the first import or keystroke.
    const stored = await this.#store.load(prepareTables);
    this.#catalog.meta = (await this.#upgrade(stored)) ?? emptyMeta();
    // Storage reads the character index while the files are restored (it is taken after the
    // first result): the first page reads nothing else, its texts remade from their patches. Its
    // pinyin tables come after, read while the rest is checked, and are taken last.
    const later = snapshotUsable(this.#catalog.meta, stored.indexChunks) ? stored.laterChunks() : null;
    const readReadings = stored.readingChunks;
    const readings = later?.then(() => readReadings());
    for (const read of [later, readings]) read?.catch(() => undefined);
    const indexUsable = later !== null && this.#importIndex(stored.indexChunks);
    const inSnapshot = new Set(indexUsable ? this.#catalog.meta.indexedFileIds : []);
    let stale = !indexUsable && stored.files.length > 0;
    for (const file of stored.files.sort((a, b) => a.id - b.id)) {
      const sections = stored.sections.get(file.id) ?? [];
      this.#catalog.remember(file);
      this.engine.restoreFile(file.id, file.path, sections, inSnapshot.has(file.id), true);
      if (!inSnapshot.has(file.id)) stale = true;
    }
    // Ids of files whose write failed are not reused either: the stored counter may be ahead.
    this.engine.restored(this.#catalog.meta.nextSectionId);
    // Files stored after the last snapshot (or a snapshot from other code) are indexed now; the
    // result is saved by saveIfStale, when this tab may write.
    this.#snapshots.loaded(stale);
    this.#characters.prepare(this.engine, indexUsable ? later : null, readings);
    return this.state();
  }

  /** Whether the last load took the character index saved with its snapshot (reading it now if not yet started). */
  charactersImported(): Promise<boolean> {
    return this.#characters.once();
  }

  /** Imports a saved index; false (the files are indexed again) when it is damaged. */
  #importIndex(chunks: StoredLibrary['indexChunks']): boolean {
    try {
      this.engine.importIndex(chunks, this.#catalog.meta.nextSectionId);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Upgrades an older stored library in place; a newer one throws, and every later write is
   * refused (see syncIfStale), so this version never overwrites it. @returns the meta to use
   */
  async #upgrade(stored: StoredLibrary): Promise<LibraryMeta | undefined> {
    const foldedBefore5 = stored.meta !== undefined && stored.meta.schemaVersion < 5;
    let upgraded: LibraryMeta | null;
    try {
      upgraded = migrate(stored);
    } catch (e) {
      this.#refusal = e instanceof Error ? e : new Error(String(e));
      throw e;
    }
    if (!upgraded) return stored.meta;
    if (foldedBefore5) await refoldLibrary(stored, this.#store, stored.meta!, this.#hash);
    if (stored.meta!.schemaVersion < 6) await this.#store.packFiles();
    stored.meta = upgraded;
    await this.#store.putMeta(upgraded);
    return upgraded;
  }

  /**
   * Reloads everything when the stored library is not the one in memory (another tab wrote to
   * it): see {@link fingerprint}. Returns true when it reloaded.
   */
  async syncIfStale(): Promise<boolean> {
    if (this.#refusal) throw this.#refusal;
    if (fingerprint((await this.#store.loadMeta()) ?? emptyMeta()) === fingerprint(this.#catalog.meta)) return false;
    this.#forgetAll();
    await this.init();
    await this.saveIfStale();
    return true;
  }

  /** Saves a snapshot when the loaded one lacked stored files, so the next start need not re-index them. */
  async saveIfStale(): Promise<void> {
    if (!this.#snapshots.stale || this.#refusal) return;
    await this.#snapshots.save();
    this.#snapshots.stale = false;
  }

  /**
   * Imports files one by one (see {@link Importer}), then saves the index snapshot when any file
   * was indexed.
   */
  async import(files: readonly ImportFile[], onProgress: (p: Progress) => void, signal: AbortSignal): Promise<ImportReport> {
    const importer = new Importer({ engine: this.engine, store: this.#store, hash: this.#hash, catalog: this.#catalog, reader: this.#reader });
    if (this.#importing++ === 0) this.engine.deferReadings(true);
    try {
      const { outcomes, cancelled } = await importer.run(files, onProgress, signal);
      if (outcomes.some((o) => o.status === 'indexed')) {
        // The snapshot takes seconds at 50 MB, after every file is done: the UI says so.
        importer.report('snapshot');
        await importer.time('snapshot', () => this.#snapshots.save());
      }
      return { outcomes, cancelled, timings: importer.timings };
    } finally {
      if (--this.#importing === 0) this.engine.deferReadings(false);
    }
  }

  /**
   * Loads the text of files' sections, which a reload leaves in storage until shown (a third of
   * what it would read). Texts stored inline (older records) are already there.
   */
  async loadTexts(fileIds: readonly number[]): Promise<void> {
    if (fileIds.length === 0) return;
    for (const [fileId, texts] of await this.#store.getTexts(fileIds)) this.engine.setTexts(fileId, texts);
  }

  /**
   * Loads the texts of up to `maxFiles` more files (idle work after a reload, so that later
   * results need no storage read). @returns true when every text is loaded
   */
  async loadMoreTexts(maxFiles: number): Promise<boolean> {
    const missing = this.engine.filesWithoutText(this.#catalog.allSectionIds());
    await this.loadTexts(missing.slice(0, maxFiles));
    return missing.length <= maxFiles;
  }

  /**
   * A page of results: ranked once, then the text of its sections loaded when a reload left it
   * in storage, then shown.
   */
  async search(query: string, options: SearchOptions): Promise<SearchResult> {
    // Only a query the character index serves waits for the rest of it (170 ms at 200 MB); one
    // the pair index answers alone (a Latin word, most longer Han terms) is not held up. Asked
    // only while a take is under way: a keystroke otherwise parses its query once, to rank it.
    if (this.#characters.taking && this.engine.readsCharacters(query, options.wording)) this.#characters.finishStep();
    const page = this.engine.rank(query, options);
    await this.loadTexts(this.engine.filesWithoutText(page.entries.map((e) => e.id)));
    void this.#characters.once();
    return { ...page.counts, facets: page.facets, hits: this.engine.hits(page) };
  }

  /** A section for the reader, its text loaded first if needed. */
  async read(sectionId: number, query: string, wording = true): Promise<ReadResult | null> {
    await this.loadTexts(this.engine.filesWithoutText([sectionId]));
    return this.engine.read(sectionId, query, wording);
  }

  /** The whole library as one backup zip (see core/backup.ts for the format). */
  async exportBackup(): Promise<Uint8Array> {
    // Every text is read in one go rather than file by file.
    await this.loadTexts(this.engine.filesWithoutText(this.#catalog.allSectionIds()));
    return exportBackup(this.#files.values(), {
      articles: async (record) =>
        (await this.#sections(record.sectionIds)).flatMap((s): BackupArticle[] => (s ? [{ title: s.title, url: s.url, date: s.date, text: s.text }] : [])),
      original: (record) => this.#originalOf(record),
    });
  }

  /** Sections with their texts (loaded first if a reload left them in storage); undefined for an unknown id. */
  async #sections(sectionIds: readonly number[]): Promise<(ReadResult['section'] | undefined)[]> {
    await this.loadTexts(this.engine.filesWithoutText(sectionIds));
    return sectionIds.map((id) => this.engine.read(id)?.section);
  }

  /**
   * A file's text as decoded, before cleaning, where section `sectionId` lies in it, and the
   * query's marks in it; null for an unknown file or section, or an original not stored.
   */
  async original(fileId: number, sectionId: number, query: string, wording = true): Promise<OriginalView | null> {
    const record = this.#files.get(fileId);
    const k = record?.sectionIds.indexOf(sectionId) ?? -1;
    if (!record || k < 0) return null;
    const sections = await this.#sections(record.sectionIds.slice(0, k + 2));
    const text = await this.#originalOf(record);
    if (text === undefined) return null;
    const marks = marksIn(text, query, wording, sections[k]?.script);
    return originalView(text, record, sections.map((s) => s?.text ?? ''), k, marks);
  }

  #originalOf(record: FileRecord): Promise<string | undefined> {
    return originalOf(record, this.#store, async (ids) => (await this.#sections(ids)).map((s) => s?.text ?? ''));
  }

  /**
   * Removes files from the index and from storage, keeping them in memory until the next
   * removal, so that {@link Library.restore} can put them back.
   */
  async remove(fileIds: readonly number[]): Promise<LibraryState> {
    const records = [...new Set(fileIds)].flatMap((id) => this.#files.get(id) ?? []);
    if (records.length === 0) return this.state();
    await this.loadTexts(this.engine.filesWithoutText(records.flatMap((r) => r.sectionIds)));
    const trash = await trashOf(records, this.engine, this.#store);
    const gone = new Set(records.map((r) => r.id));
    const meta = this.#catalog.meta;
    this.#catalog.meta = { ...meta, indexedFileIds: meta.indexedFileIds.filter((id) => !gone.has(id)) };
    for (const file of records) {
      this.engine.removeFile(file.id);
      this.#catalog.forget(file);
    }
    await this.#store.deleteFiles([...gone], this.#catalog.meta);
    this.#trash.keep(trash);
    await this.#snapshots.save();
    return this.state();
  }

  /**
   * Puts back files of the last removal under their file and section ids (links to a section
   * still work), searchable at once, written back, and in a new snapshot (which also tells other
   * tabs). A file whose text was imported again meanwhile is skipped: it would be a duplicate.
   */
  async restore(fileIds: readonly number[]): Promise<LibraryState> {
    const back = this.#trash.returnable(fileIds, this.#catalog, this.engine);
    if (back.length === 0) return this.state();
    // Written first: should the write fail, nothing has changed in memory.
    await this.#store.putFiles(back, this.#catalog.meta);
    this.#trash.drop(back);
    for (const { file, sections } of back) {
      this.#catalog.remember(file);
      this.engine.restoreFile(file.id, file.path, sections, false);
    }
    await this.#snapshots.save();
    return this.state();
  }

  /** Forgets everything. */
  async clear(): Promise<LibraryState> {
    this.#forgetAll();
    this.#trash.empty();
    await this.#store.clear();
    return this.state();
  }

  #forgetAll(): void {
    this.engine.clear();
    this.#catalog.reset();
  }

  /** Whether the pinyin tables are complete and the last snapshot lacks them (see {@link saveReadings}). */
  get readingsUnsaved(): boolean {
    return this.#snapshots.readingsUnsaved && !this.#refusal;
  }

  /**
   * Saves a snapshot with the pinyin tables written by idle work (an import leaves them for
   * then), so that a reload takes them rather than writes them again; the worker asks when no
   * other tab writes.
   */
  async saveReadings(): Promise<void> {
    if (this.readingsUnsaved) await this.#snapshots.save();
  }

  /**
   * One slice of the work left for when requests pause: the character index of restored
   * sections (once the saved one is taken or refused: it is not built twice) or the pinyin
   * tables sections lack (none while an import runs: it leaves them for when it ends), the
   * pinyin table (60 ms in one piece), the first pages of the commonest characters
   * (once no import is under way: a page made then would be of no use by the next file, and
   * would hold the import up), then the section texts a reload left in storage.
   * @returns true when none is left (the pages are asked for again when an import ends)
   */
  async idleSlice(): Promise<boolean> {
    await this.#characters.once();
    preparePinyin();
    let done = this.#snapshots.indexCharacters(CHARACTERS_PER_SLICE);
    if (done && this.#importing === 0) done = this.engine.prepareCommonAnswers(ANSWERS_PER_SLICE);
    if (done) done = await this.loadMoreTexts(FILES_PER_SLICE);
    return done;
  }

  /** The library as the UI lists it, newest file first. */
  state(): LibraryState {
    return { files: this.#catalog.listing((id) => this.engine.title(id)), sections: this.engine.sectionCount, storage: this.#store.mode };
  }

}
