/**
 * Two tabs on one stored library, as the browser runs them: each with its own worker state,
 * writes taken in turn under one lock, changes announced to the other tab.
 */
import { describe, expect, it } from 'vitest';
import { seeds } from '../../tests/support/corpus.ts';
import { handlerHarness } from '../../tests/support/handler.ts';
import { MemoryLibraryStore } from '../storage/memory-store.ts';
import type { TabCoordinator } from './tabs.ts';

/** A lock and a channel shared by the tabs of one test, like navigator.locks and BroadcastChannel. */
function bus() {
  let lock: Promise<unknown> = Promise.resolve();
  let held = 0;
  const listeners = new Set<() => void>();
  return (): TabCoordinator => {
    let mine: (() => void) | undefined;
    return {
      exclusive: <T>(write: () => Promise<T>) => {
        const hold = async () => {
          held++;
          try {
            return await write();
          } finally {
            held--;
          }
        };
        const run = lock.then(hold, hold);
        lock = run.catch(() => undefined);
        return run;
      },
      ifFree: async (write) => {
        if (held === 0) await write();
      },
      announce: () => {
        for (const l of listeners) if (l !== mine) setTimeout(l, 0);
      },
      onChange: (listener) => {
        mine = listener;
        listeners.add(listener);
      },
    };
  };
}

/** A tab: its own library and handler over the shared store, with the tabs' coordinator. */
function tab(store: MemoryLibraryStore, coordinator: TabCoordinator) {
  const { library, replies, result } = handlerHarness(store, { tabs: coordinator });
  const changes = () => replies.flatMap((r) => (r.type === 'changed' ? [r] : []));
  return { library, request: result, changes };
}

const file = (name: string, text: string) => ({ name, path: name, bytes: new TextEncoder().encode(text).buffer as ArrayBuffer });
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('two tabs on one library', () => {
  it('each sees the other’s imports and removals, and ids never collide', async () => {
    const store = new MemoryLibraryStore();
    const join = bus();
    const a = tab(store, join());
    const b = tab(store, join());
    await a.request('init', {});
    await b.request('init', {});

    await a.request('import', { files: seeds().map((s) => ({ name: s.name, path: s.name, bytes: s.bytes.slice().buffer })) });
    await settle();
    expect(b.changes().pop()?.state.files).toHaveLength(5);
    expect((await b.library.search('芯片企业', {})).hits[0]?.title).toBe('2022中國AI芯片企業50強');

    await b.request('import', { files: [file('tab-b.txt', '第二个标签页导入的文档：量子计算')] });
    await settle();
    expect(a.changes().pop()?.state.files).toHaveLength(6);
    expect((await a.library.search('量子计算', {})).hits.map((h) => h.fileName)).toEqual(['tab-b.txt']);
    const ids = a.library.state().files.map((f) => f.id);
    expect(new Set(ids).size).toBe(6);

    const removed = a.library.state().files.find((f) => f.name === 'tab-b.txt')!.id;
    await a.request('remove', { fileIds: [removed] });
    await settle();
    expect(b.library.state().files).toHaveLength(5);
    expect(b.library.engine.search('量子计算').total).toBe(0);
  });

  it('a write catches up first even if the news never arrived', async () => {
    const store = new MemoryLibraryStore();
    const silent: TabCoordinator = { exclusive: (w) => w(), ifFree: (w) => w(), announce: () => {}, onChange: () => {} };
    const a = tab(store, silent);
    const b = tab(store, silent);
    await a.request('init', {});
    await b.request('init', {});
    await a.request('import', { files: [file('a.txt', '甲标签页的文档')] });
    await b.request('import', { files: [file('b.txt', '乙标签页的文档')] });
    const files = b.library.state().files;
    expect(files.map((f) => f.name).sort()).toEqual(['a.txt', 'b.txt']);
    expect(new Set(files.map((f) => f.id)).size).toBe(2);
    const reopened = tab(store, silent);
    await reopened.request('init', {});
    expect(reopened.library.state().files.map((f) => f.name).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('a tab opens at once while another one is writing', async () => {
    const store = new MemoryLibraryStore();
    const join = bus();
    const writer = join();
    let release!: () => void;
    const writing = writer.exclusive(() => new Promise<void>((r) => (release = r)));
    const b = tab(store, join());
    const opened = await Promise.race([b.request('init', {}).then(() => 'opened'), new Promise((r) => setTimeout(() => r('waited'), 200))]);
    expect(opened).toBe('opened');
    release();
    await writing;
  });
});
