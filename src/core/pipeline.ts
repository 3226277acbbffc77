/**
 * The ingest pipeline, one file at a time. Stage order:
 *  1. check   — how the file is read (route.ts), the size is within limits
 *  2. decode  — bytes → text (BOM, UTF-8/16, GB18030, Big5, Western; others refused) decode/decode.ts
 *     extract — HTML → text with `#` heading lines (htmlparser2, no DOM)             extract/html.ts
 *               Markdown → text without markup, headings kept                       extract/markdown.ts
 *               zip → entries, EPUB → chapters                                      extract/zip.ts, epub.ts
 *  3. clean   — converter artifacts and web chrome removed                          clean/clean.ts
 *  4. split   — text → sections (articles, chapters, poems, fortunes, headings)     split/sections.ts
 * Folding, tokenizing and indexing happen when sections enter the engine (engine.ts):
 *  5. normalize — NFKC, lower case, script folding by character                     normalize/normalize.ts
 *  6. tokenize  — character pairs (Latin as they are, others hashed)                 tokenize/tokenize.ts
 *  7. index     — varint pair lists + FlexSearch Latin pairs + character index       index/, search/
 * Pure: no DOM, no worker, no storage. Runs unchanged in Node and in the worker.
 */
import { cleanText } from './clean/clean.ts';
import { decode } from './decode/decode.ts';
import { PipelineError } from './errors.ts';
import { entryMap, readEpub } from './extract/epub.ts';
import { extractHtml } from './extract/html.ts';
import { stripMarkdown } from './extract/markdown.ts';
import { newBudget, openArchive, ZIP_LIMITS, type ArchiveEntry, type ArchiveSkip, type ExpansionBudget } from './extract/zip.ts';
import { MAX_FILE_BYTES } from './paths.ts';
import { extensionOf, routeByName, routeOf } from './route.ts';
import { splitSections } from './split/sections.ts';
import type { IngestedFile, Section } from './types.ts';

/**
 * Runs a file through check, decode, clean and split.
 * @param name the file's name or relative path (used for its type and in messages)
 * @throws PipelineError with a code the UI can translate; never anything else for bad input.
 */
