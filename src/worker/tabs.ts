/// <reference lib="webworker" />
/**
 * Several tabs of Souwen share one IndexedDB library. Each tab's worker keeps its own copy in
 * memory; writes are made one tab at a time under a Web Lock, and the writer tells the others
 * over a BroadcastChannel, so they reload what changed. Without these APIs (old browsers, Node
 * tests) a tab simply works alone.
 */

/** How the handler coordinates its writes with other tabs. */
export interface TabCoordinator {
  /** Runs a write while no other tab writes. */
  exclusive<T>(write: () => Promise<T>): Promise<T>;
  /** Runs a write only if no other tab is writing now; otherwise skips it. */
  ifFree(write: () => Promise<void>): Promise<void>;
  /** Tells the other tabs that the library changed. */
  announce(): void;
  /** Calls `listener` when another tab changed the library. */
  onChange(listener: () => void): void;
}

const LOCK = 'souwen-library-write';
const CHANNEL = 'souwen-library';

/** A tab alone: writes run as they come, nobody is told. */
export const aloneCoordinator: TabCoordinator = {
  exclusive: (write) => write(),
  ifFree: (write) => write(),
  announce: () => {},
  onChange: () => {},
};

/** Coordinates through `navigator.locks` and a `BroadcastChannel`, when the browser has them. */
export function browserCoordinator(): TabCoordinator {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(CHANNEL) : undefined;
  return {
    exclusive: <T>(write: () => Promise<T>) => (locks ? (locks.request(LOCK, write) as Promise<T>) : write()),
    ifFree: async (write) => {
      if (!locks) return write();
      await locks.request(LOCK, { ifAvailable: true }, async (lock) => {
        if (lock) await write();
      });
    },
    announce: () => channel?.postMessage({ type: 'changed' }),
    onChange: (listener) => channel?.addEventListener('message', () => listener()),
  };
}
