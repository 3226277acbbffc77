import { describe, expect, it } from 'vitest';
import { readEncoding } from '../../../tests/support/corpus.ts';
import { detectEncoding, plausibility } from './detect-encoding.ts';

const decodeAs = (label: string, bytes: Uint8Array) => new TextDecoder(label).decode(bytes);

describe('detectEncoding', () => {
  it.each([
    ['big5-also-valid-gbk.txt', 'big5', 'gb18030', '實現算法', '龟瞷衡猭'],
    ['gbk-also-valid-big5.txt', 'gb18030', 'big5', '论文地址', '蹦恅華硊'],
  ])('picks the right one of two error-free decodings of %s', (file, right, wrong, real, garbage) => {
    const bytes = readEncoding(file);
    const d = detectEncoding(bytes)!;
    expect([d.encoding, d.reason]).toEqual([right, 'scored']);
    expect(d.text).toContain(real);
    // The trap: the wrong encoding also decodes, into rare characters.
    expect(decodeAs(wrong, bytes)).toContain(garbage);
    expect(plausibility(d.text)).toBeGreaterThan(plausibility(decodeAs(wrong, bytes)) + 0.3);
  });

  it('honours a declared <meta charset> in HTML', () => {
    expect(detectEncoding(readEncoding('big5-debian-reference-pr01.html'))).toMatchObject({ encoding: 'big5', reason: 'declared' });
    expect(detectEncoding(readEncoding('gbk-debian-reference-pr01.html'))).toMatchObject({ encoding: 'gb18030', reason: 'declared' });
  });

  it('decodes GB18030 4-byte sequences (•) with the gb18030 label', () => {
    const d = detectEncoding(readEncoding('gb18030-4byte-boilerplate.txt'))!;
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toContain('•');
  });

  it('scores real Chinese above mis-decoded bytes and text without Han as 0', () => {
    expect(plausibility('我们的数据中心')).toBe(1);
    expect(plausibility('龟瞷衡猭')).toBeLessThan(0.3);
    expect(plausibility('hello 123')).toBe(0);
  });
});
