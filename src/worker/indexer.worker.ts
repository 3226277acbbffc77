/// <reference lib="webworker" />
/**
 * Worker entry: opens storage, then routes each message to the handler. Nothing else lives here.
 */
import type { WorkerRequest } from '../shared/protocol.ts';
import { IdbLibraryStore } from '../storage/idb-store.ts';
import { MemoryLibraryStore } from '../storage/memory-store.ts';
import { createHandler } from './handle.ts';
import { Library } from './library.ts';
import { inProcessReader, WorkerReader, type SourceReader } from './reader.ts';
import { sha256 } from './sha256.ts';
import { browserCoordinator } from './tabs.ts';

declare const self: DedicatedWorkerGlobalScope;

/**
 * Files are read in a parsing worker of their own, so searches are answered during any import and
 * a file that reads too long can be stopped. Where a worker cannot start
 * one (nested workers missing), files are read here, as before.
 */
function sourceReader(): SourceReader {
  if (typeof Worker === 'undefined') return inProcessReader;
  return new WorkerReader(() => new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module', name: 'souwen-parser' }));
}

const ready = (async () => {
  const store = (await IdbLibraryStore.open()) ?? new MemoryLibraryStore();
  return createHandler(new Library(store, sha256, sourceReader()), (reply) => self.postMessage(reply), browserCoordinator());
})();

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  void ready.then((handle) => handle(event.data));
});
