/**
 * The last removal, kept in memory so that it can be undone: each file as it was written (its
 * record, its sections with their folded text and text, its original when stored), so that
 * `restore` puts it back under the same file and section ids without reading or folding again.
 * Only the most recent removal is kept; a reload forgets it.
 */
import type { SearchEngine } from '../core/engine.ts';
import type { FileRecord } from '../shared/records.ts';
import type { LibraryStore, StoredFile } from '../storage/library-store.ts';
import type { Catalog } from './catalog.ts';

export class Trash {
  #items: StoredFile[] = [];

  /** Keeps the files of a removal, in place of the previous one's. */
  keep(items: StoredFile[]): void {
    this.#items = items;
  }

  /** Forgets the last removal (the library was cleared). */
  empty(): void {
    this.#items = [];
  }

  /**
   * The files of `fileIds` that may go back (see {@link mayReturn}), in id order; they stay
   * here until {@link Trash.drop} (their write may fail).
   */
  returnable(fileIds: readonly number[], catalog: Catalog, engine: SearchEngine): StoredFile[] {
    const wanted = new Set(fileIds);
    return this.#items.filter((item) => wanted.has(item.file.id) && mayReturn(item, catalog, engine)).sort((a, b) => a.file.id - b.file.id);
  }

  /** Forgets files put back. */
  drop(items: readonly StoredFile[]): void {
    this.#items = this.#items.filter((item) => !items.includes(item));
  }
}

/**
 * Whether a removed file can go back as it was: its text is not in the library again (imported
 * meanwhile: it would be a duplicate), and its ids are free and below the counters, so that no
 * later file ever gets them (another tab may have cleared the library and started the counters
 * again: then its ids may be taken, or become so).
 */
function mayReturn({ file, sections }: StoredFile, catalog: Catalog, engine: SearchEngine): boolean {
  const { nextFileId, nextSectionId } = catalog.meta;
  if (catalog.byText(file.hash) !== undefined || catalog.files.has(file.id) || file.id >= nextFileId) return false;
  return sections.every((s) => s.id < nextSectionId && engine.title(s.id) === undefined);
}

/**
 * What to keep of files about to be removed: their sections as the engine holds them (texts
 * loaded first by the caller), and the stored original of those whose record cannot rebuild it.
 */
export async function trashOf(records: readonly FileRecord[], engine: SearchEngine, store: Pick<LibraryStore, 'getOriginal'>): Promise<StoredFile[]> {
  const items: StoredFile[] = [];
  for (const file of records) {
    const rebuilt = file.originalGaps !== undefined || file.originalIsText === true;
    const original = rebuilt ? null : ((await store.getOriginal(file.id)) ?? null);
    items.push({ file, sections: engine.storedSections(file.sectionIds), original });
  }
  return items;
}
