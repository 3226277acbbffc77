/**
 * What is stored in IndexedDB. Bump {@link SCHEMA_VERSION} whenever a record's shape changes;
 * a library written under another version is rebuilt or migrated, never misread.
 */
import type { StoredSection } from '../core/engine.ts';
import type { EncodingLabel } from '../core/types.ts';

/**
 * Version 2 added `LibraryMeta.createdAt`. Version 3 keeps a section's text out of its record
 * (`texts:<fileId>`, read when the section is shown, not at startup); records written before
 * keep their text inline and are read as they are. Version 4 stores a file's original only when
 * cleaning changed it (`FileRecord.originalIsText`). Older libraries are upgraded in place by
 * `storage/migrate.ts`; a library from a newer version is left untouched and refused.
 */
export const SCHEMA_VERSION = 4;

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
   * SHA-256 (hex) of the normalized text of its sections, joined by U+0000: the same text in
   * another encoding, with other line ends or in the other script is the same document.
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
   * The file is one section whose text is exactly the decoded file (nothing was cleaned away),
   * so no `original:<id>` is stored: "show original" is that text. Absent: the original is stored.
   */
  originalIsText?: true;
}

/**
 * One section (article) of a file, stored as the engine holds it — with its normalized text, so
 * a reload needs no normalization. Its text is stored apart (see {@link SCHEMA_VERSION}).
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
