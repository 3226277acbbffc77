/**
 * The one definition of what in a dropped folder or an archive is never content: hidden files
 * and the folders and files operating systems add (`.DS_Store`, `__MACOSX/`, `Thumbs.db`,
 * `desktop.ini`). Used for dropped folders (platform), archives (extract/zip) and the CLI.
 */
export function isJunkPath(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.') || part === '__MACOSX' || part === 'Thumbs.db' || part === 'desktop.ini');
}

/** Largest file read, on its own or as an archive entry; bigger ones are refused with `too-large`. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
