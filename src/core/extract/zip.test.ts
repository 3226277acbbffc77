/** Zips read entry by entry: lying directories, damaged or unsupported entries, names, CRCs, budgets. */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ingestEach, ingestMany } from '../pipeline.ts';
import { readEpub } from './epub.ts';
import { unzipEntries } from './zip.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** Offsets of every occurrence of a 4-byte little-endian signature. */
function signatures(bytes: Uint8Array, sig: number): number[] {
  const out: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i++) if (view(bytes).getUint32(i, true) === sig) out.push(i);
  return out;
}
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Replaces every occurrence of `from` (a name) by `to` of the same length, in both headers. */
function rename(bytes: Uint8Array, from: string, to: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const needle = utf8(from);
  for (let i = 0; i + needle.length <= out.length; i++) if (needle.every((b, k) => out[i + k] === b)) out.set(to, i);
  return out;
}

/** Sets a 16-bit field of the n-th central (and local) header. */
function patch16(bytes: Uint8Array, n: number, centralField: number, localField: number, value: number): Uint8Array {
  const out = bytes.slice();
  view(out).setUint16(signatures(out, CENTRAL)[n]! + centralField, value, true);
  view(out).setUint16(signatures(out, LOCAL)[n]! + localField, value, true);
  return out;
}

const two = () => zipSync({ 'a.txt': utf8('第一个文件的内容。'.repeat(20)), 'b.txt': utf8('第二个文件。') });
const outcome = (bytes: Uint8Array) =>
  ingestMany(bytes, 't.zip').map((o) => [o.path, 'error' in o ? o.error.code : 'ok']);

