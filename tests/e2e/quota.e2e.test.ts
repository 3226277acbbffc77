/**
 * A small storage quota (set through the DevTools protocol): the import fills it, the files that
 * do not fit are reported “存储空间已满”, everything stored stays searchable, and after a reload
 * the library is the same.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { scaleCorpus } from '../support/scale.ts';
import { launch, openApp, screenshot, searchFor, showOutcomes, waitForLibrary } from './browser.ts';

type Souwen = {
  library: { files: { name: string; sections: number }[]; sections: number; job: { running: boolean; outcomes: { status: string; code?: string; path: string }[] } | null };
};

const QUOTA = 6_000_000;
const corpus = scaleCorpus(10).slice(0, 400);
let browser: Browser;
let page: Page;
let problems: string[];

const libraryOf = (p: Page) =>
  p.evaluate(() => {
    const l = (globalThis as { souwen?: Souwen }).souwen!.library;
    return { names: l.files.map((f) => f.name).sort(), sections: l.sections };
  });

describe('storage quota', () => {
  beforeAll(async () => {
    browser = await launch();
    const context = await browser.newContext();
    problems = [];
    page = await openApp(context, inject('baseUrl'), problems, async (p) => {
      const cdp = await context.newCDPSession(p);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(inject('baseUrl')).origin, quotaSize: QUOTA });
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(`fills a ${QUOTA / 1e6} MB quota: reports the files that do not fit, keeps the rest, stays usable`, async () => {
    await page.getByTestId('file-input').setInputFiles(corpus);
    await page.getByTestId('import-summary').waitFor({ timeout: 110_000 });
    const outcomes = await page.evaluate(() => (globalThis as { souwen?: Souwen }).souwen!.library.job!.outcomes);
    const indexed = outcomes.filter((o) => o.status === 'indexed');
    const full = outcomes.filter((o) => o.status === 'skipped' && o.code === 'storage-full');
    expect(indexed.length).toBeGreaterThan(10);
    expect(full.length).toBeGreaterThan(10);
    expect(indexed.length + full.length).toBe(corpus.length);
    await showOutcomes(page);
    expect(await page.locator('.outcomes li.skipped').first().innerText()).toContain('存储空间已满');
    expect(await page.locator('.notice.error').innerText()).toContain(`存储空间已满：${full.length} 个文件未能保存`);
    await screenshot(page, '70-quota-full');
    const before = await libraryOf(page);
    expect(before.names).toEqual(indexed.map((o) => o.path.split('/').pop()!).sort());
    expect((await searchFor(page, '月')).length).toBeGreaterThan(0);

    await page.reload();
    await waitForLibrary(page);
    expect(await libraryOf(page)).toEqual(before);
    expect(problems).toEqual([]);
  });
});
