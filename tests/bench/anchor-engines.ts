/**
 * The engines Souwen is measured against, behind one small interface. Each gets the same
 * sections' normalized text (opencc tw2sp + NFKC + lower case) and the same normalized
 * queries, so only the engine differs. Souwen is the same interface over `SearchEngine`.
 */
import { create, insertMultiple, load, save, search as oramaSearch, type AnyOrama } from '@orama/orama';
import { createTokenizer } from '@orama/tokenizers/mandarin';
import { Charset, Index } from 'flexsearch';
import MiniSearch from 'minisearch';
import { SearchEngine, type StoredSection } from '../../src/core/engine.ts';
import { prepareTables } from '../../src/core/prepare.ts';
import { parseQuery } from '../../src/core/query/parse-query.ts';
import type { Section } from '../../src/core/types.ts';
import type { IndexChunk } from '../../src/core/index/search-index.ts';

/** A file as the harness holds it: its sections as split, and their normalized text. */
export interface BenchFile {
  path: string;
  sections: Section[];
  norms: string[];
}

/** An engine under measurement. Ids are 1-based positions in the flattened list of sections. */
export interface AnchorEngine {
  build(files: readonly BenchFile[]): Promise<void>;
  /** Work the app does once requests pause after a build (Souwen: the commonest characters' first pages), timed apart. */
  idle?(): Promise<void>;
  /** Ids of the sections the engine returns for a normalized single-term query (all of them). */
  ids(query: string): Promise<number[]>;
  /** The query as a person runs it (Souwen: top 20 with snippets; others: all hits, which is all they offer). */
  timed(query: string): Promise<unknown>;
  /** Serialized index size in UTF-8 bytes (how IndexedDB keeps one-byte strings, near enough). */
  exportBytes(): Promise<number>;
  /** Loads the export into a fresh instance; returns nothing, the harness times it. */
  restore(): Promise<void>;
}

const words = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const segment = (text: string) => [...words.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
const ALL = 1_000_000;
const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

function flexsearch(context: boolean): AnchorEngine {
  const make = () => new Index({ encoder: Charset.CJK, ...(context ? { context: true } : {}) });
  let index = make();
  let chunks: [string, string][] = [];
  return {
    async build(files) {
      let id = 1;
      for (const f of files) for (const norm of f.norms) index.add(id++, norm);
    },
    async ids(q) {
      return index.search(q, { limit: ALL }) as number[];
    },
    async timed(q) {
      return index.search(q, { limit: ALL });
    },
    async exportBytes() {
      chunks = [];
      await index.export((key: string, data: string) => void chunks.push([key, data]));
      return chunks.reduce((n, [k, d]) => n + utf8(k) + utf8(d), 0);
    },
    async restore() {
      index = make();
      for (const [key, data] of chunks) index.import(key, data);
    },
  };
}

function minisearch(): AnchorEngine {
  const options = { fields: ['text'], tokenize: segment, processTerm: (t: string) => t };
  let ms = new MiniSearch(options);
  let json = '';
  return {
    async build(files) {
      let id = 1;
      for (const f of files) for (const text of f.norms) ms.add({ id: id++, text });
    },
    async ids(q) {
      return ms.search(q, { combineWith: 'AND', prefix: false, fuzzy: false }).map((r) => r.id as number);
    },
    async timed(q) {
      return ms.search(q, { combineWith: 'AND', prefix: false, fuzzy: false });
    },
    async exportBytes() {
      json = JSON.stringify(ms);
      return utf8(json);
    },
    async restore() {
      ms = MiniSearch.loadJSON(json, options);
    },
  };
}

function orama(): AnchorEngine {
  let db: AnyOrama;
  let saved = '';
  const make = async () => create({ schema: { text: 'string' } as const, components: { tokenizer: await createTokenizer() } });
  return {
    async build(files) {
      db = await make();
      let id = 1;
      const docs = files.flatMap((f) => f.norms.map((text) => ({ id: String(id++), text })));
      await insertMultiple(db, docs, 1000);
    },
    async ids(q) {
      const r = await oramaSearch(db, { term: q, properties: ['text'], limit: ALL, threshold: 0 });
      return r.hits.map((h) => Number(h.id));
    },
    async timed(q) {
      return oramaSearch(db, { term: q, properties: ['text'], limit: ALL, threshold: 0 });
    },
    async exportBytes() {
      saved = JSON.stringify(await save(db));
      return utf8(saved);
    },
    async restore() {
      const fresh = await make();
      await load(fresh, JSON.parse(saved));
      db = fresh;
    },
  };
}

function souwen(): AnchorEngine {
  let engine = new SearchEngine();
  let stored: { fileId: number; path: string; sections: StoredSection[] }[] = [];
  let chunks: IndexChunk[] = [];
  return {
    async build(files) {
      stored = files.map((f, fileId) => {
        const sections = engine.addFile(fileId, f.path, f.sections);
        return { fileId, path: f.path, sections };
      });
      // As the app holds it: the worker compacts the index before it saves a snapshot, and has
      // built its tables before any search (while storage reads), so no query pays for them.
      engine.compactIndex();
      prepareTables();
    },
    async idle() {
      engine.prepareCommonAnswers();
    },
    async ids(q) {
      return engine.matching(parseQuery(q));
    },
    async timed(q) {
      return engine.search(q, { limit: 20 });
    },
    async exportBytes() {
      chunks = await engine.exportIndex();
      return chunks.reduce((n, [k, d]) => n + utf8(k) + d.byteLength, 0);
    },
    async restore() {
      engine = new SearchEngine();
      engine.importIndex(chunks);
      for (const f of stored) engine.restoreFile(f.fileId, f.path, f.sections, true);
    },
  };
}

/**
 * No index: every query scans every section's folded text with `indexOf`. The floor an index has
 * to beat (the issue asks Souwen to be at least 10× faster at p95), and exact by construction.
 */
function bruteForce(): AnchorEngine {
  let norms: string[] = [];
  let saved = '';
  const scan = (q: string) => {
    const out: number[] = [];
    for (let i = 0; i < norms.length; i++) if (norms[i]!.indexOf(q) !== -1) out.push(i + 1);
    return out;
  };
  return {
    async build(files) {
      norms = files.flatMap((f) => f.norms);
    },
    async ids(q) {
      return scan(q);
    },
    async timed(q) {
      return scan(q);
    },
    async exportBytes() {
      saved = JSON.stringify(norms);
      return utf8(saved);
    },
    async restore() {
      norms = JSON.parse(saved) as string[];
    },
  };
}

export const ANCHORS = {
  souwen,
  'brute-force-indexOf': bruteForce,
  'flexsearch-cjk': () => flexsearch(false),
  'flexsearch-cjk-context': () => flexsearch(true),
  'minisearch-segmenter': minisearch,
  'orama-mandarin': orama,
} as const;

export type AnchorName = keyof typeof ANCHORS;
