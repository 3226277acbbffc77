/**
 * A zip with GBK, Big5 and UTF-16 files and a PNG, dropped on the page: each text file is
 * decoded by the browser's own TextDecoder and found; the PNG gets its reason.
 */
import { zipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readEncoding } from '../support/corpus.ts';
import { dropFiles, launch, openApp, screenshot, showOutcomes } from './browser.ts';

let browser: Browser;

describe('zip drop', () => {
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('indexes every decodable entry and reports the PNG', async () => {
    const problems: string[] = [];
    const page = await openApp(await browser.newContext(), inject('baseUrl'), problems);
    const zip = zipSync({
      '资料/gbk-news.txt': readEncoding('gbk-simplified-news.txt'),
      '资料/big5-news.txt': readEncoding('big5-traditional-news.txt'),
      '资料/utf16-manpage.txt': readEncoding('utf16le-bom-traditional.txt'),
      '资料/gbk-also-valid-big5.txt': readEncoding('gbk-also-valid-big5.txt'),
      '资料/big5-also-valid-gbk.txt': readEncoding('big5-also-valid-gbk.txt'),
      '资料/gb18030-4byte.txt': readEncoding('gb18030-4byte-boilerplate.txt'),
      '资料/icon.png': readEncoding('binary-note.png'),
    });
    await dropFiles(page, [{ name: '资料.zip', base64: Buffer.from(zip).toString('base64') }]);
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-summary').innerText()).toBe('已索引 6 个文件，跳过 1 个');
    await showOutcomes(page);
    expect(await page.locator('.outcomes li.skipped').innerText()).toContain('资料.zip/资料/icon.png');
    for (const [query, path] of [
      ['骁龙8Gen2', '资料.zip/资料/gbk-news.txt'],
      ['芯片企业', '资料.zip/资料/big5-news.txt'],
      ['规定时限', '资料.zip/资料/utf16-manpage.txt'],
      ['论文地址', '资料.zip/资料/gbk-also-valid-big5.txt'],
      ['实现算法', '资料.zip/资料/big5-also-valid-gbk.txt'],
      ['swin transformer', '资料.zip/资料/gb18030-4byte.txt'],
    ]) {
      await page.fill('input.search', query!);
      await page.locator('.hit-file', { hasText: path! }).first().waitFor();
    }
    await screenshot(page, '30-zip');
    expect(problems).toEqual([]);
  });
});