describe('zip archives read entry by entry', () => {
  it('refuses a directory that declares more entries than it can hold, without walking them', () => {
    // A zip64 end record declaring 4 294 967 295 entries in a directory of 0 bytes.
    const zip64 = new Uint8Array(56);
    view(zip64).setUint32(0, 0x06064b50, true);
    view(zip64).setBigUint64(24, 0xffffffffn, true);
    view(zip64).setBigUint64(32, 0xffffffffn, true);
    const locator = new Uint8Array(20);
    view(locator).setUint32(0, 0x07064b50, true);
    view(locator).setBigUint64(8, 30n, true);
    const end = new Uint8Array(22);
    view(end).setUint32(0, 0x06054b50, true);
    for (const at of [8, 10]) view(end).setUint16(at, 0xffff, true);
    for (const at of [12, 16]) view(end).setUint32(at, 0xffffffff, true);
    const local = utf8('PK\x03\x04').slice();
    const bytes = new Uint8Array([...local, ...new Uint8Array(26), ...zip64, ...locator, ...end]);
    const started = performance.now();
    expect(outcome(bytes)).toEqual([['t.zip', 'broken-archive']]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(() => unzipEntries(bytes, 't.zip')).toThrow(/declares 4294967295 entries/);
  });

  it('a corrupt deflate stream costs only its entry', () => {
    const zip = two();
    const data = signatures(zip, LOCAL)[0]! + 30 + 5;
    for (let i = 0; i < 12; i++) zip[data + i] = 0xff;
    expect(outcome(zip)).toEqual([
      ['t.zip/a.txt', 'broken-archive'],
      ['t.zip/b.txt', 'ok'],
    ]);
  });

  it('an unsupported method or an encrypted entry is that entry’s own outcome', () => {
    expect(outcome(patch16(two(), 0, 10, 8, 12))).toEqual([
      ['t.zip/a.txt', 'unsupported-compression'],
      ['t.zip/b.txt', 'ok'],
    ]);
    const [bzip2] = ingestMany(patch16(two(), 0, 10, 8, 12), 't.zip');
    expect('error' in bzip2! && bzip2.error.message).toMatch(/bzip2/);
    expect(outcome(patch16(two(), 1, 8, 6, 1))).toEqual([
      ['t.zip/a.txt', 'ok'],
      ['t.zip/b.txt', 'encrypted-entry'],
    ]);
  });

  it('a wrong CRC is damage; a wrong declared size is read in full when the CRC then matches', () => {
    const badCrc = two();
    view(badCrc).setUint32(signatures(badCrc, CENTRAL)[1]! + 16, 0x12345678, true);
    expect(outcome(badCrc)).toEqual([
      ['t.zip/a.txt', 'ok'],
      ['t.zip/b.txt', 'broken-archive'],
    ]);
    const shortSize = two();
    const size = signatures(shortSize, CENTRAL)[0]! + 24;
    view(shortSize).setUint32(size, view(shortSize).getUint32(size, true) - 1, true);
    const [a] = unzipEntries(shortSize, 't.zip').entries;
    expect(new TextDecoder().decode(a!.bytes)).toBe('第一个文件的内容。'.repeat(20));
  });

  it('keeps entries of one name apart, and one named __proto__', () => {
    const zip = zipSync({ 'a.txt': utf8('甲'), 'c.txt': utf8('乙'), 'x________': utf8('丙') });
    const renamed = rename(rename(zip, 'c.txt', utf8('a.txt')), 'x________', utf8('__proto__'));
    expect(unzipEntries(renamed, 't.zip').entries.map((e) => [e.path, new TextDecoder().decode(e.bytes)])).toEqual([
      ['t.zip/__proto__', '丙'],
      ['t.zip/a (2).txt', '乙'],
      ['t.zip/a.txt', '甲'],
    ]);
  });

  it('decodes names without the UTF-8 flag as GBK, else CP437', () => {
    const gbkName = new Uint8Array([0xd0, 0xbe, 0xc6, 0xac]); // 芯片 in GBK
    const zip = rename(zipSync({ 'abcd.txt': utf8('芯片'), 'wxyz.txt': utf8('x') }), 'wxyz', new Uint8Array([0x80, 0x81, 0x82, 0xff]));
    const names = unzipEntries(rename(zip, 'abcd', gbkName), 't.zip').entries.map((e) => e.path);
    expect(names).toContain('t.zip/芯片.txt');
    expect(names).toContain('t.zip/Çüé\u00a0.txt');
  });

  it('finds the real end record when the archive comment holds PK\\x05\\x06', () => {
    const zip = two();
    const comment = new Uint8Array([...utf8('note PK'), 0x05, 0x06, ...new Uint8Array(18).fill(0x41)]);
    const withComment = new Uint8Array([...zip, ...comment]);
    view(withComment).setUint16(zip.length - 2, comment.length, true);
    expect(unzipEntries(withComment, 't.zip').entries.map((e) => e.path)).toEqual(['t.zip/a.txt', 't.zip/b.txt']);
  });

  it('inflates an entry only when it is asked for: an import holds one entry at a time', () => {
    const zip = zipSync({ 'a.txt': utf8('甲'.repeat(100)), 'b.txt': utf8('乙'.repeat(100)) });
    const outcomes = ingestEach(zip, 't.zip');
    const first = outcomes.next();
    expect(first.value && first.value.path).toBe('t.zip/a.txt');
    // Damage the second entry's data now: were it already inflated, it would still read fine.
    const second = signatures(zip, LOCAL)[1]! + 30 + 5;
    for (let i = 0; i < 8; i++) zip[second + i] = 0xff;
    const next = outcomes.next();
    expect(next.value && 'error' in next.value && next.value.error.code).toBe('broken-archive');
  });

  it('reads only the entries selected, neither counting nor inflating the others', () => {
    const budget = { remaining: 10_000 };
    const read = unzipEntries(two(), 't.zip', budget, (name) => name === 'b.txt');
    expect(read.entries.map((e) => e.path)).toEqual(['t.zip/b.txt']);
    expect(budget.remaining).toBe(10_000 - utf8('第二个文件。').length);
  });

  it('nested archives share one expansion budget', () => {
    const inner = (n: number) => zipSync({ [`${n}.txt`]: utf8('文'.repeat(200)) });
    const inners = [inner(1), inner(2), inner(3)];
    const outer = zipSync({ '1.zip': inners[0]!, '2.zip': inners[1]!, '3.zip': inners[2]! }, { level: 0 });
    // Room for the outer archive's entries and one inner archive's 600 bytes, not for three.
    const remaining = inners.reduce((n, z) => n + z.length, 0) + 600 + 100;
    const codes = ingestMany(outer, 'o.zip', 0, { remaining }).map((o) => [o.path, 'error' in o ? o.error.code : 'ok']);
    expect(codes.filter(([, c]) => c === 'ok')).toHaveLength(1);
    expect(codes.some(([, c]) => c === 'archive-limit')).toBe(true);
  });

  it('reads an EPUB spine item once, however often the spine lists it', () => {
    const opf = `<package><metadata><dc:title>书</dc:title></metadata><manifest><item id="c" href="c.xhtml"/></manifest><spine>${'<itemref idref="c"/>'.repeat(10_000)}</spine></package>`;
    const entries = new Map([
      ['META-INF/container.xml', utf8('<container><rootfiles><rootfile full-path="content.opf"/></rootfiles></container>')],
      ['content.opf', utf8(opf)],
      ['c.xhtml', utf8(`<html><body><p>${'章节正文。'.repeat(1000)}</p></body></html>`)],
    ]);
    expect(readEpub(entries, 'b.epub').chapters).toHaveLength(1);
  });
});
