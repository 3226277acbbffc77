import type { Script } from '../normalize/script.ts';
import type { LibrarySection, LoadedSection } from './section-store.ts';

/**
 * A section as stored (schema 5, `src/shared/records.ts`): its folded text and offset drift, so
 * that a reload needs no normalization. Its text may be left out and stored apart (schema 3):
 * the engine then loads it when the section is shown (`SearchEngine.setTexts`).
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
  drift?: number[] | undefined;
  /** `normalize(title).text`; computed on first use when absent (older records). */
  normTitle?: string | undefined;
  /** The section's script, or its file's (see `normalize/script.ts`). */
  script?: Script | undefined;
}

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
    text: r.text,
    norm: r.norm,
    drift: r.drift,
    normTitle: r.normTitle,
    script: r.script,
  };
}

/**
 * A section as it is written, with its text (the same keys as ever: schema 5 is unchanged).
 * Not a copy: a section leaves the engine only from `addFile`, text loaded, and the engine never
 * changes a section whose text is there; a copy per section would double the objects that a
 * caller holding the records keeps (the benchmark keeps all of them).
 */
export function toStored(section: LoadedSection): StoredSection & { text: string } {
  return section;
}
