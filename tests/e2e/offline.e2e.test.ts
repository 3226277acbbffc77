/**
 * Local-first promises in a real browser: after one visit the app loads and works with the
 * network off, and nothing is ever requested from anywhere but the app's own origin.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seeds } from '../support/corpus.ts';
import { dropFiles, launch, screenshot, searchFor, waitForLibrary, watchProblems } from './browser.ts';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
/** Every request the page, its workers and the service worker made, in order. */
const requests: string[] = [];


describe('offline and private', () => {
  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext();
    context.on('request', (r) => requests.push(r.url()));
    page = await context.newPage();
    problems = watchProblems(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('installs a service worker that precaches the app, and says it now works offline', async () => {
    await page.goto(inject('baseUrl'));
    await waitForLibrary(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.getByText('已可离线使用').waitFor();
    const manifest = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifest).toBeTruthy();
    const icons = await page.evaluate(async (href) => (await (await fetch(href)).json()).icons.map((i: { sizes: string }) => i.sizes), manifest!);
    expect(icons).toEqual(expect.arrayContaining(['192x192', '512x512']));
  });

  it('with the network off: reloads, imports by drop, and searches', async () => {
    await context.setOffline(true);
    await page.reload();
    await waitForLibrary(page);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await dropFiles(
      page,
      seeds().map((s) => ({ name: s.name, base64: Buffer.from(s.bytes).toString('base64') })),
    );
    await page.getByTestId('import-summary').waitFor();
    const titles = await searchFor(page, '芯片企业');
    expect(titles[0]).toBe('2022中國AI芯片企業50強');
    await screenshot(page, '30-offline');
    await context.setOffline(false);
  });

  it('the sample documents are cached too', async () => {
    await context.setOffline(true);
    const ok = await page.evaluate(async () => (await fetch('samples/index.json')).ok);
    expect(ok).toBe(true);
    await context.setOffline(false);
  });

  it('made no request outside its own origin during load, import and search', () => {
    const origin = new URL(inject('baseUrl')).origin;
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
  });

  it('raised no console error, page error or CSP violation', () => {
    expect(problems).toEqual([]);
  });
});
