/**
 * The main journey in Debian's Chromium against the built app: drop the five seed files,
 * search across scripts, read an article, reload and search again, remove a file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SEEDS_DIR, seeds } from '../support/corpus.ts';
import { chooseSetting, dropFiles, launch, openApp, screenshot, searchFor as searchForIn } from './browser.ts';

let browser: Browser;
let page: Page;
let problems: string[];

const searchFor = (q: string) => searchForIn(page, q);

describe('journey: drop → search → read → reload → remove', () => {
  beforeAll(async () => {
    browser = await launch();
    problems = [];
    page = await openApp(await browser.newContext({ viewport: { width: 1280, height: 900 } }), inject('baseUrl'), problems);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the empty library with the sample button', async () => {
    await screenshot(page, '01-empty');
    expect(await page.locator('.library h2').innerText()).toContain('0 个文件');
  });

  it('imports the five seeds through a real drop event, each file indexed', async () => {
    const files = seeds().map((s) => ({ name: s.name, base64: Buffer.from(readFileSync(join(SEEDS_DIR, s.name))).toString('base64') }));
    await dropFiles(page, files);
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-summary').innerText()).toBe('已索引 5 个文件');
    expect(await page.locator('.outcomes li.indexed').count()).toBe(5);
    expect(await page.locator('.library h2').innerText()).toContain('5 个文件');
    await screenshot(page, '02-imported');
  });

  it('a Simplified query finds the Traditional article, highlighted in the original script', async () => {
    const titles = await searchFor('芯片企业');
    expect(titles[0]).toBe('2022中國AI芯片企業50強');
    const marks = await page.locator('.hit').first().locator('mark').allInnerTexts();
    expect(marks).toContain('芯片企業');
    await screenshot(page, '03-search-simplified');
  });

  it('a Traditional query finds the Simplified IBM AIU article', async () => {
    const titles = await searchFor('晶體管');
    expect(titles[0]).toBe('IBM全新AIU芯片:5nm工艺,230亿晶体管!深度学习处理性能强劲!');
  });

  it('a pinyin query (xinpian) finds 芯片 articles, marked and labelled, after any literal match', async () => {
    const titles = await searchFor('xinpian');
    // Every hit is a pinyin match, so each carries the 拼音 badge.
    expect(titles).toContain('2022中國AI芯片企業50強');
    expect(await page.locator('.hit .badge').count()).toBe(titles.length);
    expect(await page.locator('.result-count').innerText()).toMatch(/按拼音匹配/);
    expect(await page.locator('.pinyin-divider').count()).toBe(1);
    const hit = page.locator('.hit', { hasText: '2022中國AI芯片企業50強' }).first();
    expect(await hit.locator('.hit-title mark').allInnerTexts()).toEqual(['芯片']);
    await screenshot(page, '07-pinyin');
  });

  it('shows text in the chosen script (简体 / 繁體) with the marks kept, and searches the same', async () => {
    await searchFor('芯片企业');
    await chooseSetting(page, 'display-script', 'hans');
    await page.locator('.hit-title', { hasText: '2022中国AI芯片企业50强' }).waitFor();
    expect(await page.locator('.hit').first().locator('.hit-title mark').allInnerTexts()).toEqual(['芯片企业']);
    await chooseSetting(page, 'display-script', 'hant-tw');
    const titles = await searchFor('晶體管');
    await page.locator('.hit-title', { hasText: '230億晶體管' }).first().waitFor();
    expect(titles.length).toBe(2);
    await screenshot(page, '06-traditional-display');
    await chooseSetting(page, 'display-script', 'original');
    await page.locator('.hit-title', { hasText: '230亿晶体管' }).first().waitFor();
  });

  it('does not search while an input method is composing, and searches the committed text', async () => {
    await searchFor('');
    const cdp = await page.context().newCDPSession(page);
    await page.focus('input.search');
    // Pinyin being typed into a Chinese IME: the input shows "xinp" but nothing is committed yet.
    await cdp.send('Input.imeSetComposition', { text: 'xin', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.imeSetComposition', { text: 'xinp', selectionStart: 4, selectionEnd: 4 });
    expect(await page.inputValue('input.search')).toBe('xinp');
    await page.waitForTimeout(300); // several debounce periods
    const during = await page.evaluate(() => {
      const s = (globalThis as { souwen?: { search: { query: string; answered: string } } }).souwen!.search;
      return { query: s.query, answered: s.answered };
    });
    expect(during).toEqual({ query: '', answered: '' });
    await cdp.send('Input.insertText', { text: '晶體管' });
    await page.waitForFunction(() => (globalThis as { souwen?: { search: { answered: string } } }).souwen?.search.answered === '晶體管');
    expect((await page.locator('.hit-title').allInnerTexts())[0]).toBe('IBM全新AIU芯片:5nm工艺,230亿晶体管!深度学习处理性能强劲!');
    await cdp.detach();
  });

  it('opens the article in the reader with every hit marked', async () => {
    await page.locator('.hit-open').first().click();
    await page.locator('.reader').waitFor();
    expect(await page.locator('.reader h2').innerText()).toBe('IBM全新AIU芯片:5nm工艺,230亿晶体管!深度学习处理性能强劲!');
    const marks = await page.locator('.reader-body mark').allInnerTexts();
    expect(marks.length).toBe(await page.evaluate(() => document.querySelectorAll('.reader-body mark').length));
    expect(marks.length).toBeGreaterThanOrEqual(3);
    expect(new Set(marks)).toEqual(new Set(['晶体管']));
    expect(await page.locator('.reader-meta a').getAttribute('rel')).toBe('noopener noreferrer');
    await screenshot(page, '04-reader');
    // "Show original" shows the file as decoded; the cleaned article comes back with its marks.
    await page.getByRole('button', { name: '显示原文' }).click();
    await page.locator('.reader-body.original').waitFor();
    expect(await page.locator('.reader-body.original').innerText()).toContain('原文标题:【AI简报20221125】');
    await page.getByRole('button', { name: '显示整理后的文章' }).click();
    expect(await page.locator('.reader-body mark').count()).toBe(marks.length);
    await page.getByText('← 返回结果').click();
  });

  it('after a reload the library is listed and searchable without re-importing', async () => {
    await page.reload();
    await page.locator('.library h2', { hasText: '5 个文件' }).waitFor();
    const titles = await searchFor('芯片企业');
    expect(titles[0]).toBe('2022中國AI芯片企業50強');
    expect(await page.locator('.import').count()).toBe(0);
    await screenshot(page, '05-after-reload');
  });

  it('removing a file removes its hits', async () => {
    expect(await searchFor('晶體管')).toContain('IBM全新AIU芯片:5nm工艺,230亿晶体管!深度学习处理性能强劲!');
    await page.getByRole('button', { name: '删除 000_0a557d132eb083d1.txt' }).click();
    await page.locator('.library h2', { hasText: '4 个文件' }).waitFor();
    const titles = await searchFor('晶體管');
    expect(titles).not.toContain('IBM全新AIU芯片:5nm工艺,230亿晶体管!深度学习处理性能强劲!');
    expect(titles).toEqual(['沒錯!真·14cm制程']);
    await page.reload();
    await page.locator('.library h2', { hasText: '4 个文件' }).waitFor();
    expect(await searchFor('晶體管')).toEqual(['沒錯!真·14cm制程']);
  });

  it('raised no console error, page error or CSP violation', () => {
    expect(problems).toEqual([]);
  });
});
