/**
 * The stages not covered by their own linear-time tests (clean, split, extract have theirs):
 * decoding, folding, the query parser and a whole search, on adversarial input at n and 16n.
 * A ratio, never an absolute time: linear work gives about 16, a quadratic one 256.
 */
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/core/decode/decode.ts';
import { SearchEngine } from '../../src/core/engine.ts';
import { normalize } from '../../src/core/normalize/normalize.ts';
import { parseQuery } from '../../src/core/query/parse-query.ts';
import { growthRatio, LINEAR_BOUND } from '../support/linear.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const engine = new SearchEngine();
engine.addFile(1, 'a.txt', [{ title: '笔记', text: '芯片企业的"报告" -附录 title:说明 OR 其他', start: 0 }]);

const FAMILIES: [string, (n: number) => () => void][] = [
  ['decode: a long run of spaces', (n) => () => decode(utf8(`${' '.repeat(n)}中`), 'a.txt')],
  ['decode: a run of lone high bytes', (n) => () => void (() => { try { decode(new Uint8Array(n).fill(0xa1), 'a.txt'); } catch { /* refused is fine */ } })()],
  ['fold: one letter with n combining marks', (n) => () => normalize(`e${'\u0301'.repeat(n)}`)],
  ['fold: full-width letters', (n) => () => normalize('Ａ'.repeat(n))],
  ['parse: unbalanced quotes', (n) => () => parseQuery('"a '.repeat(n / 3))],
  ['parse: operators', (n) => () => parseQuery('-x title:y OR '.repeat(n / 15))],
  ['search: a query of n quotes', (n) => () => engine.search('"'.repeat(n))],
  ['search: a term of n characters', (n) => () => engine.search('芯'.repeat(n))],
];

describe('reading and searching run in time linear in the input', () => {
  it.each(FAMILIES)('%s: 16× the input costs well under 40× the time', (_, make) => {
    expect(growthRatio(make)).toBeLessThan(LINEAR_BOUND);
  });
});
