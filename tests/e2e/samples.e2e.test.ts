/** The empty library offers the sample documents; one click imports all five. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openApp, screenshot } from './browser.ts';

let browser: Browser;

describe('sample documents', () => {
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('"试用示例文档" imports the five seeds, split into 23 articles, and they are searchable', async () => {
    const problems: string[] = [];
    const page = await openApp(await browser.newContext(), inject('baseUrl'), problems);
    await page.getByRole('button', { name: '试用示例文档' }).click();
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-summary').innerText()).toBe('已索引 5 个文件');
    expect(await page.locator('.library h2').innerText()).toContain('5 个文件 · 23 篇文章');
    await page.fill('input.search', 'RISC-V');
    await page.locator('.hit-title', { hasText: '索尼、瑞萨入局,谈谈日本的RISC-V生态' }).waitFor();
    await screenshot(page, '20-samples');
    expect(problems).toEqual([]);
  });
});
