import { describe, expect, it } from 'vitest';
import { countOccurrences, estimateCount } from '../rank/occurrences.ts';
import { TF_CAP, TF_WINDOW } from '../rank/rank.ts';
import { seeds } from '../../../tests/support/corpus.ts';
import { seededRandom } from '../../../tests/support/random.ts';
import { SearchEngine } from '../engine.ts';
import { ingest } from '../pipeline.ts';
import { parseQuery } from '../query/parse-query.ts';
import { pinyinMatchers } from '../query/pinyin.ts';
import { QueryMatcher, readsCharacters } from './matcher.ts';
import { fromStored } from './records.ts';
import { SectionIndex } from './section-index.ts';
import { SectionStore, type LibrarySection } from './section-store.ts';

/** The seeds in a store and its indexes, as the engine keeps them. */
function seedParts(): { store: SectionStore; index: SectionIndex; sections: LibrarySection[] } {
  const store = new SectionStore();
  const index = new SectionIndex();
  const sections: LibrarySection[] = [];
  const builder = new SearchEngine();
  seeds().forEach(({ name, bytes }, fileId) => {
    const added = builder.addFile(fileId, name, ingest(bytes, name).sections).map(fromStored);
    store.addFile(fileId, name, added);
    for (const s of added) index.add({ id: s.id, norm: s.norm, normTitle: store.normTitle(s) });
    sections.push(...added);
  });
  return { store, index, sections };
}

describe('QueryMatcher.documentFrequency', () => {
  it('counts exactly the sections holding a term, from the candidates the match looked up', () => {
    const { store, index, sections } = seedParts();
    const rand = seededRandom(5);
    for (let k = 0; k < 200; k++) {
      const text = sections[Math.floor(rand() * sections.length)]!.norm;
      const at = Math.floor(rand() * text.length);
      const term = text.slice(at, at + 1 + Math.floor(rand() * 4)).trim();
      if (!term || /\s/.test(term)) continue;
      const matcher = new QueryMatcher(store, index);
      // Looked up for a two-term match first, as a ranked query does, then counted alone.
      matcher.matching(parseQuery(`${term} 的`));
      const df = matcher.documentFrequency(term);
      expect(df, term).toBe(sections.filter((s) => s.norm.includes(term)).length);
    }
  });
});

describe('QueryMatcher.known', () => {
  it('counts a one-term query’s term in each match as the ranker would read it, and its titles', () => {
    const { store, index, sections } = seedParts();
    const rand = seededRandom(11);
    let checked = 0;
    for (let k = 0; k < 300; k++) {
      const text = sections[Math.floor(rand() * sections.length)]!.norm;
      const at = Math.floor(rand() * text.length);
      const term = text.slice(at, at + 2 + Math.floor(rand() * 3)).trim();
      if (term.length < 2 || /\s/.test(term)) continue;
      const matcher = new QueryMatcher(store, index);
      const ids = matcher.matching(parseQuery(term));
      const known = matcher.known(term)!;
      for (const id of ids) {
        const s = store.get(id)!;
        expect(known.counts[id], term).toBe(estimateCount(s.norm, TF_CAP, TF_WINDOW, (part) => countOccurrences(part, term, TF_CAP)));
        expect(known.inTitle[id] === 1, term).toBe(store.normTitle(s).includes(term));
        checked++;
      }
    }
    // Long sections (counted in their first 1 024 characters, scaled) are among them.
    expect(checked).toBeGreaterThan(300);
    expect(sections.some((s) => s.norm.length > 4 * TF_WINDOW)).toBe(true);
  });
});

describe('QueryMatcher.widenedKnown', () => {
  it.each(['xinpian', 'gongsi', 'zhongguo', 'jishu'])('counts the pinyin matches of %s as the ranker would read them, and their titles', (term) => {
    const { store, index, sections } = seedParts();
    const matcher = new QueryMatcher(store, index);
    const q = parseQuery(term);
    const readings = pinyinMatchers([term])!;
    const m = readings.get(term)!;
    const literal = new Set(matcher.matching(q));
    const ids = matcher.widened(q, readings, literal, { more: (t) => index.readingCandidates(readings.get(t)!.units.map((units, k) => ({ units, classes: readings.get(t)!.classes[k]! }))) });
    expect(ids.sort((a, b) => a - b)).toEqual(sections.filter((s) => !literal.has(s.id) && m.test(s.norm)).map((s) => s.id));
    expect(ids.length).toBeGreaterThan(0);
    const known = matcher.widenedKnown(term)!;
    for (const id of ids) {
      const s = store.get(id)!;
      expect(known.counts[id]).toBe(estimateCount(s.norm, TF_CAP, TF_WINDOW, (part) => m.count(part)));
      expect(known.inTitle[id] === 1).toBe(m.test(store.normTitle(s)));
    }
  });
});

