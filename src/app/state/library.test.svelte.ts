import { describe, expect, it, vi } from 'vitest';
import type { FileOutcome } from '../../shared/protocol.ts';
import { fakeClient } from '../testing/fake-worker.ts';
import { IMPORT_LIMITS, LibraryModel } from './library.svelte.ts';

/** Stands in for a File: only the size and bytes are read. */
const picked = (count: number, size = 10) =>
  Array.from({ length: count }, (_, i) => ({ path: `f${i}.txt`, file: { name: `f${i}.txt`, size, arrayBuffer: async () => new ArrayBuffer(size) } as unknown as File }));

const empty = { files: [], sections: 0, storage: 'indexeddb' as const };
const timings = { read: 0, index: 0, hash: 0, store: 0, snapshot: 0 };
const indexed = (path: string, fileId: number): FileOutcome => ({ path, status: 'indexed', fileId, sections: 1, encoding: 'utf-8' });

/** A library model over a fake worker, with the import request it sent once it was sent. */
async function importing(count: number) {
  const { client, current, workers } = fakeClient();
  const library = new LibraryModel(client);
  const files = picked(count);
  const done = library.importFiles(files);
  await vi.waitFor(() => expect(current().requests.map((r) => r.type)).toEqual(['import']));
  return { library, files, done, worker: current(), workers, id: current().requests[0]!.id };
}

describe('LibraryModel import limits', () => {
  it('refuses an import of too many files with a clear message, and sends nothing', async () => {
    const { client, current } = fakeClient();
    const library = new LibraryModel(client);
    await library.importFiles(picked(IMPORT_LIMITS.files + 1));
    expect(current().requests).toEqual([]);
    expect(library.error).toContain(`一次最多导入 ${IMPORT_LIMITS.files} 个文件`);
    expect(library.error).toContain(`这次是 ${IMPORT_LIMITS.files + 1} 个`);
  });

  it('refuses an import over the size limit, and imports one within both limits', async () => {
    const { client, current } = fakeClient();
    const library = new LibraryModel(client);
    await library.importFiles(picked(2, IMPORT_LIMITS.bytes / 2 + 1));
    expect(current().requests).toEqual([]);
    expect(library.error).toContain('请分批导入');
    void library.importFiles(picked(3));
    await vi.waitFor(() => expect(current().requests.map((r) => r.type)).toEqual(['import']));
    expect(library.error).toBeNull();
  });
});

describe('LibraryModel when things go wrong', () => {
  it('names the file the worker died on, ends the job, and keeps the library usable', async () => {
    const { library, files, done, worker, workers, id } = await importing(3);
    const progress = { path: files[0]!.path, filesDone: 1, filesTotal: 3, bytesDone: 10, bytesTotal: 30, phase: 'index' as const, library: { files: 1, sections: 1 } };
    worker.reply({ id, type: 'progress', ...progress });
    expect(library.counts).toEqual({ files: 1, sections: 1 });
    worker.die('out of memory');
    await done;
    // Progress counts finished files: the worker was on the second one.
    expect(library.error).toBe(`导入中断：处理“${files[1]!.path}”时索引程序意外停止。已重新启动并重新载入文库，之前导入的文件都在。`);
    expect(library.job?.running).toBe(false);
    expect(workers).toHaveLength(2);
  });

  it('says how many files did not fit when storage is full, and lists those that did', async () => {
    const { library, files, done, worker } = await importing(3);
    const full: FileOutcome = { path: files[2]!.path, status: 'skipped', code: 'storage-full', message: 'the storage quota is used up' };
    const listed = [0, 1].map((i) => ({ id: i + 1, name: files[i]!.path, path: files[i]!.path, size: 10, encoding: 'utf-8' as const, sections: 1, addedAt: 0, title: files[i]!.path, folder: '' }));
    const outcomes = [indexed(files[0]!.path, 1), indexed(files[1]!.path, 2), full];
    worker.answer('import', { ...empty, files: listed, sections: 2, outcomes, cancelled: false, timings });
    await done;
    expect(library.error).toBe('存储空间已满：1 个文件未能保存，已保存的文档都在。删除不需要的文件、或在浏览器设置中为本站留出空间后，再导入一次即可。');
    expect(library.files.map((f) => f.path)).toEqual([files[0]!.path, files[1]!.path]);
    expect(library.job?.outcomes).toEqual(outcomes);
  });

  it('says the library could not be loaded, and is ready anyway', async () => {
    const { client, current } = fakeClient();
    const library = new LibraryModel(client);
    const loading = library.init();
    current().reply({ id: current().requests[0]!.id, type: 'error', code: 'internal', message: 'this library was written by a newer version' });
    await loading;
    expect(library.error).toBe('文库加载失败：this library was written by a newer version');
    expect(library.ready).toBe(true);
  });
});
