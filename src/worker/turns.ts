/**
 * Gives pending messages (searches) a turn between two files of an import. A message to itself,
 * not `setTimeout(0)`: timers nested five deep wait at least 4 ms, which a run of skipped files
 * (no storage write in between to reset the nesting) paid on every file.
 */
export const yieldToEvents = () =>
  new Promise<void>((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
