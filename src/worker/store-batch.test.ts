/**
 * Files are written a few per transaction; a file's progress is reported only once it is
 * stored, so a crash never loses a file the UI showed as done.
 */
import { basename } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { readBytes, scaleCorpus } from '../../tests/support/scale.ts';
import type { LibraryMeta } from '../shared/records.ts';
import type { Progress } from '../shared/protocol.ts';
import type { StoredFile } from '../storage/library-store.ts';
import { MemoryLibraryStore } from '../storage/memory-store.ts';
import { ingest } from '../core/pipeline.ts';
import { Library } from './library.ts';
import { BATCH_FILES, StoreBatch } from './store-batch.ts';
import { sha256 } from '../../tests/support/hash.ts';

/** Counts transactions and records which paths are stored. */
class CountingStore extends MemoryLibraryStore {
  transactions = 0;
  override async putFiles(files: readonly StoredFile[], meta: LibraryMeta): Promise<void> {
    this.transactions++;
    return super.putFiles(files, meta);
  }
  storedPaths(): Set<string> {
    return new Set([...this.files.values()].map((f) => f.path));
  }
}

/** A store whose writes commit only when the test lets them, counting those under way. */
class GatedStore extends CountingStore {
  readonly gates: (() => void)[] = [];
  underWay = 0;
  mostUnderWay = 0;
  override async putFiles(files: readonly StoredFile[], meta: LibraryMeta): Promise<void> {
    this.mostUnderWay = Math.max(this.mostUnderWay, ++this.underWay);
    await new Promise<void>((open) => this.gates.push(open));
    this.underWay--;
    return super.putFiles(files, meta);
  }
}

describe('StoreBatch', () => {
  it('is full at BATCH_FILES files, and runs callbacks at once when empty, else after take', () => {
    const batch = new StoreBatch<number>();
    const ran: string[] = [];
    batch.after(() => ran.push('empty'));
    for (let i = 0; i < BATCH_FILES - 1; i++) batch.add(i, 10);
    batch.after(() => ran.push('staged'));
    expect(batch.full).toBe(false);
    batch.add(99, 10);
    expect(batch.full).toBe(true);
    expect(ran).toEqual(['empty']);
    const { items, after } = batch.take();
    expect(items).toHaveLength(BATCH_FILES);
    after.forEach((f) => f());
    expect(ran).toEqual(['empty', 'staged']);
    expect(batch.empty).toBe(true);
  });
});

describe('Library import in batches', () => {
  it('writes files a batch per transaction and reports each file only once it is stored, in order', async () => {
    const paths = scaleCorpus(1).slice(0, 40);
    const store = new CountingStore();
    const library = new Library(store, sha256);
    await library.init();
    const files = paths.map((p) => ({ name: basename(p), path: `poems/${basename(p)}`, bytes: readBytes(p).slice().buffer }));
    // The same file twice in one import: the second is a duplicate of one still waiting to be written.
    files.splice(5, 0, { ...files[2]!, bytes: readBytes(paths[2]!).slice().buffer });
    const reports: Progress[] = [];
    const unstoredWhenReported: string[] = [];
    const wrongCounts: string[] = [];
    const { outcomes } = await library.import(
      files,
      (p) => {
        reports.push(p);
        const stored = store.storedPaths();
        // The library's size as the panel shows it during the import: what is stored.
        if (p.library.files !== stored.size) wrongCounts.push(`${p.filesDone}: ${p.library.files} ≠ ${stored.size}`);
        files.slice(0, p.filesDone).forEach((f, i) => {
          if (i !== 5 && !stored.has(f.path)) unstoredWhenReported.push(f.path);
        });
      },
      new AbortController().signal,
    );
    // Everything reported done was in storage already.
    expect(unstoredWhenReported).toEqual([]);
    expect(wrongCounts).toEqual([]);
    expect(reports.at(-1)!.library).toEqual({ files: 40, sections: library.engine.sectionCount });
    // One report per file once stored, plus one per change of phase (reading, writing a batch, the snapshot).
    expect([...new Set(reports.map((r) => r.filesDone))]).toEqual([0, ...files.map((_, i) => i + 1)]);
    expect(reports.length).toBeLessThanOrEqual(files.length + 2 * Math.ceil(41 / BATCH_FILES) + 2);
    expect(outcomes[5]).toMatchObject({ status: 'skipped', code: 'duplicate' });
    expect(outcomes.filter((o) => o.status === 'indexed')).toHaveLength(40);
    // 40 files in batches of BATCH_FILES, plus the snapshot's manifest write (not counted here).
    expect(store.transactions).toBe(Math.ceil(40 / BATCH_FILES));
    expect(store.storedPaths().size).toBe(40);
  });

  it('reads and indexes the next files while a batch is written, one write at a time', async () => {
    const paths = scaleCorpus(1).slice(0, 3 * BATCH_FILES);
    const store = new GatedStore();
    const library = new Library(store, sha256);
    await library.init();
    const files = paths.map((p) => ({ name: basename(p), path: `poems/${basename(p)}`, bytes: readBytes(p).slice().buffer }));
    const reports: Progress[] = [];
    const importing = library.import(files, (p) => reports.push(p), new AbortController().signal);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
    // The first batch is being written; the second is read and indexed meanwhile, and waits.
    const sectionsOf = (n: number) => paths.slice(0, n).reduce((sum, p) => sum + ingest(readBytes(p), p).sections.length, 0);
    await vi.waitFor(() => expect(library.engine.sectionCount).toBe(sectionsOf(2 * BATCH_FILES)), { timeout: 5000 });
    await settle();
    expect(library.engine.sectionCount).toBe(sectionsOf(2 * BATCH_FILES));
    expect(store.gates).toHaveLength(1);
    expect(reports.at(-1)!.library.files).toBe(0);
    for (let k = 0; store.gates.length > k || k < 3; k++) {
      store.gates[k]?.();
      await settle();
    }
    const { outcomes } = await importing;
    expect(outcomes.filter((o) => o.status === 'indexed')).toHaveLength(files.length);
    expect(store.mostUnderWay).toBe(1);
    expect(store.storedPaths().size).toBe(files.length);
    expect(reports.at(-1)!.library.files).toBe(files.length);
  });

  it('writes the files of one archive as they fill batches, not all at its end', async () => {
    const paths = scaleCorpus(1).slice(0, 40);
    const store = new CountingStore();
    const library = new Library(store, sha256);
    await library.init();
    const zip = zipSync(Object.fromEntries(paths.map((p) => [basename(p), readBytes(p)])));
    const { outcomes } = await library.import([{ name: 'poems.zip', path: 'poems.zip', bytes: zip.slice().buffer }], () => {}, new AbortController().signal);
    expect(outcomes.filter((o) => o.status === 'indexed')).toHaveLength(40);
    expect(store.transactions).toBe(Math.ceil(40 / BATCH_FILES));
    expect(store.storedPaths().size).toBe(40);
  });
});
