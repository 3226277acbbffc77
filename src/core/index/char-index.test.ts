import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finish } from '../slices.ts';
import { pinyinMatcher } from '../query/pinyin.ts';
import { CharIndex } from './char-index.ts';
import { readCharacters, readReadings } from './char-index-io.ts';

/** `readCharacters` run to its end, its result imported into `index`. */
/** Chunks as an index saves itself before its pinyin tables are written: their counts 0, their chunks absent. */
function withoutReadings(chunks: readonly [string, Uint8Array][]): [string, Uint8Array][] {
  const head = new Int32Array(chunks[0]![1].slice().buffer);
  head.fill(0, 3, 6);
  const tables = ['chars/text/', 'chars/titles/'];
  return [[chunks[0]![0], new Uint8Array(head.buffer)], ...chunks.slice(1).filter(([name]) => tables.some((t) => name.startsWith(t)))];
}

const drain = finish;

/** Imports saved chunks as a load takes them: the index, then its pinyin tables when saved. */
function importInto(index: CharIndex, ...args: Parameters<typeof readCharacters>): void {
  index.import(drain(readCharacters(...args)));
  const readings = drain(readReadings(args[0], index.slotCount));
  if (readings) expect(index.takeReadings(readings, index.slotCount)).toBe(true);
}

/**
 * What ranking counts of a character in a text, written out from its definition (occurrences in
 * the first 1 024 characters, scaled to the whole length, rounded, between 1 and 16) rather than
 * through `estimateCount`, whose reading of the text the index replaces.
 */
function expectedCount(text: string, char: string | ((part: string) => number)): number {
  const head = text.slice(0, 1024);
  const window = typeof char === 'string' ? [...head].filter((c) => c === char).length : char(head);
  if (text.length <= 1024) return Math.min(16, Math.max(1, window));
  if (window >= 16) return 16;
  return Math.min(16, Math.max(1, Math.round((window * text.length) / 1024)));
}

/** Sections over a small alphabet, so that characters are shared by many of them. */
const sectionTexts = fc.array(fc.string({ unit: fc.constantFrom(...'芯片晶体管的了一是AB, '), maxLength: 30 }), { minLength: 1, maxLength: 300 });

function expected(texts: ReadonlyMap<number, string>, char: string): number[] {
  return [...texts].filter(([, t]) => t.includes(char)).map(([id]) => id).sort((a, b) => a - b);
}

