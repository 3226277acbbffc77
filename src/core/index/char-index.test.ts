import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CharIndex } from './char-index.ts';

/** Sections over a small alphabet, so that characters are shared by many of them. */
const sectionTexts = fc.array(fc.string({ unit: fc.constantFrom(...'芯片晶体管的了一是AB, '), maxLength: 30 }), { minLength: 1, maxLength: 300 });

function expected(texts: ReadonlyMap<number, string>, char: string): number[] {
  return [...texts].filter(([, t]) => t.includes(char)).map(([id]) => id).sort((a, b) => a - b);
}

describe('CharIndex', () => {
  it('answers exactly which sections hold a character, through adds, removals and rebuilds', () => {
    fc.assert(
      fc.property(sectionTexts, fc.array(fc.nat(), { maxLength: 100 }), (texts, removals) => {
        const index = new CharIndex();
        const live = new Map<number, string>();
        texts.forEach((t, i) => {
          index.add(i + 10, t);
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
        // Re-adding a removed id and replacing a live one.
        index.add(10, '芯');
        live.set(10, '芯');
        check();
        index.rebuild([...live].map(([id, norm]) => ({ id, norm })));
        expect(index.stale).toBe(0);
        check();
      }),
      { numRuns: 60 },
    );
  });

  it('stays exact as lists turn into bitsets and bitsets grow with the sections', () => {
    const index = new CharIndex();
    // 5 000 sections: 的 in all (a bitset early), 芯 in every 7th (a list, then a bitset), 片 in one.
    for (let id = 1; id <= 5000; id++) index.add(id, `的${id % 7 === 0 ? '芯' : ''}${id === 4321 ? '片' : ''}`);
    expect(index.sectionsWith('的'.charCodeAt(0))).toHaveLength(5000);
    expect(index.sectionsWith('芯'.charCodeAt(0))).toEqual(Array.from({ length: 714 }, (_, k) => 7 * (k + 1)));
    expect(index.sectionsWith('片'.charCodeAt(0))).toEqual([4321]);
    expect(index.sectionsWith('無'.charCodeAt(0))).toEqual([]);
  });

  it('finds sections holding a character of every class of some sequence', () => {
    const index = new CharIndex();
    index.add(1, '芯片');
    index.add(2, '片……新'); // 新 and 片: both classes, in another order and apart
    index.add(3, '心');
    index.add(4, '西安');
    const ids = (sequences: string[][]) => index.sectionsWithClasses(sequences).sort((a, b) => a - b);
    expect(ids([['芯新心', '片偏']])).toEqual([1, 2]);
    expect(ids([['芯新心', '片偏'], ['西', '安']])).toEqual([1, 2, 4]);
    expect(ids([['心']])).toEqual([3]);
    expect(ids([['無']])).toEqual([]);
  });
});
