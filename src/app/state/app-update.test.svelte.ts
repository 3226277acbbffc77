import { describe, expect, it, vi } from 'vitest';
import { AppUpdate } from './app-update.svelte.ts';

describe('AppUpdate', () => {
  it('waits for the person: a new version only reloads when they ask', async () => {
    const apply = vi.fn(async () => {});
    let callbacks!: { onNeedRefresh: () => void; onOfflineReady: () => void };
    const update = new AppUpdate();
    update.attach((options) => {
      callbacks = options;
      return apply;
    });
    expect(update.waiting).toBe(false);
    callbacks.onNeedRefresh();
    expect(update.waiting).toBe(true);
    expect(apply).not.toHaveBeenCalled();
    await update.reload();
    expect(apply).toHaveBeenCalledWith(true);
  });

  it('says once that the app works offline, until dismissed', () => {
    let callbacks!: { onNeedRefresh: () => void; onOfflineReady: () => void };
    const update = new AppUpdate();
    update.attach((options) => {
      callbacks = options;
      return async () => {};
    });
    callbacks.onOfflineReady();
    expect(update.offlineReady).toBe(true);
    update.dismiss();
    expect(update.offlineReady).toBe(false);
  });
});
