/**
 * The typed message protocol between the UI (main thread) and the indexer worker.
 * Every request carries an id; the worker answers with any number of `progress` messages and
 * then exactly one `result` or `error`. `cancel` stops the request it names.
 */
import type { Hit, MatchKind, ReadResult, SearchResult } from '../core/engine.ts';
import type { PipelineErrorCode } from '../core/errors.ts';
import type { EncodingLabel } from '../core/types.ts';

export const PROTOCOL_VERSION = 1;
export type { Hit, MatchKind, ReadResult, SearchResult };

/** A file handed to the worker; `bytes` is transferred, not copied. */
export interface ImportFile {
  name: string;
  /** Relative path inside a dropped folder, or the name. */
  path: string;
  bytes: ArrayBuffer;
}

/** A file of the library as the UI lists it. */
export interface LibraryFile {
  id: number;
  name: string;
  path: string;
  size: number;
  encoding: EncodingLabel;
  sections: number;
  addedAt: number;
}

/** What happened to one file of an import. */
export type FileOutcome =
  | { path: string; status: 'indexed'; fileId: number; sections: number; encoding: EncodingLabel }
  | { path: string; status: 'skipped'; code: PipelineErrorCode; message: string; detail?: string };

/**
 * Where an import's time went, in ms: reading (decode, extract, clean, split), indexing
 * (normalize, tokenize, queue), hashing for duplicates, storing each file, and the index snapshot
 * (compact, export, save). For the benchmark and for finding what makes an import slow.
 */
export interface ImportTimings {
  read: number;
  index: number;
  hash: number;
  store: number;
  snapshot: number;
}

/** Where the library lives: IndexedDB, or memory only when IndexedDB is unavailable. */
export type StorageMode = 'indexeddb' | 'memory';

export interface LibraryState {
  files: LibraryFile[];
  sections: number;
  storage: StorageMode;
}

/** Requests and the result type each one resolves to. */
export interface RequestMap {
  init: { request: Record<string, never>; result: LibraryState & { restoreMs: number } };
  import: { request: { files: ImportFile[] }; result: LibraryState & { outcomes: FileOutcome[]; cancelled: boolean; timings: ImportTimings } };
  /** `wording: false` leaves out other regions' wording (文件 → 檔案); it is on by default. */
  search: { request: { query: string; limit: number; offset: number; wording?: boolean }; result: SearchResult & { ms: number } };
  read: { request: { sectionId: number; query: string; wording?: boolean }; result: ReadResult | null };
  original: { request: { fileId: number }; result: string | null };
  remove: { request: { fileId: number }; result: LibraryState };
  clear: { request: Record<string, never>; result: LibraryState };
  stats: { request: Record<string, never>; result: { files: number; sections: number; chars: number } };
  /** The whole library as one zip (core/backup.ts); importing it elsewhere restores the library. */
  backup: { request: Record<string, never>; result: Uint8Array };
}

export type RequestType = keyof RequestMap;

/** A request as sent: `{id, type, ...payload}`. */
export type Request = { [K in RequestType]: { id: number; type: K } & RequestMap[K]['request'] }[RequestType];

/** Stops the request with id `target` (an import stops after the file in progress). */
export interface CancelRequest {
  id: number;
  type: 'cancel';
  target: number;
}

export type WorkerRequest = Request | CancelRequest;

/** Progress of an import: files and bytes done so far. */
export interface Progress {
  path: string;
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  /** The library's size once this file is stored (a file is reported only then). */
  library: { files: number; sections: number };
}

export type Reply =
  | ({ id: number; type: 'progress' } & Progress)
  | { id: number; type: 'result'; result: unknown }
  | { id: number; type: 'error'; code: 'aborted' | 'internal' | 'bad-request'; message: string }
  /** Unasked: another tab changed the library and this one reloaded it (id 0). */
  | { id: 0; type: 'changed'; state: LibraryState };
