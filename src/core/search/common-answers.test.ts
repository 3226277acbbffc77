import { describe, expect, it } from 'vitest';
import { seeds } from '../../../tests/support/corpus.ts';
import { SearchEngine } from '../engine.ts';
import { ingest } from '../pipeline.ts';
import { CommonAnswers, commonThreshold, FIRST_PAGE, libraryVersion } from './common-answers.ts';
import { pageRequest, type PageRequest } from './ranked-page.ts';
import { parseQuery, soleTerm, type ParsedQuery } from '../query/parse-query.ts';
import type { RankedPage } from './results.ts';

/** The seeds, and each one again in another folder (copies to fold, a second folder to count). */
function library(engine = new SearchEngine()): SearchEngine {
  seeds().forEach(({ name, bytes }, k) => {
    engine.addFile(2 * k, `a/${name}`, ingest(bytes, name).sections);
    if (k % 2 === 0) engine.addFile(2 * k + 1, `b/${name}`, ingest(bytes, name).sections);
  });
  return engine;
}

/** Characters in at least this many sections of {@link library} get a page made ahead. */
const MIN = 8;
/** As the app asks for a first page. */
const APP_FIRST_PAGE = { limit: 20, offset: 0, wording: true, sort: 'relevance', filters: {} } as const;

/** Two states of a library, and their versions. */
const V1 = { changes: 1, maxId: 0, size: 0 };
const V2 = { changes: 2, maxId: 0, size: 0 };
const v1 = libraryVersion(V1);
const v2 = libraryVersion(V2);
/** The page held for a query as typed, for a request, in a library at `store`. */
const ask = (answers: CommonAnswers, query: string, request: PageRequest, store = V1) => answers.page(parseQuery(query), request, store);
const termOf = (parsed: ParsedQuery) => soleTerm(parsed)!;

const page = (n: number): RankedPage => ({ counts: { total: n, matches: n, wordingMatches: 0, pinyinMatches: 0 }, facets: { source: [{ value: 's', count: n }], year: [], folder: [] }, entries: [{ id: n, score: 1, match: 'literal', copies: [] }], terms: ['x'] });

describe('CommonAnswers', () => {
  it('gives back a page only for the first page of its one-character query, at the version it was made for', () => {
    const answers = new CommonAnswers();
    expect(answers.prepare(v1, () => ['山', '水'], (p) => page(termOf(p) === '山' ? 1 : 2), Infinity)).toBe(true);
    expect(ask(answers, '山', FIRST_PAGE)).toEqual(page(1));
    expect(ask(answers, ' 山 ', pageRequest(APP_FIRST_PAGE))).toEqual(page(1));
    expect(ask(answers, '水', FIRST_PAGE)).toEqual(page(2));
    for (const other of ['月', '山水', '山 水', '山 -水', 'title:山', '"山"x']) expect(ask(answers, other, FIRST_PAGE), other).toBeUndefined();
    for (const options of [{ offset: 20 }, { limit: 50 }, { wording: false }, { sort: 'date' as const }, { filters: { source: ['s'] } }, { fileId: 1 }]) {
      expect(ask(answers, '山', pageRequest(options)), JSON.stringify(options)).toBeUndefined();
    }
    expect(ask(answers, '山', pageRequest({ filters: { source: [] } }))).toEqual(page(1));
    expect(ask(answers, '山', FIRST_PAGE, V2)).toBeUndefined();
  });

  it('makes at most `most` pages a call, drops them all for a new version, and skips what is no query of its own', () => {
    const answers = new CommonAnswers();
    const ranked: string[] = [];
    const rank = (p: ParsedQuery) => (ranked.push(termOf(p)), page(1));
    expect(answers.prepare(v1, () => ['a', ' ', 'b', 'c'], rank, 2)).toBe(false);
    expect(answers.prepare(v1, () => [], rank, 2)).toBe(true);
    expect(ranked.sort()).toEqual(['a', 'b', 'c']);
    expect(answers.prepare(v2, () => ['d'], rank, 0)).toBe(false);
    expect(ask(answers, 'a', FIRST_PAGE, V2)).toBeUndefined();
  });

  it('hands out copies: a caller changing one leaves the page as made', () => {
    const answers = new CommonAnswers();
    answers.prepare(v1, () => ['山'], () => page(3), Infinity);
    const first = ask(answers, '山', FIRST_PAGE)!;
    first.entries[0]!.copies.push(9);
    first.facets.source[0]!.count = 0;
    first.counts.total = 0;
    expect(ask(answers, '山', FIRST_PAGE)).toEqual(page(3));
  });

  it('chooses the characters in a sixteenth of the sections, and never fewer than thousands', () => {
    expect(commonThreshold(204_084)).toBe(12_756);
    expect(commonThreshold(1_000)).toBe(4096);
    expect(commonThreshold(100, 1 / 2, 8)).toBe(50);
  });

  it('dates a library by what was added or removed', () => {
    expect(libraryVersion({ changes: 1, maxId: 10, size: 9 })).not.toBe(libraryVersion({ changes: 1, maxId: 11, size: 10 }));
    expect(libraryVersion({ changes: 1, maxId: 10, size: 9 })).not.toBe(libraryVersion({ changes: 2, maxId: 10, size: 8 }));
  });
});

