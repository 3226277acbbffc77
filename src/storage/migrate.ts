import { SCHEMA_VERSION, type LibraryMeta } from '../shared/records.ts';
import type { StoredLibrary } from './library-store.ts';

/** A library written by a newer version of Souwen: never rewritten or cleared by this one. */
export class NewerSchemaError extends Error {
  override readonly name = 'NewerSchemaError';
  constructor(readonly found: number) {
    super(`文库由更新版本的搜文写入（格式 ${found}，本版本只能读到 ${SCHEMA_VERSION}），未作任何改动。请更新搜文后再打开。`);
  }
}

/** One step: upgrades a manifest from version `n` to `n + 1`, given the rest of the library. */
type Step = (meta: LibraryMeta, stored: StoredLibrary) => LibraryMeta;

/** Steps by the version they upgrade from; records that need their texts are rewritten by the worker (see step 4). */
const STEPS: Record<number, Step> = {
  // 1 → 2: the manifest records when the library was created; the oldest file tells.
  1: (meta, stored) => ({
    ...meta,
    schemaVersion: 2,
    createdAt: stored.files.length > 0 ? Math.min(...stored.files.map((f) => f.addedAt)) : Date.now(),
  }),
  // 2 → 3: new files keep their sections' text apart; records with it inline are read as they are.
  2: (meta) => ({ ...meta, schemaVersion: 3 }),
  // 3 → 4: new files whose original is their only section's text do not store it twice; older
  // records have no `originalIsText` and keep their stored original.
  3: (meta) => ({ ...meta, schemaVersion: 4 }),
  // 4 → 5: sections are folded again from their text by the worker (worker/refold.ts), which
  // needs their texts; this step only moves the version.
  4: (meta) => ({ ...meta, schemaVersion: 5 }),
  // 5 → 6: file and section records are packed into blocks by the store (`packFiles`), which
  // reads both kinds meanwhile; this step only moves the version.
  5: (meta) => ({ ...meta, schemaVersion: 6 }),
  // 6 → 7: new sections keep their text as a patch of their folded text, and their file stores no
  // texts apart; older ones keep theirs there, loaded when shown. Only the version moves.
  6: (meta) => ({ ...meta, schemaVersion: 7 }),
  // 7 → 8: blocks are written with their section records as columns; blocks of objects are read
  // as they are until their files are written again. Only the version moves.
  7: (meta) => ({ ...meta, schemaVersion: 8 }),
};

/**
 * Upgrades a loaded library to the current schema. Returns the new manifest when something
 * changed (the caller stores it), null when the library is current or empty.
 * @throws NewerSchemaError when the library comes from a newer version.
 */
export function migrate(stored: StoredLibrary): LibraryMeta | null {
  if (!stored.meta || stored.meta.schemaVersion === SCHEMA_VERSION) return null;
  let meta: LibraryMeta = stored.meta;
  if (meta.schemaVersion > SCHEMA_VERSION) throw new NewerSchemaError(meta.schemaVersion);
  while (meta.schemaVersion < SCHEMA_VERSION) {
    const step: Step | undefined = STEPS[meta.schemaVersion];
    if (!step) throw new Error(`no upgrade from library schema ${meta.schemaVersion}`);
    meta = step(meta, stored);
  }
  return meta;
}
