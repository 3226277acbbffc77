/**
 * The typed message protocol between the UI (main thread) and the indexer worker.
 * Every request carries an id; the worker answers with any number of `progress` messages and
 * then exactly one `result` or `error`. `cancel` stops the request it names.
 */
import type { FacetKind, Facets, FacetValue, Hit, MatchKind, ReadResult, SearchFilters, SearchResult } from '../core/engine.ts';
import type { PipelineErrorCode } from '../core/errors.ts';
import type { EncodingLabel } from '../core/types.ts';

export type { FacetKind, Facets, FacetValue, Hit, MatchKind, ReadResult, SearchFilters, SearchResult };

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
  /** The first section's title, or the file name when it has none. */
  title: string;
  /** The folder part of `path` ('' at the top level). */
  folder: string;
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

/** The library as the UI lists it: every answer that changes it carries this. */
export interface LibraryState {
  files: LibraryFile[];
  sections: number;
  storage: StorageMode;
}

/**
 * A file's original (decoded, before cleaning) for "show original": `start`/`end` are where the
 * asked-for article lies in `text` (exact when the original is its sections with gaps, else
 * located by its lines), `marks` the query's matches in `text` as [start, end) offsets, merged
 * as the reader marks them.
 */
export interface OriginalView {
  text: string;
  start: number;
  end: number;
  marks: [number, number][];
}

/** Requests and the result type each one resolves to. */
export interface RequestMap {
  init: { request: Record<string, never>; result: LibraryState & { restoreMs: number } };
  import: { request: { files: ImportFile[] }; result: LibraryState & { outcomes: FileOutcome[]; cancelled: boolean; timings: ImportTimings } };
  /**
   * `wording: false` leaves out other regions' wording (文件 → 檔案); it is on by default. `sort`,
   * `filters` (facet values) and `fileId` as in `SearchOptions`: with `fileId` and an empty query,
   * the file's sections in document order.
   */
  search: {
    request: { query: string; limit: number; offset: number; wording?: boolean; sort?: 'relevance' | 'date'; filters?: SearchFilters; fileId?: number };
    result: SearchResult & { ms: number };
  };
  read: { request: { sectionId: number; query: string; wording?: boolean }; result: ReadResult | null };
  /** A file's text as decoded, where section `sectionId` lies in it, and the query's marks in it. */
  original: { request: { fileId: number; sectionId: number; query: string; wording?: boolean }; result: OriginalView | null };
  /** Removes files; the last removal can be undone by `restore` until the worker reloads. */
  remove: { request: { fileIds: number[] }; result: LibraryState };
  /** Puts back files of the last removal, under their ids (a text imported again meanwhile is skipped). */
  restore: { request: { fileIds: number[] }; result: LibraryState };
  clear: { request: Record<string, never>; result: LibraryState };
  /** The library as it is now; asked for during an import, so that the list fills as files arrive. */
  list: { request: Record<string, never>; result: LibraryState };
  /** The whole library as one zip (core/backup.ts); importing it elsewhere restores the library. */
  backup: { request: Record<string, never>; result: Uint8Array };
}

export type RequestType = keyof RequestMap;

/** What request `K` resolves to. */
export type Result<K extends RequestType> = RequestMap[K]['result'];

/** Request `K` as sent: `{id, type, ...payload}`. */
export type RequestOf<K extends RequestType> = { id: number; type: K } & RequestMap[K]['request'];

/** Any request as sent; the type of each names its payload. */
export type Request = { [K in RequestType]: RequestOf<K> }[RequestType];

/**
 * Any request, as a generic sender (the client, a test harness) builds it: `RequestOf<K>` is one
 * for every `K`. The handler takes this; its map is still checked per request type.
 */
export type AnyRequest = RequestOf<RequestType> | CancelRequest;

/** Stops the request with id `target` (an import stops after the file in progress). */
export interface CancelRequest {
  id: number;
  type: 'cancel';
  target: number;
}

export type WorkerRequest = Request | CancelRequest;

/**
 * What an import is doing: reading a file (decode, extract, clean, split), indexing a big one,
 * writing a batch of files, or saving the index snapshot at the end.
 */
export type ImportPhase = 'read' | 'index' | 'store' | 'snapshot';

/** Progress of an import: files and bytes done so far, and what it is doing now. */
export interface Progress {
  phase: ImportPhase;
  path: string;
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  /** The library's size once this file is stored (a file is reported only then). */
  library: { files: number; sections: number };
}

/**
 * The answer to request `K`. It names the request type, so that {@link isResultOf} can check an
 * answer is the one awaited and give it its type from {@link RequestMap}, without a cast.
 */
export interface ResultReply<K extends RequestType = RequestType> {
  id: number;
  type: 'result';
  request: K;
  result: Result<K>;
}

/** Whether `reply` answers a request of type `type` (and so carries its result type). */
export function isResultOf<K extends RequestType>(reply: Reply, type: K): reply is ResultReply<K> {
  return reply.type === 'result' && reply.request === type;
}

/** Why a request failed: cancelled, or an error inside the worker. */
export interface ErrorReply {
  id: number;
  type: 'error';
  code: 'aborted' | 'internal';
  message: string;
}

export type Reply =
  | ({ id: number; type: 'progress' } & Progress)
  | ResultReply
  | ErrorReply
  /** Unasked: another tab changed the library and this one reloaded it (id 0). */
  | { id: 0; type: 'changed'; state: LibraryState };
