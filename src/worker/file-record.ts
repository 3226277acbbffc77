import type { FileRecord, SectionRecord } from '../shared/records.ts';
import type { PreparedFile } from './prepared-file.ts';

/** The stored record of a file just indexed. */
export function fileRecord(id: number, path: string, file: PreparedFile, addedAt: number, sections: readonly SectionRecord[], bytesHash: string | undefined): FileRecord {
  const record: FileRecord = {
    id,
    name: path.split('/').pop() ?? path,
    path,
    size: file.size,
    hash: file.textHash,
    encoding: file.encoding,
    bom: file.bom,
    addedAt,
    sectionIds: sections.map((s) => s.id),
    ...(bytesHash && { bytesHash }),
  };
  // A file little or nothing was cleaned from (notes, novels, poems) would be stored twice:
  // its sections and its original. What lies between its sections is enough to rebuild it.
  if ('gaps' in file.original) record.originalGaps = file.original.gaps;
  return record;
}
