import { describe, expect, it } from 'vitest';
import { IndexerError } from './indexer-client.ts';
import { fakeClient } from './testing/fake-worker.ts';

const state = { files: [], sections: 0, storage: 'memory' as const };

describe('IndexerClient', () => {
  it('resolves each request with its own answer, and hands progress to its callback', async () => {
    const { client, current } = fakeClient();
    const progress: number[] = [];
    const cleared = client.request('clear', {});
    const imported = client.request('import', { files: [] }, { onProgress: (p) => progress.push(p.filesDone) });
    const [clear, imp] = current().requests;
    const library = { files: 1, sections: 1 };
    current().reply({ id: imp!.id, type: 'progress', path: 'a.txt', filesDone: 1, filesTotal: 1, bytesDone: 1, bytesTotal: 1, library });
    current().reply({ id: imp!.id, type: 'result', request: 'import', result: { ...state, outcomes: [], cancelled: false, timings: { read: 0, index: 0, hash: 0, store: 0, snapshot: 0 } } });
    current().reply({ id: clear!.id, type: 'result', request: 'clear', result: state });
    expect((await imported).cancelled).toBe(false);
    expect(await cleared).toEqual(state);
    expect(progress).toEqual([1]);
  });

  it('when the worker dies, rejects every pending request, starts a new worker and says so', async () => {
    const { client, workers, current } = fakeClient();
    let restarts = 0;
    client.onRestart = () => restarts++;
    const pending = [client.request('init', {}), client.request('search', { query: '芯片', limit: 20, offset: 0 })];
    const first = current();
    first.die('out of memory');
    for (const p of pending) await expect(p).rejects.toThrow(new IndexerError('crashed', 'out of memory'));
    await expect(pending[1]).rejects.toMatchObject({ code: 'crashed' });
    expect(first.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(restarts).toBe(1);
    // What comes next goes to the new worker, and it answers.
    const again = client.request('original', { fileId: 1 });
    expect(current().requests.map((r) => r.type)).toEqual(['original']);
    current().answer('original', '原文');
    expect(await again).toBe('原文');
  });

  it('rejects with the worker’s error code, and refuses an answer of another request type', async () => {
    const { client, current } = fakeClient();
    const removed = client.request('remove', { fileId: 1 });
    current().reply({ id: current().requests[0]!.id, type: 'error', code: 'internal', message: 'disk on fire' });
    await expect(removed).rejects.toMatchObject({ code: 'internal', message: 'disk on fire' });
    const original = client.request('original', { fileId: 1 });
    current().reply({ id: current().requests[1]!.id, type: 'result', request: 'clear', result: state });
    await expect(original).rejects.toMatchObject({ code: 'internal' });
  });

  it('passes on changes made by another tab', () => {
    const { client, current } = fakeClient();
    const seen: number[] = [];
    client.onChanged = (s) => seen.push(s.files.length);
    current().reply({ id: 0, type: 'changed', state });
    expect(seen).toEqual([0]);
  });
});
