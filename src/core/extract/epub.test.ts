import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ingestMany } from '../pipeline.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const chapter = (title: string, body: string) =>
  utf8(`<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>${title}</title></head><body><h1>${title}</h1><p>${body}</p></body></html>`);

/** A minimal EPUB: the spine order (ch2 before ch1) differs from the file names on purpose. */
function epub(): Uint8Array {
  return zipSync({
    mimetype: utf8('application/epub+zip'),
    'META-INF/container.xml': utf8('<?xml version="1.0"?><container><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'),
    'OEBPS/content.opf': utf8(`<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <metadata><dc:title>三體</dc:title></metadata>
      <manifest><item id="c1" href="text/ch1.xhtml" media-type="application/xhtml+xml"/><item id="c2" href="text/ch2.xhtml" media-type="application/xhtml+xml"/><item id="css" href="style.css" media-type="text/css"/></manifest>
      <spine><itemref idref="c2"/><itemref idref="c1"/></spine></package>`),
    'OEBPS/text/ch1.xhtml': chapter('第二章 寂靜的春天', '葉文潔看著窗外。'),
    'OEBPS/text/ch2.xhtml': chapter('第一章 瘋狂年代', '紅岸基地的天線。'),
    'OEBPS/style.css': utf8('p{}'),
  });
}

describe('EPUB', () => {
  it('reads chapters in spine order as sections, with the book title as their source', () => {
    const [result] = ingestMany(epub(), 'books/三體.epub');
    if (!result || 'error' in result) throw new Error(JSON.stringify(result));
    expect(result.file.sections.map(({ title, source }) => ({ title, source }))).toEqual([
      { title: '第一章 瘋狂年代', source: '三體' },
      { title: '第二章 寂靜的春天', source: '三體' },
    ]);
    expect(result.file.sections[0]!.text).toBe('# 第一章 瘋狂年代\n紅岸基地的天線。\n');
  });

  it('refuses an EPUB without its container as a broken archive', () => {
    const [result] = ingestMany(zipSync({ 'a.xhtml': utf8('<p>x</p>') }), 'bad.epub');
    expect(result && 'error' in result && [result.error.code, result.error.message]).toEqual([
      'broken-archive',
      'bad.epub: the EPUB lacks META-INF/container.xml',
    ]);
  });
});
