/**
 * What is stored in IndexedDB. Bump {@link SCHEMA_VERSION} whenever a record's shape changes;
 * a library written under another version is rebuilt or migrated, never misread.
 */
import type { StoredSection } from '../core/search/records.ts';
import type { EncodingLabel } from '../core/types.ts';

/**
 * Version 2 added `LibraryMeta.createdAt`. Version 3 keeps a section's text out of its record
 * (`texts:<fileId>`, read when the section is shown, not at startup); records written before
 * keep their text inline and are read as they are. Version 4 stores a file's original only when
 * cleaning changed it (`FileRecord.originalIsText`). Version 5 folds script only (no regional
 * vocabulary), records each section's `script`, and hashes files by their text: sections and
 * hashes of older libraries are computed again from their text on load (`worker/refold.ts`).
 * Version 6 stores file records and their sections' records in blocks of up to 16 files
 * (`block:<ids>` → {@link FileBlock}), not two values per file: a reload reads a value per
 * block; older ones are packed into blocks when upgraded (`LibraryStore.packFiles`).
 * Version 7 keeps a section's text as its patch from its folded text (`SectionRecord.patch`, see
 * `core/normalize/text-patch.ts`) and stores `texts:<fileId>` only for a file with a section
 * that has none (its fold and drift did not line up); older records are read as they are, their
 * texts loaded when shown.
 * Version 8 writes a block's section records as columns ({@link SectionColumns}); blocks of
 * objects are read as they are until their files are written again.
 * Older libraries are upgraded in place by
 * `storage/migrate.ts`; a library from a newer version is left untouched and refused.
 */
export const SCHEMA_VERSION = 8;

/** One imported file. Stored together with its sections in a single transaction. */
export interface FileRecord {
  id: number;
  /** File name without folders. */
  name: string;
  /** Relative path as dropped (folder/…/name), or the name. */
  path: string;
  /** Size in bytes as imported. */
  size: number;
  /**
   * SHA-256 (hex) of the text of its sections, joined by U+0000, line ends made alike: the same
   * text in another encoding or with other line ends is the same document; the same article in
   * the other script is not (both are kept, and shown as one hit with 另见).
   */
  hash: string;
  /**
   * SHA-256 (hex) of the bytes as dropped, for a file that is not an archive of several: the
   * same file dropped again is recognized before it is decoded. Absent before schema 4.
   */
  bytesHash?: string;
  encoding: EncodingLabel;
  bom: boolean;
  /** Milliseconds since the epoch. */
  addedAt: number;
  sectionIds: number[];
  /**
   * The file is one section whose text is exactly the decoded file, so no `original:<id>` is
   * stored (schema 4; schema 5 writes {@link FileRecord.originalGaps} instead).
   */
  originalIsText?: true;
  /**
   * The decoded file is its sections' texts with these between them (before the first, between
   * each two, after the last; see `worker/original-gaps.ts`), so no `original:<id>` is stored.
   * Absent: the original is stored.
   */
  originalGaps?: string[];
}

/**
 * One section (article) of a file, with its normalized text, so a reload needs no normalization.
 * Its text is stored apart (see {@link SCHEMA_VERSION}). The engine maps it to and from its own
 * runtime section in one place (`core/search/records.ts`).
 */
export type SectionRecord = StoredSection;

/** The library's manifest: versions, id counters and which index generation is current. */
export interface LibraryMeta {
  schemaVersion: number;
  /** When the library was created (milliseconds since the epoch); for the backup and diagnostics. */
  createdAt: number;
  /** `INDEX_CONFIG_HASH` of the code that wrote the index. */
  indexConfigHash: string;
  nextFileId: number;
  nextSectionId: number;
  /** Generation of the index snapshot that is complete; 0 when none was saved. */
  indexGeneration: number;
  /** Files contained in that snapshot; files stored later are re-indexed on load. */
  indexedFileIds: number[];
}

/**
 * Files stored together, with their sections' records (texts apart) as columns, in the same
 * order (schema 8; `storage/section-columns.ts`).
 */
export interface FileBlock {
  files: FileRecord[];
  columns: SectionColumns;
}

/** A block as schemas 6 and 7 stored it: its sections' records as objects, a list per file. */
export interface ObjectBlock {
  files: FileRecord[];
  sections: SectionRecord[][];
}

/** The optional fields of a section record, each a column of {@link SectionColumns} when any section has it. */
export const OPTIONAL_FIELDS = ['url', 'source', 'date', 'text', 'normTitle', 'script', 'patch'] as const;

/**
 * A block's section records as columns (schema 8): a reload reads a library's records in one
 * value per block, and the worker spends that read turning stored values into objects. Stored as
 * objects, a section cost about 1.5 µs at 200 MB (839 409 sections: 1.2–1.3 s of a 2.2–2.7 s
 * reload, the worker busy all along); as a few arrays per block, a third of that or less
 * (DESIGN.md, decision 72).
 *
 * @remarks Every field of `SectionRecord` has a column: numbers in typed arrays, strings in
 * arrays. An optional column is absent when no section of the block has the field; a section
 * without it holds `undefined` there. Drifts (lists of numbers, most of them empty) are one
 * array, with each section's length (-1: none).
 */
export interface SectionColumns {
  /** Sections of each file of the block, in order. */
  counts: Int32Array;
  ids: Int32Array;
  fileIds: Int32Array;
  indexes: Int32Array;
  titles: string[];
  norms: string[];
  driftLengths: Int32Array;
  drifts: number[];
  optional: Partial<Record<(typeof OPTIONAL_FIELDS)[number], (string | undefined)[]>>;
}

