import { describe, expect, it } from 'vitest';
import { readEncoding } from '../../../tests/support/corpus.ts';
import { decode } from '../decode/decode.ts';
import { ingest } from '../pipeline.ts';
import { growthRatio, LINEAR_BOUND } from '../../../tests/support/linear.ts';
import { extractHtml } from './html.ts';
import { flattenDeepHtml } from './html-depth.ts';

describe('extractHtml', () => {
  it('keeps text and headings, drops script, style, nav, header, footer and aside', () => {
    const html = `<html><head><title>测试页</title><style>p{color:red}</style><script>alert("x")</script></head>
      <body><header>网站导航</header><nav><a href="/">首页</a></nav>
      <h1>芯片 &amp; 系统</h1><p>第一段<b>加粗</b>文字。</p><aside>广告</aside>
      <h2>第二节</h2><p>第二段</p><pre>  保留
  空白</pre><footer>版权所有</footer></body></html>`;
    expect(extractHtml(html)).toEqual({
      title: '测试页',
      text: '# 芯片 & 系统\n第一段加粗文字。\n## 第二节\n第二段\n  保留\n  空白\n',
    });
  });

  it('joins Chinese text broken across source lines without inserting a space, as a browser renders it', () => {
    expect(extractHtml('<p>中文句子在源码里\n    被折行了, and English\nwords keep a space</p>').text).toBe('中文句子在源码里被折行了, and English words keep a space\n');
  });

  it('falls back to the first h1 for the title', () => {
    expect(extractHtml('<h1>标题</h1><p>正文</p>').title).toBe('标题');
  });
});

describe('HTML through the pipeline', () => {
  it.each([
    ['big5-debian-reference-pr01.html', 'big5', '2. 什麼是 Debian'],
    ['gbk-debian-reference-pr01.html', 'gb18030', '2. 什么是 Debian'],
  ])('%s: declared charset honoured, headings become sections', (file, encoding, heading) => {
    const bytes = readEncoding(file);
    const result = ingest(bytes, file);
    expect(result.encoding).toBe(encoding);
    expect(result.sections.map((s) => s.title)).toContain(heading);
    const section = result.sections.find((s) => s.title === heading)!;
    expect(section.text).toMatch(/Debian/);
    expect(section.text).not.toMatch(/<[a-z]|&#\d+;|&nbsp;/);
    expect(decode(bytes, file).text).toContain('<meta');
  });
});

describe('deeply nested markup', () => {
  it.each([
    ['nested div', (n: number) => `${'<div>'.repeat(n)}正文`],
    ['nested list items', (n: number) => `${'<ul><li>'.repeat(n)}正文`],
    ['nested paragraphs and bold', (n: number) => `${'<p><b>'.repeat(n)}正文`],
    ['unmatched closing tags', (n: number) => `${'</div>'.repeat(n)}正文`],
  ])('%s: read in linear time (16× the tags, well under 40× the time), text kept', (_, make) => {
    expect(extractHtml(make(16 * 6250)).text).toContain('正文');
    expect(growthRatio((n) => () => extractHtml(make(n)), 6250)).toBeLessThan(LINEAR_BOUND);
  });

  it('keeps the text and the line breaks of tags beyond the depth it tracks', () => {
    const deep = `${'<div>'.repeat(300)}<p>第一段</p><p>第二段</p>${'</div>'.repeat(300)}<p>后记</p>`;
    expect(extractHtml(deep).text).toBe('第一段\n第二段\n后记\n');
  });

  it('leaves ordinary pages, scripts and comments as they are', () => {
    const page = '<html><head><title>题</title><script>if (a<b) x();</script></head><body><!-- <div> --><p>文</p></body></html>';
    expect(flattenDeepHtml(page)).toBe(page);
  });
});
