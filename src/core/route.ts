/**
 * The one place that decides how a file is read, from its name (and, for archives, its first
 * bytes): the pipeline asks here for text, Markdown, HTML, archive or book, and the worker asks
 * `backup.ts` (`mayBeBackup`) before that whether a zip is a library backup.
 */
import { isZip } from './extract/zip.ts';

/** How a file is read. */
export type Route = 'text' | 'markdown' | 'html' | 'archive' | 'book' | 'unsupported';

const BY_EXTENSION: ReadonlyMap<string, Route> = new Map([
  // A file without an extension is sniffed by content, as text.
  ['', 'text'],
  ['txt', 'text'],
  ['text', 'text'],
  ['md', 'markdown'],
  ['markdown', 'markdown'],
  ['html', 'html'],
  ['htm', 'html'],
  ['xhtml', 'html'],
  ['zip', 'archive'],
  ['epub', 'book'],
]);

/** A file name's extension, lower case, without the dot ('' when it has none, or is a dot file). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** How a file of this name is read, before its content is seen. */
export function routeByName(name: string): Route {
  return BY_EXTENSION.get(extensionOf(name)) ?? 'unsupported';
}

/**
 * How a file is read once its bytes are seen: any zip is an archive (a book when named so), and
 * a file named as an archive or a book that is not a zip is broken, not text to decode.
 */
export function routeOf(name: string, bytes: Uint8Array): Route | 'broken-archive' {
  const byName = routeByName(name);
  if (isZip(bytes)) return byName === 'book' ? 'book' : 'archive';
  // An empty one is read as text, which refuses it as empty.
  if (byName === 'archive' || byName === 'book') return bytes.length > 0 ? 'broken-archive' : 'text';
  return byName;
}

/** Whether a file name is one the pipeline reads (by extension; content is checked later). */
export const isSupportedName = (name: string): boolean => routeByName(name) !== 'unsupported';
