import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../engine.ts';
import { pinyinMatchers } from '../query/pinyin.ts';

/** Capital Latin terms are acronyms: matched literally, never read as pinyin. */
describe('acronyms are not pinyin', () => {
  const engine = new SearchEngine();
  engine.addFile(1, 'a.txt', [
    { title: '愛', text: '愛的故事', start: 0 },
    { title: 'AI', text: 'AI 芯片', start: 0 },
    { title: '芯片', text: '国产芯片', start: 0 },
  ]);
  const found = (q: string) => engine.search(q, { limit: 0 }).hits.map((h) => `${h.title}:${h.match}`);

  it('AI gives no pinyin hits on a section holding 愛, while ai does', () => {
    expect(found('AI')).toEqual(['AI:literal']);
    expect(found('ai')).toEqual(['AI:literal', '愛:pinyin']);
    expect(engine.search('AI').pinyinMatches).toBe(0);
  });

  it('keeps pinyin for mixed case and for the other terms of a query', () => {
    expect(found('Xinpian')).toEqual(['芯片:pinyin', 'AI:pinyin']);
    // AI literally, xinpian as pinyin: the section with both.
    expect(found('AI xinpian')).toEqual(['AI:pinyin']);
  });

  it('marks no pinyin reading of an acronym in the reader', () => {
    const love = engine.search('ai', { limit: 0 }).hits.find((h) => h.title === '愛')!;
    expect(engine.read(love.sectionId, 'ai')!.marks).not.toEqual([]);
    expect(engine.read(love.sectionId, 'AI')!.marks).toEqual([]);
  });

  it('pinyinMatchers leaves out the terms given as acronyms', () => {
    expect(pinyinMatchers(['ai'], ['ai'])).toBeNull();
    expect([...pinyinMatchers(['ai', 'xinpian'], ['ai'])!.keys()]).toEqual(['xinpian']);
  });
});
