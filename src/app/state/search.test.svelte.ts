import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IndexerClient } from '../indexer-client.ts';
import { SEARCH_DEBOUNCE_MS, SearchState } from './search.svelte.ts';

/** A fake client whose search answers are released by the test, in any order. */
function fakeClient() {
  const calls: { query: string; wording?: boolean; resolve: (r: unknown) => void }[] = [];
  const client = {
    request: (_type: string, payload: { query: string; wording?: boolean }) =>
      new Promise((resolve) => calls.push({ query: payload.query, wording: payload.wording, resolve })),
  } as unknown as IndexerClient;
  const answer = (i: number, title: string) =>
    calls[i]!.resolve({ total: 1, ms: 1, hits: [{ sectionId: i, title }] });
  return { client, calls, answer };
}

describe('SearchState', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for a pause in typing before searching, then searches once', async () => {
    const { client, calls } = fakeClient();
    const s = new SearchState(client);
    s.setQuery('芯');
    s.setQuery('芯片');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS - 1);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.query)).toEqual(['芯片']);
  });

  it('drops an answer that arrives after a newer search started', async () => {
    const { client, calls, answer } = fakeClient();
    const s = new SearchState(client);
    s.query = '芯';
    const first = s.run();
    s.query = '芯片';
    const second = s.run();
    answer(1, 'new');
    await second;
    answer(0, 'old');
    await first;
    expect(calls).toHaveLength(2);
    expect(s.hits.map((h) => h.title)).toEqual(['new']);
    expect(s.answered).toBe('芯片');
  });

  it('clears results for an empty query without asking the worker', async () => {
    const { client, calls } = fakeClient();
    const s = new SearchState(client);
    s.query = '  ';
    await s.run();
    expect(calls).toHaveLength(0);
    expect([s.status, s.total]).toEqual(['idle', 0]);
  });

  it('asks for wording matches unless switched off, remembers the choice and searches again', async () => {
    const saved = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => saved.get(k) ?? null, setItem: (k: string, v: string) => void saved.set(k, v) });
    const { client, calls } = fakeClient();
    const s = new SearchState(client);
    s.query = '文件';
    void s.run();
    s.setWording(false);
    expect(calls.map((c) => c.wording)).toEqual([true, false]);
    expect(new SearchState(client).wording).toBe(false);
    s.setWording(true);
    expect(new SearchState(client).wording).toBe(true);
    vi.unstubAllGlobals();
  });
});
