import { applyPatch } from '../../src/core/normalize/text-patch.ts';
import type { MemoryLibraryStore } from '../../src/storage/memory-store.ts';

/**
 * Rewrites a library just stored in memory as schema 6 and before kept it: records without a
 * patch, every file's section texts stored apart (read when shown). The schema version is left
 * to the caller.
 */
export function withTextsApart(store: MemoryLibraryStore): void {
  for (const [fileId, records] of store.sections) {
    const kept = store.texts.get(fileId);
    store.texts.set(fileId, records.map((r, k) => (r.patch !== undefined ? applyPatch(r.norm, r.patch) : (r.text ?? kept?.[k] ?? ''))));
    store.sections.set(fileId, records.map(({ patch: _patch, text: _text, ...r }) => r));
  }
}