export function ingest(bytes: Uint8Array, name: string): IngestedFile {
  const route = routeByName(name);
  if (route === 'unsupported') {
    const ext = extensionOf(name);
    throw new PipelineError('unsupported-type', 'read', name, `.${ext} files are not supported yet (only .txt, .md, .html, .epub and .zip)`);
  }
  if (bytes.length > MAX_FILE_BYTES) {
    throw new PipelineError('too-large', 'read', name, `the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  }
  const decoded = decode(bytes, name);
  const html = route === 'html' ? extractHtml(decoded.text) : null;
  const markdown = route === 'markdown' ? stripMarkdown(decoded.text) : null;
  const cleaned = cleanText(html?.text ?? markdown ?? decoded.text);
  const sections = splitSections(cleaned.text, name, html ? { markdown: true, title: html.title ?? undefined } : {});
  if (sections.length === 0) throw new PipelineError('no-text', 'split', name, 'the file contains no text');
  return {
    name,
    encoding: decoded.encoding,
    bom: decoded.bom,
    ...(decoded.notes ? { decodeNotes: decoded.notes } : {}),
    size: bytes.length,
    chars: decoded.text.length,
    original: decoded.text,
    cleaning: cleaned.counts,
    removed: cleaned.removed,
    sections,
  };
}

/**
 * An EPUB as one file whose sections are its chapters, in spine order; each chapter is cleaned
 * like any text, and chapters without a title of their own are numbered.
 */
function ingestBook(entries: readonly ArchiveEntry[], path: string, size: number): IngestedFile {
  const book = readEpub(entryMap(entries, path), path);
  if (book.chapters.length === 0) throw new PipelineError('no-text', 'split', path, 'the book has no chapters with text');
  const sections: Section[] = [];
  const cleaning: Record<string, number> = {};
  const removed: IngestedFile['removed'] = {};
  let text = '';
  book.chapters.forEach((chapter, i) => {
    const cleaned = cleanText(chapter.text);
    for (const [rule, n] of Object.entries(cleaned.counts)) cleaning[rule] = (cleaning[rule] ?? 0) + n;
    for (const [rule, gone] of Object.entries(cleaned.removed)) {
      const sum = (removed[rule] ??= { lines: 0, examples: [] });
      sum.lines += gone.lines;
      sum.examples = [...sum.examples, ...gone.examples].slice(0, 3);
    }
    const title = chapter.title && chapter.title !== book.title ? chapter.title : `第${i + 1}章`;
    sections.push({ title, text: cleaned.text, start: text.length, ...(book.title ? { source: book.title } : {}) });
    text += `${cleaned.text}\n`;
  });
  return {
    name: path,
    encoding: 'utf-8',
    bom: false,
    size,
    chars: text.length,
    original: book.chapters.map((c) => c.text).join('\n'),
    cleaning,
    removed,
    sections,
  };
}

/** What became of one file, or of one entry of an archive. */
export type IngestOutcome = { path: string; file: IngestedFile } | { path: string; error: PipelineError };

function attempt(path: string, run: () => IngestedFile): IngestOutcome {
  try {
    return { path, file: run() };
  } catch (e) {
    if (e instanceof PipelineError) return { path, error: e };
    return { path, error: new PipelineError('internal', 'read', path, String(e), { cause: e }) };
  }
}

/**
 * Ingests a file that may be an archive, one outcome at a time: a zip's entries (nested folders,
 * and zips inside zips up to `ZIP_LIMITS.maxDepth`) each re-enter the pipeline and get an
 * outcome of their own, so one bad entry never loses the others, and each entry is read only
 * when the caller asks for the next outcome — an import stores what it has read before reading
 * on, and never holds a whole archive's files. Any other file gives exactly one outcome. Nested
 * archives share one expansion `budget`, so archives each within the limits cannot add up past them.
 */
export function* ingestEach(bytes: Uint8Array, path: string, depth = 0, budget: ExpansionBudget = newBudget()): Generator<IngestOutcome> {
  const route = routeOf(path, bytes);
  if (route === 'broken-archive') {
    return yield { path, error: new PipelineError('broken-archive', 'read', path, `the file is named .${extensionOf(path)} but is not a zip archive`) };
  }
  if (route !== 'archive' && route !== 'book') return yield attempt(path, () => ingest(bytes, path));
  if (depth >= ZIP_LIMITS.maxDepth) {
    return yield { path, error: new PipelineError('archive-limit', 'read', path, `archives nested more than ${ZIP_LIMITS.maxDepth} deep are not read`) };
  }
  let items: Iterable<ArchiveEntry | ArchiveSkip>;
  try {
    items = openArchive(bytes, path, budget);
  } catch (e) {
    return yield { path, error: e instanceof PipelineError ? e : new PipelineError('broken-archive', 'read', path, String(e)) };
  }
  if (route === 'book') {
    const entries = [...items].filter((item): item is ArchiveEntry => !('error' in item));
    return yield attempt(path, () => ingestBook(entries, path, bytes.length));
  }
  let any = false;
  for (const item of items) {
    any = true;
    if ('error' in item) yield { path: item.path, error: item.error };
    else yield* ingestEach(item.bytes, item.path, depth + 1, budget);
  }
  if (!any) yield { path, error: new PipelineError('no-text', 'read', path, 'the archive contains no files') };
}

/** Every outcome of {@link ingestEach} at once (the command line, tests). */
export function ingestMany(bytes: Uint8Array, path: string, depth = 0, budget: ExpansionBudget = newBudget()): IngestOutcome[] {
  return [...ingestEach(bytes, path, depth, budget)];
}
