import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, seeds } from '../../../tests/support/corpus.ts';
import { isSimplifiedChar, isTraditionalChar, oracleFold, oracleFoldChar } from '../../../tests/support/oracle.ts';
import { foldTable } from './fold-table.ts';
import { driftOf, normalize, normalizeText, originalOffset } from './normalize.ts';

/** Every character the fold table knows, both sides, and every Simplified character OpenCC knows. */
const TABLE_CHARS = (() => {
  const { traditional, simplifiedOnly } = foldTable();
  return [...new Set([...traditional, ...simplifiedOnly, ...[...traditional].map(normalizeText)])];
})();
/** Characters NFKC or case folding change, and combining marks. */
const OTHER_CHARS = ['Ａ', 'Z', 'ß', 'ẞ', 'İ', 'Σ', 'ς', 'e\u0301', '\u0301', '㎡', '①', 'ﬁ', '豈', '兀', '\u3000', 'ｶﾞ', '𠀀', '𫢸'];

describe('normalize', () => {
  it.each([
    ['2022中國AI芯片企業50強', '2022中国ai芯片企业50强'], // seed 001, article 1 title
    ['大眾汽車投資24億歐元發力智能駕駛', '大众汽车投资24亿欧元发力智能驾驶'], // seed 001
    ['Swin Transformer在MIM中的應', 'swin transformer在mim中的应'], // seed 002
    ['ＲＩＳＣ－Ｖ　生態', 'risc-v 生态'], // full-width letters, dash and space
    ['骁龙8Gen2', '骁龙8gen2'],
    ['軟體', '软体'], // script only: Taiwan's word for 软件 stays a different word
    ['記憶體', '记忆体'],
    ['開啟檔案', '开启档案'],
    ['臺灣 衞生 綫', '台湾 卫生 线'], // Taiwan and Hong Kong variant characters
    ['100㎡', '100m2'], // NFKC expands
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it.each(['这个程序读取字节序列', '文件', '串行', '进程', '什么', '后来', '内存', '软件'])('leaves the Simplified words %s as they are', (text) => {
    expect(normalizeText(text)).toBe(text);
  });

  it('maps every normalized offset back to the original, including length-changing rules', () => {
    const { text, map } = normalize('記憶體 100㎡');
    expect(text).toBe('记忆体 100m2');
    expect(Array.from(map)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 7, 8]);
  });

  it('compresses the map into a drift list that maps every offset back exactly', () => {
    for (const text of ['記憶體 100㎡ 軟體', '2022中國AI芯片企業50強', 'é e\u0301 ＡＢ', '僤 𠀀 𫢸', ...seeds().map((s) => s.text)]) {
      const { map } = normalize(text);
      const drift = driftOf(map);
      for (let i = 0; i < map.length; i++) expect(originalOffset(drift, i)).toBe(map[i]);
    }
    expect(driftOf(normalize('纯简体文本').map)).toEqual([]);
  });

  it('keeps the map monotonic and within bounds on every seed', () => {
    for (const { text } of seeds()) {
      const { text: norm, map } = normalize(text);
      expect(map.length).toBe(norm.length + 1);
      expect(map[norm.length]).toBe(text.length);
      for (let i = 1; i < map.length; i++) expect(map[i]!).toBeGreaterThanOrEqual(map[i - 1]!);
    }
  });
});

describe('folding is script folding only (checked against opencc-js, not against this module)', () => {
  it('agrees with the oracle on every character of the BMP and of CJK Extension B', () => {
    const differ: string[] = [];
    const check = (ch: string) => {
      if (normalizeText(ch) !== oracleFold(ch)) differ.push(`${ch}→${normalizeText(ch)}/${oracleFold(ch)}`);
    };
    for (let c = 0x20; c < 0x10000; c++) if (c < 0xd800 || c >= 0xe000) check(String.fromCharCode(c));
    for (let c = 0x20000; c < 0x2a6e0; c++) check(String.fromCodePoint(c));
    expect(differ.slice(0, 20)).toEqual([]);
  });

  it('is idempotent: fold(fold(x)) = fold(x) on random text of every table character', () => {
    const pool = [...TABLE_CHARS, ...OTHER_CHARS, 'a', ' ', '1'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 30 }), (chars) => {
        const once = normalizeText(chars.join(''));
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('agrees with the oracle on random text mixing Han, full-width forms, punctuation and capitals', () => {
    // Not Σ (lower-cased by context) nor combining marks (composed across characters by a
    // whole-text NFKC): folding works per character, which the tests above pin down.
    const pool = [...TABLE_CHARS.slice(0, 400), 'Ａ', 'Z', 'q', '，', '。', '！', '（', '）', '：', '「', '」', '、', '\u3000', ' ', '1', '１', '㎡', '①', 'ﬁ', '豈', '𠀀', '𫢸', 'ß', 'ｶ', '—', '…'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(normalizeText(text)).toBe(oracleFold(text));
      }),
      { numRuns: 3000, seed: 14 },
    );
  });

  it('is idempotent on every single table character', () => {
    for (const ch of TABLE_CHARS) expect(normalizeText(normalizeText(ch)), ch).toBe(normalizeText(ch));
  });

  it('never changes a character OpenCC calls Simplified, on random Simplified text', () => {
    const simplified = TABLE_CHARS.filter((ch) => isSimplifiedChar(ch));
    expect(simplified.length).toBeGreaterThan(2000);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...simplified), { maxLength: 30 }), (chars) => {
        expect(normalizeText(chars.join(''))).toBe(chars.join(''));
      }),
      { numRuns: 2000, seed: 12 },
    );
  });

  it('is a homomorphism: folding a substring gives the substring of the folded text', () => {
    const text = readFileSync(join(CORPUS_DIR, 'parallel/tw/find.1.txt'), 'utf8');
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.integer({ min: 1, max: 12 }), (start, len) => {
        const piece = text.slice(start, start + len);
        expect(normalizeText(text)).toContain(normalizeText(piece));
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('on the real zh_CN man pages, changes no Han character that OpenCC does not call Traditional', () => {
    const dir = join(CORPUS_DIR, 'parallel/cn');
    const changed = new Map<string, number>();
    let han = 0;
    for (const name of readdirSync(dir)) {
      const text = readFileSync(join(dir, name), 'utf8');
      const { text: folded, map } = normalize(text);
      for (let i = 0; i < folded.length; i++) {
        const from = text.slice(map[i]!, map[i + 1]!);
        if (!/\p{Script=Han}/u.test(from)) continue;
        han++;
        if (folded[i] !== from) changed.set(from, (changed.get(from) ?? 0) + 1);
      }
    }
    expect(han).toBeGreaterThan(40_000);
    for (const ch of changed.keys()) {
      expect(isTraditionalChar(ch) && !isSimplifiedChar(ch), `${ch} → ${oracleFoldChar(ch)}`).toBe(true);
    }
    // The few Traditional characters the mainland translators wrote (著, 於, 乾 …) are all there is.
    const total = [...changed.values()].reduce((a, b) => a + b, 0);
    expect(total / han).toBeLessThan(0.005);
  });
});
