import type { IngestedFile } from '../core/types.ts';
import type { FileRecord, SectionRecord } from '../shared/records.ts';
import { originalGaps } from './original-gaps.ts';

/** The stored record of a file just indexed. */
export function fileRecord(
  id: number,
  path: string,
  ingested: IngestedFile,
  hash: string,
  addedAt: number,
  sections: readonly SectionRecord[],
  bytesHash: string | undefined,
): FileRecord {
  const record: FileRecord = {
    id,
    name: path.split('/').pop() ?? path,
    path,
    size: ingested.size,
    hash,
    encoding: ingested.encoding,
    bom: ingested.bom,
    addedAt,
    sectionIds: sections.map((s) => s.id),
    ...(bytesHash && { bytesHash }),
  };
  // A file little or nothing was cleaned from (notes, novels, poems) would be stored twice:
  // its sections and its original. What lies between its sections is enough to rebuild it.
  const gaps = originalGaps(ingested.original, ingested.sections);
  if (gaps) record.originalGaps = gaps;
  return record;
}
