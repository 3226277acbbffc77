import { Parser } from 'htmlparser2';
import { decode } from '../decode/decode.ts';
import { PipelineError } from '../errors.ts';
import { extractHtml } from './html.ts';
import type { ArchiveEntry } from './zip.ts';

/** A chapter of an EPUB book, in reading (spine) order. */
export interface EpubChapter {
  title: string | null;
  text: string;
}

export interface EpubBook {
  title: string | null;
  chapters: EpubChapter[];
}

/** Resolves `href` relative to the folder of `base` (both inside the archive). */
function resolve(base: string, href: string): string {
  const parts = base.split('/').slice(0, -1);
  for (const part of decodeURIComponent(href.split('#')[0]!).split('/')) {
    if (part === '..') parts.pop();
    else if (part && part !== '.') parts.push(part);
  }
  return parts.join('/');
}

/** Walks an XML document, calling `open` for every element with its attributes. */
function walkXml(xml: string, open: (name: string, attrs: Record<string, string>) => void, text?: (name: string, data: string) => void): void {
  const stack: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        stack.push(name);
        open(name, attrs);
      },
      ontext(data) {
        text?.(stack[stack.length - 1] ?? '', data);
      },
      onclosetag() {
        stack.pop();
      },
    },
    { xmlMode: true },
  );
  parser.write(xml);
  parser.end();
}

/**
 * Reads an EPUB's chapters in spine order: `META-INF/container.xml` names the package file,
 * whose manifest and spine give the XHTML documents and their order; `dc:title` is the book title.
 * @param entries the archive's files, paths relative to the archive root
 * @throws PipelineError `broken-archive` when the EPUB structure is missing.
 */
export function readEpub(entries: ReadonlyMap<string, Uint8Array>, bookPath: string): EpubBook {
  const text = (path: string) => {
    const bytes = entries.get(path);
    if (!bytes) throw new PipelineError('broken-archive', 'read', bookPath, `the EPUB lacks ${path}`);
    return decode(bytes, `${bookPath}/${path}`).text;
  };
  let opfPath = '';
  walkXml(text('META-INF/container.xml'), (name, attrs) => {
    if (name === 'rootfile' && !opfPath && attrs['full-path']) opfPath = attrs['full-path'];
  });
  if (!opfPath) throw new PipelineError('broken-archive', 'read', bookPath, 'the EPUB container names no package file');
  const manifest = new Map<string, string>();
  const spine: string[] = [];
  let title: string | null = null;
  walkXml(
    text(opfPath),
    (name, attrs) => {
      if (name === 'item' && attrs.id && attrs.href) manifest.set(attrs.id, resolve(opfPath, attrs.href));
      if (name === 'itemref' && attrs.idref && attrs.linear !== 'no') spine.push(attrs.idref);
    },
    (name, data) => {
      if (name === 'dc:title' && title === null && data.trim()) title = data.trim();
    },
  );
  // Each document is read once, however often the spine lists it: a 4 KB book listing one
  // 300 000-character chapter 10 000 times asked for 3 G characters.
  const documents = new Set(spine.map((id) => manifest.get(id)));
  const chapters = [...documents]
    .filter((path): path is string => path !== undefined && entries.has(path))
    .map((path) => extractHtml(text(path), true))
    .filter((c) => c.text.trim())
    .map((c) => ({ title: c.title, text: c.text }));
  return { title, chapters };
}

/** The archive's entries keyed by their path inside the archive. */
export function entryMap(entries: readonly ArchiveEntry[], archivePath: string): Map<string, Uint8Array> {
  return new Map(entries.map((e) => [e.path.slice(archivePath.length + 1), e.bytes]));
}
