/**
 * What a person does around the search, on a desk and with the keyboard only: the view lives in
 * the URL (Back / Forward / reload / a shared link), keys move through results and in and out of
 * the reader, deletes can be undone, panels stay calm, the library list and the result tools
 * (order, facets, link, export, recent searches) work, and the reader's original view is marked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openApp, screenshot, searchFor } from './browser.ts';

type Souwen = {
  search: { answered: string; status: string; total: number; pinyinMatches: number; hits: { sectionId: number; date?: string; title: string }[] };
  library: { files: { id: number; title: string; sections: number }[] };
};

const SAMPLES_DIR = fileURLToPath(new URL('../../public/samples/', import.meta.url));
const SAMPLES = readdirSync(SAMPLES_DIR).filter((n) => n.endsWith('.txt'));

let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];
const base = () => inject('baseUrl');

const state = <T>(pick: (s: Souwen) => T) => page.evaluate(`(${pick.toString()})(globalThis.souwen)`) as Promise<T>;
const focused = () => page.evaluate(() => ({ tag: document.activeElement?.tagName.toLowerCase(), section: (document.activeElement as HTMLElement | null)?.dataset.sectionId, cls: document.activeElement?.className }));
const params = () => new URL(page.url()).searchParams;
const answered = (q: string) =>
  page.waitForFunction((query) => {
    const s = (globalThis as { souwen?: Souwen }).souwen?.search;
    return s?.answered === query && s.status === 'done';
  }, q);

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  page = await openApp(context, base(), problems);
  await page.getByRole('button', { name: '试用示例文档' }).click();
  await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
});
afterAll(async () => {
  await browser?.close();
});

describe('the view in the URL', () => {
  it('restores a shared link: the query searched, the search box focused, the article open', async () => {
    await page.goto(`${base()}?q=${encodeURIComponent('晶体管')}`);
    await answered('晶体管');
    expect(await page.inputValue('input.search')).toBe('晶体管');
    expect((await focused()).tag).toBe('input');
    const id = (await state((s) => s.search.hits[0]!.sectionId))!;
    await page.goto(`${base()}?q=${encodeURIComponent('晶体管')}&a=${id}`);
    await page.locator('.reader').waitFor();
    expect(await page.locator('.reader-body mark').count()).toBeGreaterThan(0);
  });

  it('Back and Forward walk through searches and in and out of the reader', async () => {
    await page.goto(base());
    await searchFor(page, '芯片');
    expect(params().get('q')).toBe('芯片');
    await page.waitForTimeout(1300); // a pause: the next query is a search of its own
    await searchFor(page, '晶体管');
    await page.locator('.hit-open').first().click();
    await page.locator('.reader').waitFor();
    expect(params().get('a')).not.toBeNull();
    await page.goBack();
    await page.locator('.reader').waitFor({ state: 'detached' });
    expect(params().get('q')).toBe('晶体管');
    await page.goForward();
    await page.locator('.reader').waitFor();
    await page.goBack();
    await page.goBack();
    await answered('芯片');
    expect(await page.inputValue('input.search')).toBe('芯片');
    await page.reload();
    await answered('芯片');
  });
});

describe('keyboard only', () => {
  it('/ and Ctrl+K focus the search box; ↓/↑ move through hits; Enter opens; Esc returns to the hit', async () => {
    await page.goto(base());
    await searchFor(page, '芯片');
    await page.locator('.library h2').click(); // focus away from the box
    await page.keyboard.press('/');
    expect((await focused()).tag).toBe('input');
    await page.locator('.library h2').click();
    await page.keyboard.press('Control+k');
    expect((await focused()).tag).toBe('input');
    const ids = (await state((s) => s.search.hits.map((h) => String(h.sectionId))))!;
    await page.keyboard.press('ArrowDown');
    expect((await focused()).section).toBe(ids[0]);
    await page.keyboard.press('ArrowDown');
    expect((await focused()).section).toBe(ids[1]);
    // A visible focus ring.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.locator('.reader').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reader-title');
    await page.keyboard.press('Escape');
    await page.locator('.reader').waitFor({ state: 'detached' });
    await expect.poll(async () => (await focused()).section).toBe(ids[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect((await focused()).tag).toBe('input');
  });

  it('a "skip to results" link, right before the search box, that moves focus to the results', async () => {
    await page.goto(`${base()}?q=${encodeURIComponent('芯片')}`);
    await answered('芯片');
    // The search box has focus on load; the link is the one control before it.
    expect((await focused()).tag).toBe('input');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    expect(await page.locator('.skip-link').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('results');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#results'))).toBe(true);
  });
});

describe('calm panels', () => {
  it('the finished import is one line, and nothing above the results moves while typing', async () => {
    await page.goto(base());
    await page.getByTestId('file-input').setInputFiles(SAMPLES.map((name) => join(SAMPLES_DIR, name)));
    await page.getByTestId('import-summary').waitFor();
    expect(await page.locator('.import').evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(90);
    expect(await page.locator('.import details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const tops: number[] = [];
    for (const q of ['芯', '芯片', '芯片 企业', 'xinpian', '没有这个词呀']) {
      await searchFor(page, q);
      tops.push(await page.locator('#results').evaluate((el) => el.getBoundingClientRect().top));
    }
    expect(new Set(tops).size).toBe(1);
    // Status floats: the toasts never take room in the page.
    expect(await page.locator('.toasts').evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
  });

  it('an empty result says what to try', async () => {
    await searchFor(page, '没有这个词呀');
    expect(await page.getByTestId('no-results').locator('li').count()).toBeGreaterThanOrEqual(2);
  });
});

describe('result tools', () => {
  it('orders by date, newest first', async () => {
    await page.goto(base());
    await searchFor(page, '芯片');
    await page.getByTestId('sort').selectOption('date');
    await expect.poll(() => params().get('sort')).toBe('date');
    // The URL changes at once; the hits when the worker answers (once, a check in between saw
    // the relevance order still).
    const dates = async () => (await state((s) => s.search.hits.map((h) => h.date ?? '')))!.filter(Boolean);
    await expect.poll(async () => {
      const shown = await dates();
      return shown.length > 1 && shown.join() === [...shown].sort().reverse().join();
    }).toBe(true);
    await page.getByTestId('sort').selectOption('relevance');
  });

  it('narrows by a facet, with counts that add up, in the URL', async () => {
    await searchFor(page, 'AI');
    const total = (await state((s) => s.search.total))!;
    const chip = page.getByTestId('facets').locator('.chip').first();
    const count = Number(await chip.locator('.count').innerText());
    await chip.click();
    await expect.poll(() => state((s) => s.search.total)).toBe(count);
    expect(count).toBeLessThan(total);
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    expect([...params().keys()].some((k) => ['source', 'year', 'folder'].includes(k))).toBe(true);
    await chip.click();
    await expect.poll(() => state((s) => s.search.total)).toBe(total);
  });

  it('copies a link that opens the hit', async () => {
    await searchFor(page, '晶体管');
    const id = (await state((s) => s.search.hits[0]!.sectionId))!;
    await page.locator('.copy-link').first().click();
    await page.getByTestId('flash').waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(link).searchParams.get('a')).toBe(String(id));
    const other = await context.newPage();
    await other.goto(link);
    await other.locator('.reader').waitFor();
    expect(await other.locator('.reader h2').innerText()).toBe((await state((s) => s.search.hits[0]!.title))!);
    await other.close();
  });

  it('exports the results as CSV and Markdown', async () => {
    await searchFor(page, '芯片');
    const total = (await state((s) => s.search.total))!;
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.startsWith('\uFEFF标题,来源,日期,链接,摘要\r\n')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(total + 1);
    const [md] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-md').click()]);
    expect(readFileSync((await md.path())!, 'utf8').split('\n').filter((l) => l.startsWith('- ['))).toHaveLength(total);
  });

  it('offers recent searches in the box, and searches one when chosen', async () => {
    await page.locator('input.search').press('Enter'); // remembered, and opens the first hit
    await page.locator('.reader').waitFor();
    await page.fill('input.search', '');
    await page.keyboard.press('ArrowDown');
    const recent = page.locator('#recent-searches [role="option"]');
    await recent.first().waitFor();
    expect(await recent.first().innerText()).toBe('芯片');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await answered('芯片');
    expect(await page.locator('#recent-searches').count()).toBe(0);
  });
});

describe('search details', () => {
  it('reads upper-case Latin as a word, not as pinyin: AI finds no 愛, ai may', async () => {
    await searchFor(page, 'AI');
    expect(await state((s) => s.search.pinyinMatches)).toBe(0);
    await searchFor(page, 'ai');
    expect(await state((s) => s.search.pinyinMatches)).toBeGreaterThan(0);
  });

  it('shows the original at the article, its matches marked, the counter counting what is marked', async () => {
    await searchFor(page, 'RISC-V');
    await page.locator('.hit-open').first().click();
    const counter = page.getByTestId('match-counter');
    await counter.waitFor();
    const cleanedMarks = await page.locator('.reader-body mark').count();
    expect(await counter.innerText()).toBe(`1 / ${cleanedMarks}`);
    await page.getByRole('button', { name: '显示原文' }).click();
    await page.locator('.article-in-original').waitFor();
    const marks = await page.locator('.reader-body.original mark').count();
    expect(marks).toBeGreaterThanOrEqual(cleanedMarks);
    const [current, total] = (await counter.innerText()).split(' / ').map(Number);
    expect(total).toBe(marks);
    // The match marked as current is inside the article, and in view.
    const currentMark = page.locator('.reader-body.original mark.current');
    expect(await currentMark.count()).toBe(1);
    expect(await currentMark.evaluate((m) => !!m.closest('.article-in-original'))).toBe(true);
    expect(await currentMark.isVisible()).toBe(true);
    const index = await page.locator('.reader-body.original mark').evaluateAll((all) => all.findIndex((m) => m.classList.contains('current')));
    expect(current).toBe(index + 1);
    await screenshot(page, 'reader-original-marked');
    await page.getByRole('button', { name: '显示整理后的文章' }).click();
    await expect.poll(() => counter.innerText()).toBe(`1 / ${cleanedMarks}`);
    expect(await page.locator('.reader-body mark.current').count()).toBe(1);
  });
});

describe('the library', () => {
  it('lists titles, sorts, groups by folder, and a click lists the file’s articles', async () => {
    await page.goto(base());
    await page.locator('.file-open').first().waitFor();
    expect(await page.locator('.file-title').allInnerTexts()).toContain('2022中國AI芯片企業50強');
    await page.getByTestId('library-sort').selectOption('size');
    const sizes = await page.locator('.file-meta').allInnerTexts();
    expect(sizes.length).toBe(5);
    await page.getByLabel('按文件夹').check();
    expect(await page.locator('.folder-row').count()).toBe(1);
    await page.getByLabel('按文件夹').uncheck();
    const file = (await state((s) => s.library.files.find((f) => f.title === '2022中國AI芯片企業50強')!))!;
    await page.locator('.file-open', { hasText: file.title }).click();
    await page.getByTestId('file-scope').waitFor();
    await expect.poll(() => page.locator('.hit').count()).toBe(file.sections);
    expect(params().get('file')).toBe(String(file.id));
    // Searching within it.
    await searchFor(page, '芯片');
    expect(await state((s) => s.search.total)).toBeLessThan(7);
    await page.getByRole('button', { name: '搜索全部文件' }).click();
    await expect.poll(() => state((s) => s.search.total)).toBe(7);
  });

  it('deletes selected files with undo, which brings them back with the same ids', async () => {
    await searchFor(page, '芯片');
    const before = (await state((s) => s.search.hits.map((h) => `${h.sectionId} ${h.title}`)))!;
    const checks = page.locator('.files li input[type="checkbox"]');
    await checks.nth(0).check();
    await checks.nth(1).check();
    await page.getByTestId('remove-selected').click();
    await page.getByTestId('undo-toast').waitFor();
    await expect.poll(() => state((s) => s.library.files.length)).toBe(3);
    await page.getByTestId('undo-toast').getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => state((s) => s.library.files.length)).toBe(5);
    await searchFor(page, '');
    await searchFor(page, '芯片');
    const debug = JSON.stringify(await page.evaluate(() => { const s = (globalThis as any).souwen; return { url: location.search, total: s.search.total, status: s.search.status, fileId: s.search.fileId, filters: s.search.filters, files: s.library.files.length }; }));
    expect(await state((s) => s.search.hits.map((h) => `${h.sectionId} ${h.title}`)), debug).toEqual(before);
    await page.reload();
    await searchFor(page, '芯片');
    expect(await state((s) => s.search.hits.map((h) => `${h.sectionId} ${h.title}`))).toEqual(before);
    expect(problems).toEqual([]);
  });
});
