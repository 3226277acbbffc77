/**
 * A 10 MB import through the "choose files" input: progress is shown, the page stays responsive
 * and searches are answered while the import runs, bad files are reported per file, and every
 * good file ends indexed.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import { ENCODINGS_DIR } from '../support/corpus.ts';
import { scaleCorpus } from '../support/scale.ts';
import { launch, screenshot, watchProblems } from './browser.ts';

type Souwen = {
  library: { job: { running: boolean; progress: { filesDone: number; filesTotal: number } | null; outcomes: { status: string; code?: string }[] } | null; files: unknown[] };
  client: { request: (type: string, payload: unknown) => Promise<{ total: number }> };
};

let browser: Browser;
let page: Page;
let problems: string[];
const corpus = scaleCorpus(10);
const bad = ['empty.txt', 'binary-png-named-txt.txt', 'gbk-simplified-news.txt'].map((f) => join(ENCODINGS_DIR, f));

describe('large import stays responsive', () => {
  beforeAll(async () => {
    browser = await launch();
    page = await (await browser.newContext()).newPage();
    problems = watchProblems(page);
    await page.goto(inject('baseUrl'));
    await page.getByText('试用示例文档').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(`imports ${corpus.length} files (10 MB) and 3 bad files; searches are answered mid-import`, async () => {
    await page.getByTestId('file-input').setInputFiles([...bad, ...corpus]);
    // Wait until the worker is a few files in, then search and type while it keeps going.
    await page.waitForFunction(() => ((globalThis as { souwen?: Souwen }).souwen?.library.job?.progress?.filesDone ?? 0) >= 10);
    await screenshot(page, '10-import-progress');
    expect(await page.locator('.import progress').count()).toBe(1);
    const midImport = await page.evaluate(async () => {
      const s = (globalThis as { souwen?: Souwen }).souwen!;
      const r = await s.client.request('search', { query: '明月', limit: 20, offset: 0 });
      return { total: r.total, stillRunning: s.library.job?.running === true, done: s.library.job?.progress?.filesDone };
    });
    expect(midImport.stillRunning).toBe(true);
    expect(midImport.total).toBeGreaterThan(0);
    await page.fill('input.search', '春風');
    expect(await page.inputValue('input.search')).toBe('春風');

    await page.getByTestId('import-summary').waitFor({ timeout: 110_000 });
    const outcomes = await page.evaluate(() => (globalThis as { souwen?: Souwen }).souwen!.library.job!.outcomes);
    expect(outcomes.filter((o) => o.status === 'indexed')).toHaveLength(corpus.length);
    expect(outcomes.filter((o) => o.status === 'skipped').map((o) => o.code)).toEqual(['empty', 'binary', 'unsupported-encoding']);
    expect(await page.locator('.outcomes li.skipped').allInnerTexts()).toEqual([
      expect.stringContaining('已跳过：文件是空的'),
      expect.stringContaining('已跳过：不是文本文件'),
      expect.stringContaining('已跳过：编码无法识别'),
    ]);
    await screenshot(page, '11-import-done');
    expect(problems).toEqual([]);
  });
});