describe('QueryMatcher.known, many matches', () => {
  it('marks the titles holding the term among thousands of matches, through the title index', () => {
    const store = new SectionStore();
    const index = new SectionIndex();
    const sections: LibrarySection[] = Array.from({ length: 6000 }, (_, i) => ({
      id: i,
      fileId: 1,
      index: i,
      title: i % 7 === 0 ? '芯片简报' : i % 5 === 0 ? '片芯' : '新闻',
      text: '芯片',
      norm: i % 3 === 0 ? '芯片企业' : '企业芯片芯片',
      normTitle: i % 7 === 0 ? '芯片简报' : i % 5 === 0 ? '片芯' : '新闻',
    }));
    store.addFile(1, 'a.txt', sections);
    for (const s of sections) index.add({ id: s.id, norm: s.norm, normTitle: s.normTitle! });
    const matcher = new QueryMatcher(store, index);
    const ids = matcher.matching(parseQuery('芯片'));
    expect(ids).toHaveLength(6000);
    const known = matcher.known('芯片')!;
    for (const s of sections) {
      expect(known.inTitle[s.id]).toBe(s.normTitle === '芯片简报' ? 1 : 0);
      expect(known.counts[s.id]).toBe(s.id % 3 === 0 ? 1 : 2);
    }
  });
});

describe('QueryMatcher.widenedKnown, many matches', () => {
  it('marks the titles holding a pinyin reading or the term among thousands of matches, reading only the titles that may', () => {
    const store = new SectionStore();
    const index = new SectionIndex();
    const titles = ['芯片简报', '片芯', '新闻', 'xinpian 周刊', '新篇章', '心'];
    const sections: LibrarySection[] = Array.from({ length: 6000 }, (_, i) => ({
      id: i,
      fileId: 1,
      index: i,
      title: titles[i % titles.length]!,
      text: '',
      norm: i % 4 === 0 ? '企业' : i % 3 === 0 ? '新篇' : '企业芯片芯片',
      normTitle: titles[i % titles.length]!,
    }));
    store.addFile(1, 'a.txt', sections);
    for (const s of sections) index.add({ id: s.id, norm: s.norm, normTitle: s.normTitle! });
    const matcher = new QueryMatcher(store, index);
    const term = 'xinpian';
    const q = parseQuery(term);
    const readings = pinyinMatchers([term])!;
    const m = readings.get(term)!;
    const readingsOf = () => m.units.map((units, k) => ({ units, classes: m.classes[k]! }));
    let narrowed: readonly number[] | null = null;
    const ids = matcher.widened(q, readings, new Set(), {
      more: () => index.readingCandidates(readingsOf()),
      titles: (t) => (narrowed = index.readingTitleCandidates(t, readingsOf())),
    });
    expect(ids.sort((a, b) => a - b)).toEqual(sections.filter((s) => m.test(s.norm)).map((s) => s.id));
    // 新闻 and 心 cannot hold 芯片, 新篇 or xinpian: their titles are not read.
    expect(narrowed).not.toBeNull();
    expect(narrowed!.length).toBeLessThan(sections.length * 0.7);
    const known = matcher.widenedKnown(term)!;
    for (const id of ids) {
      const title = sections[id]!.normTitle!;
      expect(known.inTitle[id], title).toBe(m.test(title) || title.includes(term) ? 1 : 0);
    }
  });
});

describe('readsCharacters', () => {
  it.each([
    ['的', true], // one character: the character index
    ['"明 月"', true], // a phrase whose longest part is one character
    ['title:芯片 企业', true], // titles are narrowed by their characters
    ['ai', true], // read as pinyin too
    ['软件', true], // another region's wording (軟體)
    ['transformer', false], // Latin pairs only, and not pinyin
    ['芯片', true], // 晶片 in Taiwan
    ['明月', false], // Han pairs, no other wording
    ['春风 明月', false],
    ['骁龙8Gen2', false],
    ['RISC-V -芯', false], // an excluded term is checked in the text
  ])('%s → %s', (query, reads) => {
    expect(readsCharacters(parseQuery(query), true)).toBe(reads);
  });

  it('leaves other wordings out when they are not asked for', () => {
    expect(readsCharacters(parseQuery('软件'), false)).toBe(false);
  });
});
