/// <reference lib="webworker" />
/**
 * The parsing worker: reads one source at a time (decode, extract, clean, split) for the indexer
 * worker, which keeps answering searches meanwhile (see `ParseServer`). The reader terminates
 * this worker when a file takes too long; nothing here needs to cooperate.
 */
import { keyBuffers } from '../core/index/section-keys.ts';
import type { ParseReply, ParseRequest } from './reader.ts';
import { sha256Hex, textHash } from './content-hash.ts';
import { ParseServer } from './parse-server.ts';

declare const self: DedicatedWorkerGlobalScope;

// Hashed here with the digest the indexer's library uses (SHA-256 as hex: `webSha256` there), so
// that a duplicate is known from the hash alone.
// A file's keys are transferred, not copied.
const transfer = (reply: ParseReply) => (reply.type === 'outcome' && 'file' in reply.outcome && reply.outcome.file.keys ? keyBuffers(reply.outcome.file.keys) : []);
const server = new ParseServer((reply) => self.postMessage(reply, transfer(reply)), (texts) => textHash(sha256Hex, texts));
self.addEventListener('message', (event: MessageEvent<ParseRequest>) => server.handle(event.data));
