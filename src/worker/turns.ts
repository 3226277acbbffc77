/**
 * Gives pending messages (searches) a turn between two files of an import. A message to itself,
 * not `setTimeout(0)`: timers nested five deep wait at least 4 ms, which a run of skipped files
 * (no storage write in between to reset the nesting) paid on every file.
 *
 * One channel for every turn, not one each: a channel is a pair of ports the browser sets up and
 * tears down, about 10 000 times in a 50 MB import (DESIGN.md, decision 87). Each message wakes
 * the oldest turn waiting.
 */
let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

/** Node's ports keep the process alive while referenced: only while a turn waits (the command line exits). */
type NodePort = MessagePort & { ref?: () => void; unref?: () => void };

export function yieldToEvents(): Promise<void> {
  channel ??= openChannel();
  const port = channel.port1 as NodePort;
  if (waiting.length === 0) port.ref?.();
  const turn = new Promise<void>((resolve) => waiting.push(resolve));
  channel.port2.postMessage(null);
  return turn;
}

function openChannel(): MessageChannel {
  const opened = new MessageChannel();
  opened.port1.onmessage = () => {
    waiting.shift()?.();
    if (waiting.length === 0) (opened.port1 as NodePort).unref?.();
  };
  return opened;
}
