import { foldSections } from '../core/normalize/fold-sections.ts';
import type { FileRecord, LibraryMeta, SectionRecord } from '../shared/records.ts';
import type { LibraryStore, StoredLibrary } from '../storage/library-store.ts';

/** Files rewritten per transaction while folding a library again. */
const FILES_PER_WRITE = 64;

/** The text a file's sections are compared by for duplicates: their text, line ends made alike. */
export function contentBytes(texts: readonly string[]): Uint8Array {
  return new TextEncoder().encode(texts.map((t) => t.replace(/\r\n?/g, '\n')).join('\u0000'));
}

/**
 * Folds every section of a library stored before schema 5 again, from its text: schema 4 and
 * older folded regional vocabulary into the text (程序 → 进程), which matching no longer does,
 * and hashed files by folded text, which made a Traditional copy a "duplicate" of its
 * Simplified twin. Rewrites each file's records (not its original) and updates `stored` in
 * place; the index is then rebuilt, since its config hash changed too.
 */
export async function refoldLibrary(stored: StoredLibrary, store: LibraryStore, meta: LibraryMeta, hash: (bytes: Uint8Array) => Promise<string>): Promise<void> {
  for (let i = 0; i < stored.files.length; i += FILES_PER_WRITE) {
    const files = stored.files.slice(i, i + FILES_PER_WRITE);
    const texts = await store.getTexts(files.map((f) => f.id));
    const rewritten = [];
    for (const file of files) {
      const old = stored.sections.get(file.id) ?? [];
      const own = texts.get(file.id);
      const withText = old.map((s, k) => ({ ...s, text: s.text ?? own?.[k] ?? '' }));
      const folded = foldSections(withText);
      const sections: SectionRecord[] = withText.map(({ script: _old, ...s }, k) => ({ ...s, ...folded[k]! }));
      const record: FileRecord = { ...file, hash: await hash(contentBytes(sections.map((s) => s.text ?? ''))) };
      rewritten.push({ file: record, sections, original: null });
      // Kept without their text in memory, as a load leaves them: it is read when shown.
      stored.sections.set(file.id, sections.map(({ text: _text, ...s }) => s));
      stored.files[stored.files.indexOf(file)] = record;
    }
    await store.putFiles(rewritten, meta);
  }
}
