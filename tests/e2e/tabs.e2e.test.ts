/** Two tabs open at once share the library: what one imports or removes, the other shows. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dropFiles, launch, openApp } from './browser.ts';

type Souwen = { library: { files: { name: string }[] } };

let browser: Browser;
let context: BrowserContext;
const problems: string[] = [];

const open = () => openApp(context, inject('baseUrl'), problems);

const fileCount = (page: Page, n: number) =>
  page.waitForFunction((count) => (globalThis as { souwen?: Souwen }).souwen?.library.files.length === count, n, { timeout: 20_000 });

describe('two tabs', () => {
  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('follow each other’s imports and removals without a reload', async () => {
    const first = await open();
    const second = await open();
    await first.getByRole('button', { name: '试用示例文档' }).click();
    await fileCount(second, 5);
    await dropFiles(second, [{ name: 'from-tab-two.txt', base64: Buffer.from('第二个标签页的笔记：量子纠缠').toString('base64') }]);
    await fileCount(first, 6);
    await first.fill('input.search', '量子纠缠');
    await first.locator('.hit-title').first().waitFor();
    await first.getByRole('button', { name: '删除 from-tab-two.txt' }).click();
    await fileCount(second, 5);
    const third = await open();
    expect(await third.evaluate(() => (globalThis as { souwen?: Souwen }).souwen!.library.files.length)).toBe(5);
    expect(problems).toEqual([]);
  });
});
