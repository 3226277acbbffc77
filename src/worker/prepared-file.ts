/**
 * A file made ready to index: what the indexer needs of a file read, worked out where it was read.
 *
 * @remarks Why (DESIGN.md, decision 88): the indexer is the busiest thread of an import and the
 * machine's cores are all busy, so every second spent elsewhere, or not at all, shortens it. The
 * parsing worker sent each file whole (its original, each section's text, its folded text and
 * patch) and the indexer hashed the texts and compared them with the original; at 50 MB of poems
 * the indexer spent about 2 s of a profiled import hashing, and the two workers 6 s copying
 * messages of 142 MB in all. Prepared, a file is hashed and its gaps found by the parsing worker,
 * and neither a text its patch remakes nor an original its gaps rebuild is sent: 69 MB.
 */
import { foldedSections } from '../core/normalize/fold-sections.ts';
import type { IngestedFile, ReadSection } from '../core/types.ts';
import type { HashFn } from './importer.ts';
import { originalGaps } from './original-gaps.ts';
import { contentBytes } from './refold.ts';

/** A file read, folded and hashed (see {@link prepareFile}). */
export interface PreparedFile extends Omit<IngestedFile, 'sections' | 'original'> {
  /** Folded; a section's text is left out where its patch remakes it. */
  sections: ReadSection[];
  /** The hash of `contentBytes` of its sections' texts: duplicates are known by it. */
  textHash: string;
  /** Its original as the gaps between its sections (`originalGaps`) where they rebuild it, else whole. */
  original: { gaps: string[] } | { text: string };
}

/** A file as a reader gives it: read only (in this thread), or prepared as well (by the parsing worker). */
export type ReadFile = IngestedFile | PreparedFile;

/** Folds a file's sections, hashes their texts, and keeps its original as gaps where they are enough. */
export async function prepareFile(file: IngestedFile, hash: HashFn): Promise<PreparedFile> {
  const { sections, original, ...rest } = file;
  const textHash = await hash(contentBytes(sections.map((s) => s.text)));
  const gaps = originalGaps(original, sections);
  return { ...rest, sections: foldedSections(sections), textHash, original: gaps ? { gaps } : { text: original } };
}
