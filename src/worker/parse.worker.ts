/// <reference lib="webworker" />
/**
 * The parsing worker: reads one source at a time (decode, extract, clean, split, fold, hash) for the indexer
 * worker, which keeps answering searches meanwhile (see `ParseServer`). The reader terminates
 * this worker when a file takes too long; nothing here needs to cooperate.
 */
import type { ParseRequest } from './reader.ts';
import { ParseServer } from './parse-server.ts';
import { sha256 } from './sha256.ts';

declare const self: DedicatedWorkerGlobalScope;

const server = new ParseServer((reply) => self.postMessage(reply), sha256);
self.addEventListener('message', (event: MessageEvent<ParseRequest>) => server.handle(event.data));
