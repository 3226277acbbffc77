/**
 * Turns what the user dropped or picked into files with relative paths: folders are walked
 * recursively; hidden files and OS junk are skipped silently.
 */

/** A file picked or dropped, with its path relative to what was dropped. */
export interface PickedFile {
  file: File;
  path: string;
}

import { isJunkPath } from '../core/paths.ts';

export { isJunkPath };

function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries returns at most 100 entries per call (Chromium); call until it returns none.
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) return resolve(all);
        all.push(...batch);
        next();
      }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, prefix: string, out: PickedFile[]): Promise<void> {
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (isJunkPath(path)) return;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ file, path });
  } else if (entry.isDirectory) {
    const entries = await readAllEntries((entry as FileSystemDirectoryEntry).createReader());
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const child of entries) await walk(child, path, out);
  }
}

/** Files of a drop event, folders included. Must be called synchronously in the drop handler. */
export function filesFromDataTransfer(data: DataTransfer): Promise<PickedFile[]> {
  // Entries must be taken before the handler returns; the DataTransfer is emptied afterwards.
  const entries = Array.from(data.items ?? [])
    .filter((item) => item.kind === 'file')
    .map((item) => ({ entry: item.webkitGetAsEntry?.() ?? null, file: item.getAsFile() }));
  return (async () => {
    const out: PickedFile[] = [];
    for (const { entry, file } of entries) {
      if (entry) await walk(entry, '', out);
      else if (file && !isJunkPath(file.name)) out.push({ file, path: file.name });
    }
    return out;
  })();
}

/** Files of an `<input type=file>` (with `webkitdirectory`, paths include the folder). */
export function filesFromInput(list: FileList | null): PickedFile[] {
  return Array.from(list ?? [])
    .map((file) => ({ file, path: file.webkitRelativePath || file.name }))
    .filter((f) => !isJunkPath(f.path));
}