describe('SearchEngine with the first pages of common characters made ahead', () => {
  const common = (engine: SearchEngine) => [...new Set(engine.search('的', { limit: 0 }).hits.flatMap((h) => [...engine.read(h.sectionId)!.section.text]))];

  it('answers every query exactly as without them, for the first page and any other request', () => {
    const plain = library();
    const ahead = library();
    // More than one character is common enough: a page a call leaves some to make.
    expect(ahead.prepareCommonAnswers(1, MIN)).toBe(false);
    expect(ahead.prepareCommonAnswers(Infinity, MIN)).toBe(true);
    const characters = common(plain).slice(0, 60);
    expect(characters.length).toBeGreaterThan(20);
    for (const q of [...characters, '芯片', '山', 'xinpian']) {
      expect(ahead.search(q, APP_FIRST_PAGE), q).toEqual(plain.search(q, APP_FIRST_PAGE));
      expect(ahead.search(q, { ...APP_FIRST_PAGE, offset: 20 }), q).toEqual(plain.search(q, { ...APP_FIRST_PAGE, offset: 20 }));
      expect(ahead.search(q, { ...APP_FIRST_PAGE, sort: 'date' }), q).toEqual(plain.search(q, { ...APP_FIRST_PAGE, sort: 'date' }));
    }
  });

  it('stops using them once a file is added or removed, until they are made again', () => {
    const plain = library();
    const ahead = library();
    ahead.prepareCommonAnswers(Infinity, MIN);
    const [extra] = seeds();
    for (const engine of [plain, ahead]) engine.addFile(1000, 'c/extra.txt', ingest(extra!.bytes, extra!.name).sections);
    expect(ahead.search('的', APP_FIRST_PAGE)).toEqual(plain.search('的', APP_FIRST_PAGE));
    for (const engine of [plain, ahead]) engine.removeFile(0);
    expect(ahead.search('的', APP_FIRST_PAGE)).toEqual(plain.search('的', APP_FIRST_PAGE));
    expect(ahead.prepareCommonAnswers(1, MIN)).toBe(false);
    expect(ahead.prepareCommonAnswers(Infinity, MIN)).toBe(true);
    for (const q of common(plain).slice(0, 30)) expect(ahead.search(q, APP_FIRST_PAGE), q).toEqual(plain.search(q, APP_FIRST_PAGE));
  });

  it('waits for a complete character index after a restore', async () => {
    const built = new SearchEngine();
    const stored = seeds().map(({ name, bytes }, k) => ({ k, name, sections: built.addFile(k, name, ingest(bytes, name).sections) }));
    const restored = new SearchEngine();
    restored.importIndex(await built.exportIndex());
    for (const f of stored) restored.restoreFile(f.k, f.name, f.sections, true);
    expect(restored.prepareCommonAnswers(Infinity, MIN)).toBe(false);
    restored.indexCharacters();
    expect(restored.prepareCommonAnswers(Infinity, MIN)).toBe(true);
  });
});
