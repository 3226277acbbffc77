/**
 * The steps of an import, in the order of its outcomes, as a generator the importer asks ahead
 * of what it indexes (see `Importer.run`): for each dropped file, an outcome known without
 * indexing (refused, duplicate, unreadable) or each file it reads into, then its end.
 */
import { mayBeBackup } from '../core/backup.ts';
import { isAbortError, PipelineError } from '../core/errors.ts';
import { newBudget } from '../core/extract/zip.ts';
import { routeOf } from '../core/route.ts';
import type { FileOutcome, ImportFile, ImportTimings } from '../shared/protocol.ts';
import { backupSources, type Source } from './backup-files.ts';
import { skippedOutcome, type Catalog } from './catalog.ts';
import type { HashFn } from './importer.ts';
import { inProcessReader, type ReadOutcome, type SourceReader } from './reader.ts';

/** One step of an import. */
export type Work =
  | { kind: 'outcome'; outcome: FileOutcome }
  | { kind: 'read'; result: ReadOutcome; addedAt: number | undefined; whole: string | undefined }
  | { kind: 'end'; i: number; file: ImportFile };

/** What the steps need: hashing, the catalog (duplicates), the reader, and the importer's clock. */
export interface StepContext {
  hash: HashFn;
  catalog: Catalog;
  reader?: SourceReader | undefined;
  time: <T>(phase: keyof ImportTimings, job: () => Promise<T>) => Promise<T>;
}

/** The outcome of a source that threw (a bug, a hostile input no check foresaw); cancelling still stops the import. */
function failed(path: string, e: unknown): Work {
  if (isAbortError(e)) throw e;
  return { kind: 'outcome', outcome: skippedOutcome(e instanceof PipelineError ? e : new PipelineError('internal', 'read', path, String(e), { cause: e })) };
}

/**
 * Every step of an import, in the order of its outcomes: each dropped file's, then its end.
 * The next file's bytes are hashed while this one is read, so that its read can be asked for
 * as soon as this one's is handed over.
 */
export async function* importSteps(files: readonly ImportFile[], context: StepContext): AsyncGenerator<Work> {
  let hashing = hashAhead(files[0], context);
  let at = 0;
  for (const [i, file] of files.entries()) {
    at = i;
    const hashed = hashing;
    hashing = hashAhead(files[i + 1], context);
    const [following, hashingNext] = [files[i + 1], hashing];
    // Asked ahead only while this file is the one read: a late hash must not ask for a file read already.
    const next = following && hashingNext ? () => askAhead(following, hashingNext, context, () => at === i) : undefined;
    yield* fileSteps(file, hashed, context, next);
    yield { kind: 'end', i, file };
  }
}

/**
 * Asks the reader for the next dropped file ahead, once its hash says it is not in the library
 * already (a duplicate would be read for nothing): a file, not an archive (which gives many
 * outcomes, pulled one at a time) nor a backup (hashAhead gives none for those).
 */
function askAhead(file: ImportFile, hashed: Promise<string>, context: StepContext, stillAhead: () => boolean): void {
  const { reader, catalog } = context;
  if (!reader?.ahead) return;
  const bytes = new Uint8Array(file.bytes);
  if (routeOf(file.path, bytes) === 'archive') return;
  void hashed.then(
    (hash) => stillAhead() && catalog.byBytes(hash) === undefined && reader.ahead!({ bytes, path: file.path, depth: 0, budget: newBudget() }),
    () => undefined,
  );
}

/** The hash of a dropped file's bytes, started now; none for a backup (its entries are hashed). */
function hashAhead(file: ImportFile | undefined, context: StepContext): Promise<string> | undefined {
  if (!file || mayBeBackup(file.path, new Uint8Array(file.bytes))) return undefined;
  const hashing = context.time('hash', () => context.hash(new Uint8Array(file.bytes)));
  hashing.catch(() => undefined);
  return hashing;
}

/**
 * The steps of one dropped file; an archive gives one outcome per entry, a library backup one
 * per file entry. Whatever one source throws becomes its own outcome: the files read before it
 * are staged and written with their batch, and the import goes on.
 * @param hashed the hash of its bytes, when already under way
 */
async function* fileSteps(file: ImportFile, hashed: Promise<string> | undefined, context: StepContext, next?: () => void): AsyncGenerator<Work> {
  const bytes = new Uint8Array(file.bytes);
  let read: Awaited<ReturnType<typeof backupSources>> | null;
  try {
    read = mayBeBackup(file.path, bytes) ? await backupSources(bytes, file.path) : null;
  } catch (e) {
    return yield failed(file.path, e);
  }
  if (read?.kind === 'refused') return yield { kind: 'outcome', outcome: read.outcome };
  if (read?.kind !== 'backup') return yield* sourceSteps({ path: file.path, bytes, addedAt: undefined }, context, hashed, next);
  for (const item of read.items) {
    if ('outcome' in item) yield { kind: 'outcome', outcome: item.outcome };
    else yield* sourceSteps(item, context);
  }
}

/**
 * The steps of one source: what it reads into, one outcome at a time, or why it is skipped.
 * @param next asks for the source after it ahead, once this one is asked for
 */
async function* sourceSteps(source: Source, context: StepContext, hashed?: Promise<string>, next?: () => void): AsyncGenerator<Work> {
const { hash, catalog, time } = context;
  try {
    const bytesHash = await (hashed ?? time('hash', () => hash(source.bytes)));
    const same = catalog.byBytes(bytesHash);
    // Dropped again: known before decoding, reading and normalizing it all over.
    if (same !== undefined) return yield { kind: 'outcome', outcome: catalog.duplicateOf(source.path, same) };
    // The bytes' hash names a file only when the source is one file (a book is one, an archive not).
    const whole = routeOf(source.path, source.bytes) === 'archive' ? undefined : bytesHash;
    // One outcome at a time: an archive's entries are read as the ones before are staged and
    // written, so an import never holds all of them (DESIGN.md, decision 44).
    const reader = context.reader ?? inProcessReader;
    const request = { bytes: source.bytes, path: source.path, depth: source.depth ?? 0, budget: source.budget ?? newBudget() };
    // Reading is timed as it runs, alongside the indexing of the file before.
    const results = reader.read(request)[Symbol.asyncIterator]();
    // The first pull sends the source to the reader, before the next one is asked for ahead.
    let pulled = time('read', () => results.next());
    next?.();
    for (;;) {
      const step = await pulled;
      if (step.done) break;
      yield { kind: 'read', result: step.value, addedAt: source.addedAt, whole };
      pulled = time('read', () => results.next());
    }
  } catch (e) {
    yield failed(source.path, e);
  }
}
