/**
 * Hostile documents (tests/fixtures/hostile/) are imported, listed, searched and read with
 * nothing executed: no dialog, no console error, no CSP violation, the markup shown as text.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dropFiles, launch, openApp, screenshot, searchFor } from './browser.ts';

const DIR = new URL('../fixtures/hostile/', import.meta.url);
const FILES = ['hostile.txt', 'hostile.html'];

let browser: Browser;
let page: Page;
let problems: string[];
const dialogs: string[] = [];


/** What must never be on the page, whatever the documents say. */
async function assertInert(): Promise<void> {
  // The app's own icons are the only SVG it draws (class "icon"), and the skip link its only in-page link.
  expect(await page.locator('main script, main img, main svg:not(.icon), main iframe').count()).toBe(0);
  const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
  expect(await page.evaluate(() => getComputedStyle(document.body).display)).not.toBe('none');
}

describe('hostile documents', () => {
  beforeAll(async () => {
    browser = await launch();
    problems = [];
    page = await openApp(await browser.newContext({ viewport: { width: 1280, height: 900 } }), inject('baseUrl'), problems, (p) => {
      p.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('imports every hostile file', async () => {
    await dropFiles(
      page,
      FILES.map((name) => ({ name, base64: readFileSync(new URL(name, DIR)).toString('base64') })),
    );
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-summary').innerText()).toBe('已索引 2 个文件');
    await assertInert();
  });

  it('shows markup in titles and snippets as literal text', async () => {
    await searchFor(page, 'script');
    const titles = await page.locator('.hit-title').allInnerTexts();
    expect(titles.some((t) => t.includes("恶意脚本测试文章<script>alert('title')</script>"))).toBe(true);
    const snippets = (await page.locator('.hit-snippet').allInnerTexts()).join('\n');
    expect(snippets).toContain("<script>alert('x')</script>");
    await assertInert();
  });

  it('reads the article with the markup, the bidi override and the template syntax as text, and no javascript: source link', async () => {
    await searchFor(page, '点我');
    await page.locator('.hit-open').first().click();
    const body = page.locator('.reader-body');
    await body.waitFor();
    // The cleaned article drops leftover tags (a converter artifact) but shows the rest as text.
    const cleaned = await body.innerText();
    expect(cleaned).toContain("<script>alert('x')</script>");
    expect(cleaned).toContain("{@html '粗体'} 和 {#each x}");
    expect(cleaned).toContain('文件名\u202egnp.exe\u202c');
    expect(await page.locator('.reader a', { hasText: '原文链接' }).count()).toBe(0);
    await assertInert();
    // "显示原文" shows the file exactly as it was: every tag, as text.
    await page.getByRole('button', { name: '显示原文' }).click();
    await page.locator('.reader-body.original').waitFor();
    const original = await page.locator('.reader-body.original').innerText();
    for (const markup of ['<img src=x onerror="alert(1)">', '<a href="javascript:alert(2)">点我</a>', '<svg onload="alert(3)"></svg>', "原文: javascript:alert('source')", "{@html '<b>粗体</b>'}"]) {
      expect(original).toContain(markup);
    }
    await screenshot(page, '40-hostile-reader');
    await assertInert();
  });

  it('reads a 10 000-character line without breaking the layout', async () => {
    await page.getByRole('button', { name: /返回|关闭/ }).first().click();
    await searchFor(page, '长行测试');
    await page.locator('.hit-open').first().click();
    await page.locator('.reader-body').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await assertInert();
  });

  it('drops scripts, styles and handlers of an HTML page and keeps its text', async () => {
    await page.getByRole('button', { name: /返回|关闭/ }).first().click();
    await searchFor(page, '链接文字');
    expect(await page.locator('.hit-title').allInnerTexts()).toContain('恶意网页标题');
    await assertInert();
  });

  it('opened no dialog and raised no console error, page error or CSP violation', () => {
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });
});
