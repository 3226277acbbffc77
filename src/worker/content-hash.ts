import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * How files are compared for duplicates: by a SHA-256 of their sections' text, line ends made
 * alike (the same text in GBK and in UTF-8, or with other line ends, is the same document).
 */

/** Computes a content hash (hex); injected so Node tests and the workers use their own crypto. */
export type HashFn = (bytes: Uint8Array) => Promise<string>;

/** The text a file's sections are compared by for duplicates: their text, line ends made alike. */
export function contentBytes(texts: readonly string[]): Uint8Array {
  return new TextEncoder().encode(texts.map((t) => t.replace(/\r\n?/g, '\n')).join('\u0000'));
}

/** The hash a file's sections are compared by (see {@link contentBytes}). */
export function textHash<T>(hash: (bytes: Uint8Array) => T, texts: readonly string[]): T {
  return hash(contentBytes(texts));
}

/**
 * SHA-256 as hex, computed in this thread (@noble/hashes): the parsing worker hashes each file's
 * text as it reads it, and Web Crypto's answer came a task later, which at 50 MB of small files
 * added about 1.4 s of waiting to an import (DESIGN.md, decision 81). The same digest as {@link webSha256}.
 */
export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/** SHA-256 by the platform's Web Crypto, as hex: what the indexer worker hashes with in a browser. */
export async function webSha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
