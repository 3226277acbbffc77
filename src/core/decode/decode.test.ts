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

  const unicode = encodingCases().filter((c) => c.encoding && /^utf-/.test(c.encoding));
  it.each(unicode)('decodes $file ($encoding) to exactly the recorded text', (c) => {
    const d = decode(readEncoding(c.file), c.file);
    expect(d.encoding).toBe(c.encoding);
    expect(d.bom).toBe(c.bom);
    expect(sha256(d.text)).toBe(c.utf8_sha256);
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

  const legacy = encodingCases().filter((c) => c.encoding && !/^utf-/.test(c.encoding));
  it.each(legacy)('refuses legacy $file ($encoding) rather than producing mojibake', (c) => {
    expect(decodeError(readEncoding(c.file), c.file).code).toBe('unsupported-encoding');
  });
});