describe('CharIndex', () => {
  it('answers exactly which sections hold a character, through adds, removals, trims and rebuilds', () => {
    fc.assert(
      fc.property(sectionTexts, fc.array(fc.nat(), { maxLength: 100 }), (texts, removals) => {
        const index = new CharIndex();
        const live = new Map<number, string>();
        texts.forEach((t, i) => {
          index.add({ id: i + 10, norm: t, normTitle: '' });
          live.set(i + 10, t);
        });
        for (const r of removals) {
          const id = 10 + (r % texts.length);
          index.remove(id);
          live.delete(id);
        }
        const check = () => {
          for (const char of '芯片的AB,') expect(index.sectionsWith(char.charCodeAt(0)).sort((a, b) => a - b)).toEqual(expected(live, char));
          expect(index.size).toBe(live.size);
        };
        check();
        // Trimmed to size, then grown again by the adds below.
        index.trim();
        check();
        // Re-adding a removed id and replacing a live one.
        index.add({ id: 10, norm: '芯', normTitle: '' });
        live.set(10, '芯');
        check();
        index.rebuild([...live].map(([id, norm]) => ({ id, norm, normTitle: '' })));
        expect(index.stale).toBe(0);
        check();
      }),
      { numRuns: 60 },
    );
  });

  it('stays exact as lists turn into bitsets and bitsets grow with the sections', () => {
    const index = new CharIndex();
    // 5 000 sections: 的 in all (a bitset early), 芯 in every 7th (a list, then a bitset), 片 in one.
    for (let id = 1; id <= 5000; id++) index.add({ id, norm: `的${id % 7 === 0 ? '芯' : ''}${id === 4321 ? '片' : ''}`, normTitle: '' });
    expect(index.sectionsWith('的'.charCodeAt(0))).toHaveLength(5000);
    expect(index.sectionsWith('芯'.charCodeAt(0))).toEqual(Array.from({ length: 714 }, (_, k) => 7 * (k + 1)));
    expect(index.sectionsWith('片'.charCodeAt(0))).toEqual([4321]);
    expect(index.sectionsWith('無'.charCodeAt(0))).toEqual([]);
  });

  it('finds the sections pinyin readings match, exactly for one unit or two initials, with their counts and titles', () => {
    // Characters of several readings' classes, polyphonic ones (行, 长) among them, and filler.
    const unit = fc.oneof({ arbitrary: fc.constant('，'), weight: 6 }, fc.constantFrom(...'明月梅雨芯片新心西安行长好山水秋前夜'));
    const section = fc.record({ norm: fc.string({ unit, maxLength: 1500, size: 'max' }), normTitle: fc.string({ unit, maxLength: 6 }) });
    fc.assert(
      fc.property(fc.array(section, { minLength: 1, maxLength: 40 }), (sections) => {
        const index = new CharIndex();
        sections.forEach((s, i) => index.add({ id: i, ...s }));
        for (const term of ['my', 'xp', 'hs', 'xs', 'mingyue', 'xinpian', 'qiuyu', 'xian', 'hang', 'ai']) {
          const m = pinyinMatcher(term)!;
          const readings = m.units.map((units, k) => ({ units, classes: m.classes[k]! }));
          const { ids, exact } = index.readingCandidates(readings);
          const matching = sections.flatMap((s, i) => (m.test(s.norm) ? [i] : []));
          // One unit (ai) or two one-letter initials: exact.
          expect(exact).toBe(['my', 'xp', 'hs', 'xs', 'ai'].includes(term));
          if (exact) expect(ids.sort((a, b) => a - b)).toEqual(matching);
          else expect(ids).toEqual(expect.arrayContaining(matching));
          // Titles the readings may be in: every title a reading matches, and none without a
          // character of each class of some reading.
          const titled = index.readingTitles(readings);
          expect(titled).toEqual(expect.arrayContaining(sections.flatMap((s, i) => (m.test(s.normTitle) ? [i] : []))));
          for (const i of titled) expect(readings.some((r) => r.classes.every((c) => [...sections[i]!.normTitle].some((ch) => c.includes(ch))))).toBe(true);
          const known = index.readingCounts(readings);
          expect(known !== undefined).toBe(exact);
          for (const i of matching) {
            if (!known) break;
            // Not known (0) only for a one-unit reading in a section longer than the window.
            const unknown = term === 'ai' && sections[i]!.norm.length > 1024;
            expect(known.counts[i]).toBe(unknown ? 0 : expectedCount(sections[i]!.norm, (part) => m.count(part)));
            expect(known.inTitle[i] !== 0).toBe(m.test(sections[i]!.normTitle));
          }
        }
        // Read back without its pinyin tables (a reload before they are taken): the classes alone
        // narrow, a superset still, exact and counted only for one-unit readings.
        const partial = new CharIndex();
        importInto(partial, withoutReadings(index.export()), sections.map((_, i) => i), sections.map((s) => s.norm.length), sections.length);
        expect(partial.readingsComplete).toBe(false);
        for (const term of ['my', 'xp', 'hs', 'mingyue', 'xinpian', 'qiuyu', 'xian', 'ai']) {
          const m = pinyinMatcher(term)!;
          const readings = m.units.map((units, k) => ({ units, classes: m.classes[k]! }));
          const { ids, exact } = partial.readingCandidates(readings);
          const matching = sections.flatMap((s, i) => (m.test(s.norm) ? [i] : []));
          expect(exact).toBe(readings.every((r) => r.units.length === 1));
          if (exact) expect(ids.sort((a, b) => a - b)).toEqual(matching);
          else expect(ids).toEqual(expect.arrayContaining(matching));
          expect(partial.readingCounts(readings)).toEqual(exact ? index.readingCounts(readings) : undefined);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('counts each character per section as ranking would, and knows which titles hold it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ norm: fc.string({ unit: fc.oneof({ arbitrary: fc.constant(' '), weight: 150 }, fc.constantFrom(...'的芯片')), maxLength: 3000, size: 'max' }), normTitle: fc.string({ unit: fc.constantFrom(...'的芯A'), maxLength: 6 }) }), { minLength: 1, maxLength: 40 }),
        (sections) => {
          const index = new CharIndex();
          sections.forEach((s, i) => index.add({ id: 3 * i, ...s }));
          for (const char of '的芯片A') {
            const { counts, inTitle } = index.termCounts(char.charCodeAt(0));
            sections.forEach((s, i) => {
              expect(counts[3 * i]).toBe(s.norm.includes(char) ? expectedCount(s.norm, char) : 0);
              expect(inTitle[3 * i]).toBe(s.normTitle.includes(char) ? 1 : 0);
            });
            expect(index.titlesWith(char.charCodeAt(0))).toEqual(sections.flatMap((s, i) => (s.normTitle.includes(char) ? [3 * i] : [])));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps counts in step with postings as a list turns into a bitset, and caps a 1 MB run', () => {
    const index = new CharIndex();
    // 的 in every section, once or twice: the list turns into a bitset along the way.
    for (let id = 0; id < 3000; id++) index.add({ id, norm: id % 3 === 0 ? '的的' : '的', normTitle: '' });
    index.add({ id: 3000, norm: '的'.repeat(1 << 20), normTitle: '' });
    const { counts } = index.termCounts('的'.charCodeAt(0));
    for (let id = 0; id < 3000; id++) expect(counts[id]).toBe(id % 3 === 0 ? 2 : 1);
    expect(counts[3000]).toBe(16);
  });

  it('narrows a reading of whole syllables by the syllables side by side, not only their letters', () => {
    const index = new CharIndex();
    const m = pinyinMatcher('qiuyu')!;
    const readings = m.units.map((units, k) => ({ units, classes: m.classes[k]! }));
    index.add({ id: 0, norm: '一夜秋雨', normTitle: '' });
    // q·y side by side (前夜), and a character of qiu and of yu, but no qiu·yu.
    index.add({ id: 1, norm: '秋天前夜下雨', normTitle: '' });
    index.add({ id: 2, norm: '求雨', normTitle: '' });
    expect(index.readingCandidates(readings)).toEqual({ ids: [0, 2], exact: false });
  });

  it('answers a reading again after sections are added or removed (no stale class kept)', () => {
    const index = new CharIndex();
    const m = pinyinMatcher('mingyue')!;
    const readings = m.units.map((units, k) => ({ units, classes: m.classes[k]! }));
    index.add({ id: 1, norm: '明月', normTitle: '' });
    expect(index.readingCandidates(readings).ids).toEqual([1]);
    index.add({ id: 2, norm: '名樂', normTitle: '' });
    expect(index.readingCandidates(readings).ids.sort()).toEqual([1, 2]);
    index.remove(1);
    expect(index.readingCandidates(readings).ids).toEqual([2]);
  });

  it('saved and read back, answers as the index it was saved from, pinyin tables saved or written again', () => {
    const unit = fc.constantFrom(...'明月梅雨芯片新心西安行长好山水秋前夜，的');
    const section = fc.record({ norm: fc.string({ unit, maxLength: 1500 }), normTitle: fc.string({ unit, maxLength: 6 }) });
    fc.assert(
      fc.property(fc.array(section, { minLength: 1, maxLength: 60 }), fc.array(fc.nat(), { maxLength: 5 }), (sections, removals) => {
        const byId = new Map(sections.map((s, i) => [i * 3 + 1, { id: i * 3 + 1, ...s }]));
        const saved = new CharIndex();
        for (const s of byId.values()) saved.add(s);
        for (const r of removals) {
          const id = [...byId.keys()][r % byId.size];
          if (id === undefined || byId.size === 1) continue;
          saved.remove(id);
          byId.delete(id);
        }
        const chunks = saved.export();
        const lengthOf: number[] = [];
        for (const [id, s] of byId) lengthOf[id] = s.norm.length;
        // Saved with its pinyin tables (written for every slot): read back complete.
        const whole = new CharIndex();
        importInto(whole, chunks, [...byId.keys()], lengthOf, 1000);
        expect(whole.readingsComplete).toBe(true);
        // Saved without them (as an index read back before it wrote them again saves itself).
        const read = new CharIndex();
        importInto(read, withoutReadings(chunks), [...byId.keys()], lengthOf, 1000);
        expect(read.readingsComplete).toBe(byId.size === 0);
        expect(read.export().map(([name]) => name)).toEqual(withoutReadings(chunks).map(([name]) => name));
        for (const code of [...'明月芯，的好'].map((c) => c.charCodeAt(0))) {
          for (const index of [whole, read]) {
            expect(index.sectionsWith(code)).toEqual(saved.sectionsWith(code));
            expect(index.titlesWith(code)).toEqual(saved.titlesWith(code));
            expect(index.termCounts(code)).toEqual(saved.termCounts(code));
          }
        }
        // A section added before the pinyin tables are written again waits its turn for them.
        const late = { id: 1000, norm: '明月', normTitle: '秋雨' };
        for (const index of [saved, whole, read]) index.add(late);
        byId.set(late.id, late);
        expect(read.addReadings(Infinity, (id) => byId.get(id))).toBe(true);
        for (const term of ['mingyue', 'my', 'qiuyu', 'ai']) {
          const m = pinyinMatcher(term)!;
          const readings = m.units.map((units, k) => ({ units, classes: m.classes[k]! }));
          for (const index of [whole, read]) {
            expect(index.readingCandidates(readings)).toEqual(saved.readingCandidates(readings));
            expect(index.readingCounts(readings)).toEqual(saved.readingCounts(readings));
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a saved index whose slots name other sections, or that lacks a chunk', () => {
    const saved = new CharIndex();
    for (const id of [1, 2, 3]) saved.add({ id, norm: '明月', normTitle: '' });
    const chunks = saved.export();
    const read = new CharIndex();
    const length = [2, 2, 2, 2, 2];
    expect(() => importInto(read, chunks, [1, 2], length, 4)).toThrow();
    expect(() => importInto(read, chunks, [1, 2, 3, 4], length, 5)).toThrow();
    const without = (name: string) => chunks.filter(([n]) => n !== name);
    expect(() => importInto(read, without('chars/titles/0'), [1, 2, 3], length, 4)).toThrow();
    expect(() => drain(readReadings(without('chars/text-syllables/0'), 3))).toThrow();
    // The largest id past the library's counter: a lie.
    expect(() => importInto(read, chunks, [1, 2, 3], length, 3)).toThrow();
    // Chunk counts that lie (none, or fewer than there are): refused, not read in part.
    for (const [at, value] of [[1, 0], [2, -1], [1, 1]] as const) {
      const lying = new Int32Array(chunks[0]![1].slice().buffer);
      lying[at] = value;
      const extra: [string, Uint8Array][] = value === 1 ? [['chars/text/1', chunks[1]![1]]] : [];
      expect(() => importInto(read, [[chunks[0]![0], new Uint8Array(lying.buffer)], ...chunks.slice(1), ...extra], [1, 2, 3], length, 4)).toThrow();
    }
    // Pinyin tables in part, or not counted at all, or keyed past their keys: refused.
    const withHead = (change: (head: Int32Array) => void): [string, Uint8Array][] => {
      const head = new Int32Array(chunks[0]![1].slice().buffer);
      change(head);
      return [[chunks[0]![0], new Uint8Array(head.buffer)], ...chunks.slice(1)];
    };
    expect(() => drain(readReadings(withHead((h) => (h[3] = 0)), 3))).toThrow();
    expect(() => drain(readReadings(withHead((h) => h.fill(0, 3, 6)), 3))).toThrow();
    const syllables = chunks.findIndex(([name]) => name === 'chars/text-syllables/0');
    const outOfRange = new Int32Array(chunks[syllables]![1].slice().buffer);
    outOfRange[1] = 1 << 12; // the first key, one past the syllable keys
    const keyed = chunks.map(([name, data], k): [string, Uint8Array] => [name, k === syllables ? new Uint8Array(outOfRange.buffer) : data]);
    expect(() => drain(readReadings(keyed, 3))).toThrow();
    // Tables of other slots (an index that grew since): refused; saved without them: none.
    expect(() => drain(readReadings(chunks, 4))).toThrow();
    expect(drain(readReadings(withoutReadings(chunks), 3))).toBeNull();
    expect(drain(readReadings(chunks, 3))).not.toBeNull();
    // Tables counted under other rules (another window or cap): refused, not misread.
    const [, head] = chunks[0]!;
    const otherRules = new Int32Array(head.slice().buffer);
    otherRules[0] = otherRules[0]! + 1;
    expect(() => importInto(read, [[chunks[0]![0], new Uint8Array(otherRules.buffer)], ...chunks.slice(1)], [1, 2, 3], length, 4)).toThrow();
    expect(read.size).toBe(0);
    importInto(read, chunks, [1, 2, 3], length, 4);
    expect(read.sectionsWith('明'.charCodeAt(0))).toEqual([1, 2, 3]);
  });
});
