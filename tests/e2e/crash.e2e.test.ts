/**
 * The worker never dies on bad input; if it dies anyway (an uncaught error thrown inside it
 * here), the app restarts it, reloads the library from IndexedDB and says which file it was on.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { scaleCorpus } from '../support/scale.ts';
import { launch, openApp, screenshot } from './browser.ts';

type Souwen = {
  library: { files: unknown[]; job: { running: boolean; progress: { filesDone: number } | null } | null };
  client: { request: (type: string, payload: unknown) => Promise<{ total: number }> };
};

let browser: Browser;
let page: Page;
let problems: string[];
const corpus = scaleCorpus(10).slice(0, 300);

describe('worker crash', () => {
  beforeAll(async () => {
    browser = await launch();
    problems = [];
    page = await openApp(await browser.newContext(), inject('baseUrl'), problems);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('restarts the worker mid-import, names the file, and keeps every file stored before', async () => {
    await page.getByTestId('file-input').setInputFiles(corpus);
    await page.waitForFunction(() => ((globalThis as { souwen?: Souwen }).souwen?.library.job?.progress?.filesDone ?? 0) >= 20);
    const [worker] = page.workers().filter((w) => w.url().includes('indexer'));
    expect(worker).toBeDefined();
    await worker!.evaluate(() => {
      setTimeout(() => {
        throw new Error('simulated crash');
      });
    });
    await page.getByText('导入中断：处理').waitFor();
    expect(await page.getByText('导入中断：处理').innerText()).toMatch(/处理“.+\.txt”时索引程序意外停止/);
    await page.getByText('索引程序意外停止，已重新启动并重新载入文库').waitFor();
    await page.waitForFunction(() => ((globalThis as { souwen?: Souwen }).souwen?.library.files.length ?? 0) >= 20);
    const total = await page.evaluate(() => (globalThis as { souwen?: Souwen }).souwen!.client.request('search', { query: '月', limit: 20, offset: 0 }));
    expect(total.total).toBeGreaterThan(0);
    await screenshot(page, '60-worker-restarted');
    // The only error is the one thrown on purpose.
    expect(problems.filter((p) => !p.includes('simulated crash'))).toEqual([]);
  });
});
