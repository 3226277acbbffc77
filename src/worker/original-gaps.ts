/** The original of a file, kept as the gaps between its sections when that is enough, or stored whole. */
import type { Section } from '../core/types.ts';
import type { FileRecord } from '../shared/records.ts';
import type { LibraryStore } from '../storage/library-store.ts';

/** Largest total of text between sections kept in a file's record instead of storing its original. */
const MAX_GAPS_CHARS = 4096;

/**
 * What lies between a file's sections in its original (before the first, between each two,
 * after the last), when the original is exactly its sections' texts with these between them —
 * then the original need not be stored beside the sections (it would double a poetry
 * collection, split into a section per poem, in storage). Null when the sections are not slices
 * of the original at their offsets (cleaning changed the text before them) or what lies between
 * them is large.
 */
export function originalGaps(original: string, sections: readonly Section[]): string[] | null {
  const gaps: string[] = [];
  let at = 0;
  let total = 0;
  for (const s of sections) {
    if (s.start < at || original.slice(s.start, s.start + s.text.length) !== s.text) return null;
    gaps.push(original.slice(at, s.start));
    total += s.start - at;
    at = s.start + s.text.length;
  }
  gaps.push(original.slice(at));
  total += original.length - at;
  return total <= MAX_GAPS_CHARS ? gaps : null;
}

/** The original of a file from its sections' texts and {@link originalGaps}. */
export function joinWithGaps(texts: readonly string[], gaps: readonly string[]): string {
  let out = gaps[0] ?? '';
  texts.forEach((t, i) => (out += t + (gaps[i + 1] ?? '')));
  return out;
}

/**
 * A file's text as decoded, before cleaning: rebuilt from its sections and the gaps between
 * them when that is how it was stored, else read from storage (undefined when not stored).
 *
 * @param sectionTexts loads the texts of the file's sections, in order
 */
export async function originalOf(
  record: FileRecord,
  store: Pick<LibraryStore, 'getOriginal'>,
  sectionTexts: (sectionIds: readonly number[]) => Promise<string[]>,
): Promise<string | undefined> {
  const gaps = record.originalGaps ?? (record.originalIsText ? ['', ''] : undefined);
  if (!gaps) return store.getOriginal(record.id);
  return joinWithGaps(await sectionTexts(record.sectionIds), gaps);
}
