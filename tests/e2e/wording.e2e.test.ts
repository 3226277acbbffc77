/**
 * In the browser: regional wording matches are labelled 用词 and marked on the words that matched,
 * and can be switched off; a Simplified and a Traditional copy of one article are both kept and
 * listed once, with 另见.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dropFiles, launch, openApp, openSettings, screenshot } from './browser.ts';

const utf8 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
/** Long enough for the copies to be recognized by their sketch, not only by equal text. */
const ARTICLE = '这个程序读取字节序列，然后把结果写入文件。内存不足时，软件会提示你关闭其他程序。';
const ARTICLE_TW = '這個程序讀取字節序列，然後把結果寫入文件。內存不足時，軟件會提示你關閉其他程序。';

let browser: Browser;

describe('wording matches and copies in two scripts', () => {
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('labels 用词 hits, marks the matched words, switches them off, and lists a two-script copy once with 另见', async () => {
    const problems: string[] = [];
    const page = await openApp(await browser.newContext(), inject('baseUrl'), problems);
    await dropFiles(page, [
      { name: 'cn.txt', base64: utf8(ARTICLE) },
      { name: 'tw-copy.txt', base64: utf8(ARTICLE_TW) },
      { name: 'tw-note.txt', base64: utf8('請開啟檔案，記憶體不足時系統會變慢。') },
      { name: 'cn-note.txt', base64: utf8('请把档案交给我。') },
    ]);
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-summary').innerText()).toBe('已索引 4 个文件');

    // 文件: literal in the article (and its Traditional copy, folded into it), wording in the Taiwan note.
    await page.fill('input.search', '文件');
    const wordingHit = page.locator('.hit', { hasText: 'tw-note.txt' });
    await wordingHit.locator('.badge.wording').waitFor();
    expect(await wordingHit.locator('.badge.wording').innerText()).toBe('用词：檔案');
    expect(await wordingHit.locator('.hit-snippet mark').allInnerTexts()).toEqual(['檔案']);
    expect(await page.locator('.hit', { hasText: 'cn-note.txt' }).count()).toBe(0);
    // The two copies of the article are one hit, whichever leads.
    expect(await page.locator('.hit').count()).toBe(2);
    expect(['另见：tw-copy.txt', '另见：cn.txt']).toContain(await page.locator('.hit .also-in').innerText());
    expect(await page.locator('.result-count').innerText()).toContain('其中 1 篇按地区用词匹配');
    await screenshot(page, '30-wording');

    // Opened, the reader marks the words that matched.
    await wordingHit.locator('.hit-open').click();
    await page.locator('.reader mark').first().waitFor();
    expect(await page.locator('.reader mark').allInnerTexts()).toEqual(['檔案']);

    // Switched off: only literal hits; the choice survives a reload.
    await page.fill('input.search', '');
    await openSettings(page);
    await page.getByLabel('地区用词').uncheck();
    await page.fill('input.search', '文件');
    await page.locator('.hit .also-in').waitFor();
    await expect.poll(() => page.locator('.hit').count()).toBe(1);
    await page.reload();
    await openSettings(page);
    expect(await page.getByLabel('地区用词').isChecked()).toBe(false);
    expect(problems).toEqual([]);
  });
});
