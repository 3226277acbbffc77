import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBytes, skipReason, t } from './messages.ts';
import en from './en.ts';
import zhHans from './zh-Hans.ts';
import zhHantHK from './zh-Hant-HK.ts';
import zhHantTW from './zh-Hant-TW.ts';

describe('skip reasons', () => {
  it('names what a refused encoding looks like, in Chinese', () => {
    expect(skipReason('foreign-encoding', 'Korean (EUC-KR)')).toContain('看起来是韩文 (EUC-KR)');
    expect(skipReason('foreign-encoding', 'Japanese (Shift_JIS)')).toContain('看起来是日文 (Shift_JIS)');
    expect(skipReason('foreign-encoding', 'Chinese in EUC-TW')).toContain('中文，编码为 EUC-TW');
  });

  it('gives the plain reason for other codes', () => {
    expect(skipReason('empty')).toBe(t.skip.reasons.empty);
    expect(skipReason('foreign-encoding')).toBe(t.skip.reasons['foreign-encoding']);
  });
});

describe('messages with values', () => {
  it('says what the end-to-end tests and people read', () => {
    expect(t.importPanel.summary(5, 0)).toBe('已索引 5 个文件');
    expect(t.importPanel.summary(2, 3)).toBe('已索引 2 个文件，跳过 3 个');
    expect(t.results.count(12, 0, 2, 3.14159)).toBe('12 篇文章（其中 2 篇按拼音匹配） · 3.1 毫秒');
    expect(t.hit.wordingLabel + t.list(['檔案', '記憶體'])).toBe('用词：檔案、記憶體');
    expect(t.library.usage(formatBytes(75_000), formatBytes(2.5e9), true)).toBe('本机存储：已用 75 KB / 可用 2.5 GB · 已设为持久保存');
  });
});

/** Sample arguments a message function may take: counts, texts, counts and texts, a list. */
const SAMPLES: unknown[][] = [[2, 3, 4, 5], ['甲', '乙', '丙', '丁'], [2, 3, '甲', '乙'], ['甲', '乙', true], [['甲', '乙']]];

/** What a message function says, called with the first sample arguments it accepts. */
function call(f: (...args: unknown[]) => unknown): string {
  for (const args of SAMPLES) {
    try {
      const out = f(...args.slice(0, f.length));
      if (typeof out === 'string' && !out.includes('undefined') && !out.includes('[object')) return out;
    } catch {
      // Not this kind of argument: try the next.
    }
  }
  throw new Error(`no sample arguments fit ${f.toString().slice(0, 60)}`);
}

/** Every message of a catalogue, by its dotted key; functions are called with sample values. */
function* messages(value: unknown, key = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [key, value];
  else if (typeof value === 'function') yield [key, call(value as (...args: unknown[]) => unknown)]; else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* messages(v, `${key}[${i}]`);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* messages(v, key ? `${key}.${k}` : k);
}

describe('the catalogues', () => {
  const catalogues = { 'zh-Hans': zhHans, 'zh-Hant-TW': zhHantTW, 'zh-Hant-HK': zhHantHK, en };

  it.each(Object.entries(catalogues))('%s has every message, none empty', (_, catalogue) => {
    const all = [...messages(catalogue)];
    expect(all.length).toBeGreaterThan(150);
    expect(all.filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it('has the same messages in every language (the same keys, each translated)', () => {
    const keys = (c: object) => [...messages(c)].map(([key]) => key.replace(/\[\d+\]/g, '[]'));
    for (const catalogue of Object.values(catalogues)) expect(new Set(keys(catalogue))).toEqual(new Set(keys(zhHans)));
    // Translated, not copied: English differs from 简体 wherever it holds no Chinese by design.
    const same = [...messages(en)].filter(([key, text], i) => text === [...messages(zhHans)][i]?.[1] && /\p{Script=Han}/u.test(text) && !/^(app\.(title|name)|settings\.languages|help\.rows\[\d+\]\.examples)/.test(key));
    expect(same).toEqual([]);
  });

  it('keeps Chinese out of English except names, example queries and the words they find', () => {
    // Sample arguments (甲, 乙) stand for document words in messages that show them.
    const allowed = /^(app\.(title|name)|searchBox\.placeholder|settings\.languages|wording\.title|empty\.intro|help\.|importPanel\.progress|library\.fileMeta|libraryErrors\.tooLarge|list$|skip\.foreignEncoding)/;
    const chinese = [...messages(en)].filter(([key, text]) => /\p{Script=Han}/u.test(text) && !allowed.test(key));
    expect(chinese).toEqual([]);
  });
});

const APP = join(import.meta.dirname, '..');

/** Source files of the interface outside the catalogues: components, state classes, the client. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ['i18n', 'testing'].includes(entry.name) ? [] : sources(path);
    return /\.(svelte|ts)$/.test(entry.name) && !/\.test(\.svelte)?\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** The code without its comments (`<!-- -->`, `/* *\/`, and `//` lines); URLs such as `https://` stay. */
const uncommented = (code: string) =>
  code.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' ')).replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|\s)\/\/.*$/gm, '$1');

/** Chinese characters and CJK punctuation (、。「」，：（）). */
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
/** A literal text in an attribute people read or hear, whatever its language. */
const LITERAL_ATTRIBUTE = /\s(aria-label|title|placeholder|alt)="[^"{]*"/;

describe('UI strings live only in the catalogues', () => {
  const files = [...sources(APP), join(APP, '..', 'main.ts')];

  it('finds the components and state classes it guards', () => {
    const names = files.map((f) => relative(APP, f));
    expect(names).toEqual(expect.arrayContaining(['App.svelte', 'components/LibraryPanel.svelte', 'state/library.svelte.ts', 'indexer-client.ts']));
  });

  it('has no Chinese text outside src/app/i18n (comments aside)', () => {
    const found = files.flatMap((file) =>
      uncommented(readFileSync(file, 'utf8'))
        .split('\n')
        .flatMap((line, i) => (CHINESE.test(line) ? [`${relative(APP, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('has no literal aria-label, title, placeholder or alt in the markup', () => {
    const found = files
      .filter((f) => f.endsWith('.svelte'))
      .flatMap((file) =>
        uncommented(readFileSync(file, 'utf8'))
          .split('\n')
          .flatMap((line, i) => (LITERAL_ATTRIBUTE.test(line) ? [`${relative(APP, file)}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(found).toEqual([]);
  });
});
