import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scaleCorpus } from '../../../tests/support/scale.ts';
import { CharIndex } from '../index/char-index.ts';
import { normalizeText } from '../normalize/normalize.ts';
import { ingest } from '../pipeline.ts';
import { pinyinMatchers } from '../query/pinyin.ts';
import { rankSections, rankSectionsByBounds, type RankRequest } from './ranker.ts';
import { SectionStore, type LibrarySection } from './section-store.ts';

/** A store of 1 MB of poems, one section per poem (about 4 000). */
function poems(): SectionStore {
  const store = new SectionStore();
  let id = 1;
  scaleCorpus(1).forEach((path, f) => {
    const sections = ingest(new Uint8Array(readFileSync(path)), path).sections.map(
      (s, index): LibrarySection => ({ id: id++, fileId: f + 1, index, title: s.title, date: s.date, text: s.text, norm: normalizeText(s.text) }),
    );
    store.addFile(f + 1, path, sections);
  });
  return store;
}

describe('ranking one term', () => {
  const store = poems();
  const ids = (test: (norm: string) => boolean) => [...store.sections()].filter((s) => test(s.norm)).map((s) => s.id);

  it.each(['〔', '。', '山', '月', '明月', '春风'])('ranks %s exactly as the bounds do, page by page', (term) => {
    const matching = ids((norm) => norm.includes(term));
    expect(matching.length).toBeGreaterThan(10);
    for (const wanted of [1, 20, 120, Infinity]) {
      const request: RankRequest = { terms: [term], stats: [{ df: matching.length }], widened: null, match: 'literal', wanted };
      expect(rankSections(store, matching, request)).toEqual(rankSectionsByBounds(store, matching, request));
    }
  });

  it('ranks a pinyin reading exactly as the bounds do', () => {
    const readings = pinyinMatchers(['shan'])!;
    const matching = ids((norm) => readings.get('shan')!.test(norm));
    const request: RankRequest = { terms: ['shan'], stats: [{ df: matching.length }], widened: readings, match: 'pinyin', wanted: 120 };
    expect(matching.length).toBeGreaterThan(10);
    expect(rankSections(store, matching, request)).toEqual(rankSectionsByBounds(store, matching, request));
  });

  it.each([['。'], ['山'], ['〔'], ['山', '月'], ['明月', '山']])('ranks %s from the character index as from the text', (...terms) => {
    const chars = new CharIndex();
    for (const s of store.sections()) chars.add({ id: s.id, norm: s.norm, normTitle: store.normTitle(s) });
    const matching = ids((norm) => terms.every((t) => norm.includes(t)));
    expect(matching.length).toBeGreaterThan(10);
    const stats = terms.map((t) => ({ df: ids((norm) => norm.includes(t)).length }));
    const indexed = terms.map((t) => (t.length === 1 ? chars.termCounts(t.charCodeAt(0)) : undefined));
    for (const wanted of [1, 20, 120, Infinity]) {
      const request: RankRequest = { terms, stats, widened: null, match: 'literal', wanted };
      const fromText = rankSections(store, matching, request);
      expect(rankSections(store, matching, { ...request, indexed })).toEqual(fromText);
      expect(rankSectionsByBounds(store, matching, { ...request, indexed })).toEqual(fromText);
    }
  });

  it.each(['my', 'hs', 'ai'])('ranks the pinyin hits of %s from the character index as from the text', (term) => {
    const chars = new CharIndex();
    for (const s of store.sections()) chars.add({ id: s.id, norm: s.norm, normTitle: store.normTitle(s) });
    const readings = pinyinMatchers([term])!;
    const m = readings.get(term)!;
    const known = chars.readingCounts(m.units.map((units, k) => ({ units, classes: m.classes[k]! })))!;
    // The pinyin group: sections the reading finds that do not hold the term literally.
    const matching = ids((norm) => m.test(norm) && !norm.includes(term));
    expect(matching.length).toBeGreaterThan(10);
    for (const wanted of [1, 20, 120, Infinity]) {
      const request: RankRequest = { terms: [term], stats: [{ df: matching.length }], widened: readings, match: 'pinyin', wanted };
      expect(rankSections(store, matching, { ...request, indexed: [known] })).toEqual(rankSections(store, matching, request));
    }
  });
});
