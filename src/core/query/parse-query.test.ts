import { describe, expect, it } from 'vitest';
import { matchesQuery, parseQuery } from './parse-query.ts';

const parts = (input: string) => {
  const { clauses, exclude, title, file, date } = parseQuery(input);
  return { clauses, exclude, title, file, date };
};
const empty = { clauses: [], exclude: [], title: [], file: [], date: undefined };

describe('parseQuery', () => {
  it.each([
    ['芯片 企業', { ...empty, clauses: [['芯片'], ['企业']] }],
    ['芯片 OR 晶體管 企业', { ...empty, clauses: [['芯片', '晶体管'], ['企业']] }],
    ['a OR b OR c', { ...empty, clauses: [['a', 'b', 'c']] }],
    ['"Swin Transformer" 應用', { ...empty, clauses: [['swin transformer'], ['应用']] }],
    ['芯片 -手機', { ...empty, clauses: [['芯片']], exclude: ['手机'] }],
    ['芯片 -"高端 芯片"', { ...empty, clauses: [['芯片']], exclude: ['高端 芯片'] }],
    ['title:報告 file:001', { ...empty, title: ['报告'], file: ['001'] }],
    ['title:"AI 简报"', { ...empty, title: ['ai 简报'] }],
    ['date:2022-10..2022-12 ai', { ...empty, clauses: [['ai']], date: { from: '2022-10', to: '2022-12' } }],
    ['date:2022', { ...empty, date: { from: '2022', to: '2022' } }],
    ['date:..2022-06', { ...empty, date: { from: '', to: '2022-06' } }],
    ['ＲＩＳＣ－Ｖ', { ...empty, clauses: [['risc-v']] }],
  ])('%s', (input, expected) => {
    expect(parts(input)).toEqual(expected);
  });

  it.each([
    ['"芯片', [['"芯片']]], // unbalanced quote: a literal character
    ['-', [['-']]], // lone minus
    ['title:', [['title:']]], // filter without a value
    ['OR 芯片', [['or'], ['芯片']]], // OR with nothing before it
    ['芯片 OR', [['芯片'], ['or']]], // OR with nothing after it
    ['date:yesterday', [['date:yesterday']]], // unreadable date
    ['or', [['or']]], // lower-case or is a word
  ])('malformed %s degrades to literal text', (input, clauses) => {
    expect(parseQuery(input).clauses).toEqual(clauses);
  });

  it('gives no clauses for input that normalizes to nothing', () => {
    expect(parts(' \u3000 ')).toEqual(empty);
  });
  it.each([
    ['AI 芯片', ['ai']],
    ['GPU RISC', ['gpu', 'risc']],
    ['ＡＩ', ['ai']], // full-width capitals are capitals after NFKC
    ["XI'AN", ["xi'an"]],
    ['title:GPU', ['gpu']],
    ['ai', undefined],
    ['Xinpian', undefined], // mixed case: may be pinyin
    ['A', undefined], // one letter is no acronym
    ['AI ai', undefined], // written in lower case once: may be pinyin
    ['A100', undefined],
  ])('%s: acronyms %j', (input, acronyms) => {
    expect(parseQuery(input).acronyms).toEqual(acronyms);
  });
});

describe('matchesQuery', () => {
  const section = { norm: '高通骁龙8gen2芯片发布', normTitle: 'ai 简报', normFile: '000.txt', date: '2022-11-25' };
  it.each([
    ['骁龙 芯片', true],
    ['骁龙 手机', false],
    ['手机 OR 芯片', true],
    ['芯片 -高通', false],
    ['title:简报 file:000', true],
    ['title:简报 file:001', false],
    ['date:2022-11', true],
    ['date:2022-10..2022-11-24', false],
    ['date:2022-11-25..', true],
  ])('%s → %s', (query, expected) => {
    expect(matchesQuery(section, parseQuery(query))).toBe(expected);
  });

  it('a date range excludes sections without a date', () => {
    expect(matchesQuery({ ...section, date: undefined }, parseQuery('date:2022'))).toBe(false);
  });
});
