import { describe, expect, it } from 'vitest';
import type { IndexerClient } from '../indexer-client.ts';
import { IMPORT_LIMITS, LibraryState } from './library.svelte.ts';

function fakeClient() {
  const requests: string[] = [];
  const client = {
    request: async (type: string) => {
      requests.push(type);
      return { files: [], sections: 0, storage: 'memory', outcomes: [], cancelled: false };
    },
  } as unknown as IndexerClient;
  return { client, requests };
}

/** Stands in for a File: only the size and bytes are read. */
const picked = (count: number, size = 10) =>
  Array.from({ length: count }, (_, i) => ({ path: `f${i}.txt`, file: { name: `f${i}.txt`, size, arrayBuffer: async () => new ArrayBuffer(size) } as unknown as File }));

describe('LibraryState import limits', () => {
  it('refuses an import of too many files with a clear message, and sends nothing', async () => {
    const { client, requests } = fakeClient();
    const library = new LibraryState(client);
    await library.importFiles(picked(IMPORT_LIMITS.files + 1));
    expect(requests).toEqual([]);
    expect(library.error).toContain(`一次最多导入 ${IMPORT_LIMITS.files} 个文件`);
    expect(library.error).toContain(`这次是 ${IMPORT_LIMITS.files + 1} 个`);
  });

  it('refuses an import over the size limit, and imports one within both limits', async () => {
    const { client, requests } = fakeClient();
    const library = new LibraryState(client);
    await library.importFiles(picked(2, IMPORT_LIMITS.bytes / 2 + 1));
    expect(requests).toEqual([]);
    expect(library.error).toContain('请分批导入');
    await library.importFiles(picked(3));
    expect(requests).toEqual(['import']);
    expect(library.error).toBeNull();
  });
});
