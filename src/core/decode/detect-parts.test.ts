import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readEncoding } from '../../../tests/support/corpus.ts';
import { ingest } from '../pipeline.ts';
import { readBom } from './bom.ts';
import { eucTwFit, johabFit, johabSyllable } from './cjk-bytes.ts';
import { decode } from './decode.ts';
import { detect } from './detect-encoding.ts';
import { iso2022 } from './iso2022.ts';
import { sampleOf, HEAD_SAMPLE, TAIL_SAMPLE } from './sample.ts';
import { decodeWindows1252, isolatedShare, westernEncoding, westernFit } from './single-byte.ts';
import { sniffBinary } from './sniff.ts';
import { utf16ByHan, utf32Pattern } from './utf16.ts';
import { decodeUtf8, incompleteTail } from './utf8.ts';

const DIR = new URL('../../../tests/fixtures/corpus/encodings-more/', import.meta.url);
const read = (file: string) => new Uint8Array(readFileSync(new URL(file, DIR)));
const source = (file: string) => readFileSync(new URL(`sources/${file}`, DIR), 'utf8');
const utf8 = (text: string) => new TextEncoder().encode(text);
const hasHan = (text: string) => /[\u4e00-\u9fff]/.test(text);

describe('a lone high byte in a large Latin text', () => {
  // The case: one curly quote in 700 KB of ASCII became a Han character in "Blanchard's".
  const ascii = source('en.txt').replace(/[^\x00-\x7f]/g, '').repeat(240);
  const withQuote = (quote: number) => {
    const at = ascii.indexOf("can't");
    const bytes = utf8(ascii);
    bytes[at + 3] = quote;
    return bytes;
  };
  it.each([
    [0x92, 'windows-1252'],
    [0xd5, 'macintosh'],
  ])('reads byte %s as ’ in %s, never as Chinese', (byte, label) => {
    const bytes = withQuote(byte);
    expect(bytes.length).toBeGreaterThan(700_000);
    const d = decode(bytes, 'blanchard.txt');
    expect(d.encoding).toBe(label);
    expect(hasHan(d.text)).toBe(false);
    expect(d.text).toContain('can’t');
  });

  it.each(['gbk-tiny.txt', 'gbk-short.txt', 'gbk-mixed-latin-cjk.txt'])('still reads %s, short GBK among ASCII, as GB18030', (file) => {
    const bytes = readEncoding(file);
    expect(westernEncoding(bytes)).toBeNull();
    expect(detect(bytes)).toMatchObject({ encoding: 'gb18030', reason: 'scored' });
  });
});

describe('UTF-8 cut off inside its last character', () => {
  const text = source('zh-hans.txt');
  const whole = utf8(text.slice(0, text.lastIndexOf('。') + 1));

  it.each([1, 2])('drops the broken tail (%i bytes cut) with a note, and ingest carries the note', (cut) => {
    const bytes = whole.subarray(0, whole.length - cut);
    const d = decode(bytes, 'cut.txt');
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe(new TextDecoder().decode(whole).slice(0, -1));
    expect(d.notes).toEqual([`the file ends inside a character (cut off?): its last ${3 - cut} byte(s) were dropped`]);
    expect(ingest(bytes, 'cut.txt').decodeNotes).toEqual(d.notes);
  });

  it('gives no note for a whole file and finds no cut in one', () => {
    expect(decode(whole, 'whole.txt').notes).toBeUndefined();
    expect(ingest(whole, 'whole.txt').decodeNotes).toBeUndefined();
    expect(incompleteTail(whole)).toBe(-1);
    expect(incompleteTail(Uint8Array.of(0x61, 0xe4, 0xb8))).toBe(1);
    expect(incompleteTail(Uint8Array.of(0x61, 0xf0, 0x9f, 0x98))).toBe(1);
  });

  it('does not take ASCII ending in one Western byte for cut UTF-8', () => {
    expect(decodeUtf8(Uint8Array.of(0x63, 0x61, 0x66, 0xe9))).toBeNull();
    const cafe = Uint8Array.of(...utf8('This is a caf'), 0xe9);
    expect(decode(cafe, 'cafe.txt')).toMatchObject({ encoding: 'windows-1252', text: 'This is a café' });
  });
});

