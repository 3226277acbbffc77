/**
 * How the library list is arranged: filtered by name or title, sorted, and optionally grouped
 * by folder (a heading row before each folder's files). Pure, so it is unit-tested.
 */
import type { LibraryFile } from '../../shared/protocol.ts';

export type LibrarySort = 'added' | 'name' | 'size';
export const LIBRARY_SORTS: readonly LibrarySort[] = ['added', 'name', 'size'];

export type LibraryRow = { kind: 'folder'; folder: string; files: number } | { kind: 'file'; file: LibraryFile };

const collator = new Intl.Collator(['zh-Hans-u-co-pinyin', 'en'], { numeric: true });

const ORDER: Readonly<Record<LibrarySort, (a: LibraryFile, b: LibraryFile) => number>> = {
  added: (a, b) => b.addedAt - a.addedAt || b.id - a.id,
  name: (a, b) => collator.compare(a.name, b.name),
  size: (a, b) => b.size - a.size,
};

/** The rows to list: files whose name, path or title contains `filter`, sorted, grouped if asked. */
export function libraryRows(files: readonly LibraryFile[], filter: string, sort: LibrarySort, byFolder: boolean): LibraryRow[] {
  const f = filter.trim().toLowerCase();
  const matching = f ? files.filter((file) => file.path.toLowerCase().includes(f) || file.title.toLowerCase().includes(f)) : [...files];
  matching.sort(ORDER[sort]);
  if (!byFolder) return matching.map((file) => ({ kind: 'file', file }));
  const folders = new Map<string, LibraryFile[]>();
  for (const file of matching) {
    const list = folders.get(file.folder);
    if (list) list.push(file);
    else folders.set(file.folder, [file]);
  }
  return [...folders.keys()]
    .sort(collator.compare)
    .flatMap((folder): LibraryRow[] => [{ kind: 'folder', folder, files: folders.get(folder)!.length }, ...folders.get(folder)!.map((file): LibraryRow => ({ kind: 'file', file }))]);
}
