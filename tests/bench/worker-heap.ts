import type { Browser, CDPSession } from 'playwright-core';

/**
 * Used JS heap of the page's dedicated worker (where the index lives), after a full GC, with the
 * backing stores of its ArrayBuffers: the indexes keep their postings in typed arrays, which the
 * heap alone does not count.
 *
 * @remarks Page-level metrics only see the main thread's isolate. The browser-level CDP session
 * can attach to the worker target without flattening and talk to it through
 * `Target.sendMessageToTarget`, which playwright-core's CDPSession supports.
 */
export async function workerHeapBytes(browser: Browser): Promise<{ bytes: number | null }> {
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    // The index worker, not the parsing worker it starts (decision 45), which holds next to nothing.
    const worker = targetInfos.find((t) => t.type === 'worker' && t.url.includes('indexer'));
    if (!worker) throw new Error(`no index worker among ${targetInfos.map((t) => `${t.type} ${t.url}`).join(', ')}`);
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    let nextId = 1;
    const waiting = new Map<number, (msg: { result?: { usedSize?: number; backingStorageSize?: number }; error?: unknown }) => void>();
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      if (e.sessionId !== sessionId) return;
      const msg = JSON.parse(e.message) as { id?: number; result?: { usedSize?: number; backingStorageSize?: number }; error?: unknown };
      if (msg.id !== undefined) waiting.get(msg.id)?.(msg);
    });
    const call = (method: string) =>
      new Promise<{ result?: { usedSize?: number; backingStorageSize?: number }; error?: unknown }>((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) });
      });
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.getHeapUsage');
    if (usage.error || usage.result?.usedSize === undefined) throw new Error(JSON.stringify(usage.error));
    return { bytes: usage.result.usedSize + (usage.result.backingStorageSize ?? 0) };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
