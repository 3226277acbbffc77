import { foldSection, keptDrift } from '../normalize/fold-sections.ts';
import type { ReadSection } from '../types.ts';
import type { Script } from '../normalize/script.ts';
import type { LibrarySection } from './section-store.ts';

/**
 * A section as stored (schema 5, `src/shared/records.ts`): its folded text and offset drift, so
 * that a reload needs no normalization. Its text is remade from its folded text and `patch`
 * (schema 7), else stored apart (schema 3) and loaded when the section is shown
 * (`SearchEngine.setTexts`).
 */
export interface StoredSection {
  id: number;
  fileId: number;
  /** Position of the section in its file, from 0. */
  index: number;
  title: string;
  url?: string | undefined;
  source?: string | undefined;
  date?: string | undefined;
  text?: string | undefined;
  /** `normalize(text).text`. */
  norm: string;
  /** `driftOf(normalize(text).map)`: maps offsets of `norm` back to `text` without re-normalizing. */
  drift?: readonly number[] | undefined;
  /** `normalize(title).text`; computed on first use when absent (older records). */
  normTitle?: string | undefined;
  /** The section's script, or its file's (see `normalize/script.ts`). */
  script?: Script | undefined;
  /** The text as its difference from `norm` (`normalize/text-patch.ts`); absent when the text is kept. */
  patch?: string | undefined;
}

const SCRIPTS: Readonly<Record<Script, Script>> = { hans: 'hans', hant: 'hant' };

/**
 * A stored section as the engine keeps it. A copy: loading its text later (`setTexts`) never
 * changes a record that a store may still hold. Every field is named, in one order, so that all
 * sections share one shape (a spread copy made a reload of 41 000 sections 50 ms slower).
 */
export function fromStored(r: StoredSection): LibrarySection {
  return {
    id: r.id,
    fileId: r.fileId,
    index: r.index,
    title: r.title,
    url: r.url,
    source: r.source,
    date: r.date,
    // A text its patch remakes is not held (a record may carry both: a backup's, a test's).
    text: r.patch === undefined ? r.text : undefined,
    norm: r.norm,
    drift: r.drift && keptDrift(r.drift),
    // Shared where equal: storage gives each record strings of its own (at 50 MB of poems,
    // 204 084 copies of 'hant' or 'hans' held 3.3 MB).
    normTitle: r.normTitle === r.title ? r.title : r.normTitle,
    script: r.script && SCRIPTS[r.script],
    patch: r.patch,
  };
}

/**
 * {@link fromStored} without the copy, for a record no one else holds (read from storage just
 * now): the record is set right in place and becomes the engine's. A reload of 200 MB made 839 409
 * copies, about 40 % of restoring its files (Node profile at 50 MB).
 */
export function adoptStored(r: StoredSection): LibrarySection {
  r.text = r.patch === undefined ? r.text : undefined;
  if (r.drift) r.drift = keptDrift(r.drift);
  if (r.normTitle === r.title) r.normTitle = r.title;
  if (r.script) r.script = SCRIPTS[r.script];
  return r as LibrarySection;
}

/**
 * A section as it is written: its patch, or else its text. Not a copy: a section leaves the
 * engine only from `addFile`, and the engine never changes one whose text or patch is there; a
 * copy per section would double the objects that a caller holding the records keeps (the
 * benchmark keeps all of them).
 */
export function toStored(section: LibrarySection): StoredSection {
  return section;
}

/** A section's length, for cutting a file into slices: its text's, else its folded text's (about the same). */
export const readLength = (s: ReadSection): number => (s.text === undefined ? s.folded.norm.length : s.text.length);

/**
 * A section read from a file as the engine keeps it, every field named in one order (the shape of
 * {@link fromStored}'s): its text only where it has no patch (one would be longer than the text: see `patchOf`).
 */
export function fromSection(s: ReadSection, id: number, fileId: number, index: number): LibrarySection {
  const { norm, drift, normTitle, script, patch } = s.text === undefined ? s.folded : (s.folded ?? foldSection(s, undefined));
  const text = patch === undefined ? s.text : undefined;
  // One string where the title folds to itself (the parsing worker sends two equal copies).
  const title = normTitle === s.title ? normTitle : s.title;
  // The one copy of its script's name: the parsing worker's came as a string per section (3.3 MB at 50 MB).
  return { id, fileId, index, title, url: s.url, source: s.source, date: s.date, text, norm, drift, normTitle, script: script && SCRIPTS[script], patch };
}
