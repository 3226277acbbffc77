import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodingCases, readEncoding, seeds } from '../../../tests/support/corpus.ts';
import { PipelineError } from '../errors.ts';
import { decode } from './decode.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function decodeError(bytes: Uint8Array, name: string): PipelineError {
  try {
    decode(bytes, name);
  } catch (e) {
    if (e instanceof PipelineError) return e;
    throw e;
  }
  throw new Error(`${name} decoded without error`);
}

describe('decode', () => {
  it.each(seeds())('decodes seed $name as UTF-8 without BOM, text unchanged', ({ name, bytes, text }) => {
    const d = decode(bytes, name);
    expect(d).toEqual({ encoding: 'utf-8', bom: false, text });
  });

  /** The manifest names GBK files `gbk`; we decode the whole family with the `gb18030` label. */
  const family = (label: string) => (label === 'gbk' ? 'gb18030' : label);
  const textual = encodingCases().filter((c) => c.encoding);
  it.each(textual)('detects $file as $encoding and decodes it to exactly the recorded text', (c) => {
    const d = decode(readEncoding(c.file), c.file);
    expect(d.encoding).toBe(family(c.encoding!));
    expect(d.bom).toBe(c.bom);
    expect(sha256(d.text)).toBe(c.utf8_sha256);
  });

  it.each([
    ['utf16le-bom-traditional.txt', 'utf-16le'],
    ['utf16be-bom-simplified.txt', 'utf-16be'],
  ])('recognizes %s without its BOM by the zero-byte pattern', (file, label) => {
    const withBom = readEncoding(file);
    const d = decode(withBom.subarray(2), file);
    expect(d.encoding).toBe(label);
    expect(d.text).toBe(decode(withBom, file).text);
  });

  it('refuses an empty file with code "empty"', () => {
    const e = decodeError(readEncoding('empty.txt'), 'empty.txt');
    expect([e.code, e.stage, e.message]).toEqual(['empty', 'decode', 'empty.txt: the file is empty']);
  });

  it.each(['binary-note.png', 'binary-png-named-txt.txt'])('refuses %s by content as a PNG image', (file) => {
    const e = decodeError(readEncoding(file), file);
    expect([e.code, e.message]).toEqual(['binary', `${file}: not a text file (PNG image)`]);
  });

  it('refuses bytes with NUL and no UTF-16 BOM as binary data', () => {
    expect(decodeError(Uint8Array.of(0x41, 0x00, 0x42), 'x.txt').code).toBe('binary');
  });

  it('refuses bytes that no candidate encoding decodes cleanly', () => {
    // A lone GBK lead byte at the end, then bytes invalid in UTF-8, GB18030 and Big5 alike.
    const e = decodeError(Uint8Array.of(0xc4, 0xe3, 0xff, 0xff, 0x81), 'broken.txt');
    expect([e.code, e.message]).toEqual(['unsupported-encoding', 'broken.txt: the bytes are not valid UTF-8, UTF-16, GB18030 or Big5']);
  });
});
