import { polyphonic } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { INITIALS, units } from './readings.ts';

/**
 * The oracle is pinyin-pro itself, read here directly: the generated table (reading-table.ts)
 * must say exactly what pinyin-pro says of every character of U+4E00–U+9FFF, so a table left
 * behind by an upgrade of pinyin-pro fails here.
 */
function pinyinProClasses(): Map<string, Set<string>> {
  const block = Array.from({ length: 0x9fff - 0x4e00 + 1 }, (_, i) => String.fromCharCode(0x4e00 + i));
  const readings = polyphonic(block.join(''), { toneType: 'none', type: 'array' }) as string[][];
  const classes = new Map<string, Set<string>>();
  const put = (syllable: string, char: string) => classes.set(syllable, (classes.get(syllable) ?? new Set()).add(char));
  block.forEach((char, i) => {
    for (const reading of readings[i]!) {
      if (!/^[a-zü]+$/.test(reading)) continue;
      put(reading.replaceAll('ü', 'v'), char);
      if (reading.includes('ü')) put(reading.replaceAll('ü', 'u'), char);
    }
  });
  return classes;
}

describe('the reading table', () => {
  const expected = pinyinProClasses();
  const table = units();

  it('holds every syllable pinyin-pro reads, with exactly its characters', () => {
    expect(expected.size).toBeGreaterThan(400);
    for (const [syllable, chars] of expected) {
      if (INITIALS.includes(syllable)) continue;
      expect(new Set(table.get(syllable)), syllable).toEqual(chars);
    }
    const extra = [...table.keys()].filter((unit) => !expected.has(unit) && !INITIALS.includes(unit));
    expect(extra).toEqual([]);
  });

  it('makes each initial typed alone the union of the syllables it begins', () => {
    for (const initial of ['zh', 'x', 'b']) {
      const union = new Set<string>();
      for (const [syllable, chars] of expected) if (syllable.startsWith(initial)) for (const c of chars) union.add(c);
      expect(new Set(table.get(initial)), initial).toEqual(union);
    }
  });

  it('keeps a polyphonic character in the class of each reading, and ü as v and u', () => {
    for (const syllable of ['xing', 'hang']) expect(table.get(syllable)).toContain('行');
    for (const syllable of ['lv', 'lu']) expect(table.get(syllable)).toContain('绿');
    expect(table.get('lu')).toContain('路');
    expect(table.get('lv')).not.toContain('路');
  });
});