describe('UTF-16 without BOM and UTF-32', () => {
  it('reads pure-Han UTF-16 both ways round by its common characters', () => {
    expect(utf16ByHan(read('zh-hans-utf16le-nobom-han.txt'))).toBe('utf-16le');
    expect(utf16ByHan(read('zh-hans-utf16be-nobom-han.txt'))).toBe('utf-16be');
    expect(sniffBinary(read('zh-hans-utf16le-nobom-han.txt'))).toBeNull();
    // Neither GBK, nor UTF-8, nor a binary file is Chinese read as UTF-16.
    expect(utf16ByHan(utf8(source('zh-hans.txt')))).toBeNull();
    expect(utf16ByHan(read('zh-hant-big5.txt'))).toBeNull();
  });

  it('recognizes UTF-32 by its BOM before UTF-16, and without BOM by its zero bytes', () => {
    expect(readBom(Uint8Array.of(0xff, 0xfe, 0, 0, 0x41, 0, 0, 0))).toEqual({ utf32: 'le' });
    expect(readBom(Uint8Array.of(0xff, 0xfe, 0x41, 0))).toEqual({ label: 'utf-16le', length: 2 });
    expect(utf32Pattern(read('zh-hans-utf32le-nobom.txt'))).toBe('le');
    expect(utf32Pattern(read('en-utf16le-nobom.txt'))).toBeNull();
    expect(sniffBinary(read('zh-hans-utf32be-bom.txt'))).toBeNull();
  });
});

describe('encodings that are recognized to be refused', () => {
  it('names ISO-2022 variants by their escape sequences, only in 7-bit text', () => {
    expect(iso2022(read('ja-iso-2022-jp.txt'))).toBe('Japanese (ISO-2022-JP)');
    expect(iso2022(read('ko-iso-2022-kr.txt'))).toBe('Korean (ISO-2022-KR)');
    expect(iso2022(utf8('\x1b[1mbold\x1b[0m'))).toBeNull();
    expect(iso2022(utf8('中文 \x1b$B'))).toBeNull();
  });

  it('decodes Johab Hangul arithmetically and scores Korean far above other bytes', () => {
    // 한 = 0xD065 and 나 = 0x9061 in Johab.
    expect([johabSyllable(0xd0, 0x65), johabSyllable(0x90, 0x61)]).toEqual(['한', '나']);
    expect(johabFit(read('ko-johab.txt'))).toBeGreaterThan(0.5);
    expect(johabFit(read('ko-euc-kr.txt'))).toBeLessThan(0.1);
  });

  it('scores EUC-TW by the byte pairs of common characters', () => {
    expect(eucTwFit(read('zh-hant-euc-tw.txt'))).toBeGreaterThan(0.3);
    expect(eucTwFit(read('ko-euc-kr.txt'))).toBeLessThan(0.1);
    expect(eucTwFit(Uint8Array.of(0xc4, 0xe3, 0xff))).toBe(-1);
  });

  it('gives the reason with the file name', () => {
    expect(() => decode(read('ko-euc-kr.txt'), 'k.txt')).toThrow('k.txt: looks like Korean (EUC-KR), an encoding that is not read');
    expect(detect(read('ja-shift_jis.txt'))).toEqual({ looksLike: 'Japanese (Shift_JIS)' });
  });
});

describe('Western single-byte text', () => {
  it('decodes Windows-1252 curly quotes the same in Node as in browsers', () => {
    expect(decodeWindows1252(Uint8Array.of(0x93, 0x41, 0x92, 0x94, 0x80, 0xe9, 0x81))).toBe('“A’”€é\u0081');
  });

  it('places high characters as Western text does', () => {
    expect(westernFit("L’été, « déjà » — CAFÉ, École")).toBe(1);
    expect(westernFit('BlanchardÕs')).toBe(0); // a Mac Roman ’ read as Windows-1252
    expect(westernFit('ïðèâåò')).toBe(0); // Cyrillic read as Latin-1
    expect(westernFit('Pøíliš ìlutý')).toBe(0); // Czech: letters of no one language
    expect(westernFit('ascii')).toBe(-1);
  });

  it('tells stray bytes from Chinese pairs', () => {
    expect(isolatedShare(utf8('café x'))).toBe(0); // é is two bytes in UTF-8: a pair
    expect(isolatedShare(Uint8Array.of(0x61, 0xe9, 0x62, 0x20, 0xd6, 0xd0))).toBe(1 / 3);
  });
});

describe('sampling a large file', () => {
  it('takes head and tail cut at whitespace, so no character is split', () => {
    const bytes = new Uint8Array(HEAD_SAMPLE + TAIL_SAMPLE + 1000).fill(0xb0);
    for (let i = 100; i < bytes.length; i += 100) bytes[i] = 0x0a;
    const sample = sampleOf(bytes);
    expect(sample.length).toBeLessThanOrEqual(HEAD_SAMPLE + TAIL_SAMPLE + 1);
    expect(sample[sample.length - TAIL_SAMPLE + 50]).toBe(0xb0);
    expect(sampleOf(bytes.subarray(0, 1000))).toHaveLength(1000);
  });
});
