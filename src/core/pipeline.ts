/**
 * The ingest pipeline, one file at a time. Stage order:
 *  1. check   — the file type is one we read, the size is within limits
 *  2. decode  — bytes → text (BOM, UTF-8/16, GB18030, Big5; binaries, empty refused) decode/decode.ts
 *  3. clean   — converter artifacts and web chrome removed                          clean/clean.ts
 *  4. split   — text → sections (newsletter articles, Markdown headings, whole file)  split/sections.ts
 * Normalization, tokenizing and indexing happen when sections enter the engine (engine.ts):
 *  5. normalize — NFKC, lower case, Traditional → Simplified                          normalize/normalize.ts
 *  6. tokenize  — character unigrams and pairs                                         tokenize/tokenize.ts
 *  7. index     — FlexSearch, verified against normalized text on query               index/search-index.ts
 * Pure: no DOM, no worker, no storage. Runs unchanged in Node and in the worker.
 */
import { cleanText } from './clean/clean.ts';
import { decode } from './decode/decode.ts';
import { PipelineError } from './errors.ts';
import { splitSections } from './split/sections.ts';
import type { IngestedFile } from './types.ts';

/** Largest file accepted; bigger files are refused with `too-large` rather than exhausting memory. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** Extensions read as plain text or Markdown. Files without an extension are sniffed by content. */
export const TEXT_EXTENSIONS = ['txt', 'text', 'md', 'markdown'] as const;

function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Whether a file name is one the pipeline reads (by extension; content is checked later). */
export function isSupportedName(name: string): boolean {
  const ext = extensionOf(name);
  return ext === '' || (TEXT_EXTENSIONS as readonly string[]).includes(ext);
}

/**
 * Runs a file through check, decode, clean and split.
 * @param name the file's name or relative path (used for its type and in messages)
 * @throws PipelineError with a code the UI can translate; never anything else for bad input.
 */
export function ingest(bytes: Uint8Array, name: string): IngestedFile {
  if (!isSupportedName(name)) {
    const ext = extensionOf(name);
    throw new PipelineError('unsupported-type', 'read', name, `.${ext} files are not supported yet (only .txt and .md)`);
  }
  if (bytes.length > MAX_FILE_BYTES) {
    throw new PipelineError('too-large', 'read', name, `the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  }
  const decoded = decode(bytes, name);
  const cleaned = cleanText(decoded.text);
  const sections = splitSections(cleaned.text, name);
  if (sections.length === 0) throw new PipelineError('no-text', 'split', name, 'the file contains no text');
  return {
    name,
    encoding: decoded.encoding,
    bom: decoded.bom,
    chars: decoded.text.length,
    original: decoded.text,
    cleaning: cleaned.counts,
    sections,
  };
}
