/**
 * The content hash the worker computes with `crypto.subtle`, computed with Node's crypto for
 * tests that build a Library in Node.
 */
import { createHash } from 'node:crypto';

/** SHA-256 of `bytes`, as lower-case hex (the worker's `HashFn`). */
export const sha256 = async (bytes: Uint8Array): Promise<string> => createHash('sha256').update(bytes).digest('hex');
