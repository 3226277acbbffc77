/**
 * A 10 MB import through the "choose files" input: progress is shown, the page stays responsive
 * and searches are answered while the import runs, bad files are reported per file, and every
 * good file ends indexed.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENCODINGS_DIR } from '../support/corpus.ts';
import { scaleCorpus } from '../support/scale.ts';
import { launch, openApp, screenshot, showOutcomes } from './browser.ts';

type Souwen = {
  library: { job: { running: boolean; progress: { filesDone: number; filesTotal: number } | null; outcomes: { status: string; code?: string }[] } | null; files: unknown[] };
  client: { request: (type: string, payload: unknown) => Promise<{ total: number }> };
};

let browser: Browser;
let page: Page;
let problems: string[];
const corpus = scaleCorpus(10);
const bad = [join(ENCODINGS_DIR, 'empty.txt'), join(ENCODINGS_DIR, 'binary-png-named-txt.txt'), fileURLToPath(new URL('../fixtures/undecodable.txt', import.meta.url))];
/** Legacy encodings decode without a question: GBK, Big5, UTF-16 with and without BOM. */
const legacy = ['gbk-simplified-news.txt', 'big5-traditional-news.txt', 'utf16le-bom-traditional.txt', 'gbk-tiny.txt'].map((f) => join(ENCODINGS_DIR, f));

describe('large import stays responsive', () => {
  beforeAll(async () => {
    browser = await launch();
    problems = [];
    page = await openApp(await browser.newContext(), inject('baseUrl'), problems);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(`imports ${corpus.length} files (10 MB) and 3 bad files; searches are answered mid-import`, async () => {
    await page.getByTestId('file-input').setInputFiles([...bad, ...legacy, ...corpus]);
    // Wait until the worker is a few files in, then search and type while it keeps going.
    await page.waitForFunction(() => ((globalThis as { souwen?: Souwen }).souwen?.library.job?.progress?.filesDone ?? 0) >= 10);
    // The library panel counts the files stored so far, not 0 until the import ends.
    await page.waitForFunction(() => Number(/^(\d+) 个文件/.exec(document.querySelector('[data-testid="library-counts"]')?.textContent ?? '')?.[1] ?? 0) >= 5);
    // Typed first: its results must be seen to grow before the import ends, and they grow at most
    // once a second (GROW_MS) in an import of a few seconds.
    await page.fill('input.search', '春風');
    await screenshot(page, '10-import-progress');
    expect(await page.locator('.import progress').count()).toBe(1);
    const midImport = await page.evaluate(async () => {
      const s = (globalThis as { souwen?: Souwen }).souwen!;
      const r = await s.client.request('search', { query: '明月', limit: 20, offset: 0 });
      return { total: r.total, stillRunning: s.library.job?.running === true, done: s.library.job?.progress?.filesDone };
    });
    expect(midImport.stillRunning).toBe(true);
    expect(midImport.total).toBeGreaterThan(0);
    expect(await page.inputValue('input.search')).toBe('春風');
    // The panel names what the import is doing, its rate and the time left.
    expect(await page.getByTestId('import-phase').innerText()).toMatch(/^正在(读取|索引|保存)/);
    await page.getByTestId('import-pace').waitFor();
    expect(await page.getByTestId('import-pace').innerText()).toMatch(/[KM]B\/秒 · 还需约 \d+ (秒|分钟)/);
    // The list fills and the results follow as files arrive, with nothing retyped.
    const seen = async () => page.evaluate(() => {
      const s = (globalThis as { souwen?: Souwen & { search: { total: number; answered: string } } }).souwen!;
      return { listed: s.library.files.length, total: s.search.total, running: s.library.job?.running === true };
    });
    await page.waitForFunction(() => (globalThis as { souwen?: { search: { answered: string } } }).souwen?.search.answered === '春風');
    const early = await seen();
    await page.waitForFunction(
      (before) => {
        const s = (globalThis as { souwen?: Souwen & { search: { total: number } } }).souwen!;
        return s.library.job?.running === true && s.library.files.length > before.listed && s.search.total > before.total;
      },
      early,
      { timeout: 60_000 },
    );

    await page.getByTestId('import-summary').waitFor({ timeout: 110_000 });
    const outcomes = await page.evaluate(() => (globalThis as { souwen?: Souwen }).souwen!.library.job!.outcomes);
    expect(outcomes.filter((o) => o.status === 'indexed')).toHaveLength(corpus.length + legacy.length);
    expect(outcomes.filter((o) => o.status === 'skipped').map((o) => o.code)).toEqual(['empty', 'binary', 'unsupported-encoding']);
    await showOutcomes(page);
    expect(await page.locator('.outcomes li.skipped').allInnerTexts()).toEqual([
      expect.stringContaining('已跳过：文件是空的'),
      expect.stringContaining('已跳过：不是文本文件'),
      expect.stringContaining('已跳过：编码无法识别'),
    ]);
    await screenshot(page, '11-import-done');
    // Text of each legacy-encoded file is found in that file, decoded by the browser's own TextDecoder.
    const expected: [string, string][] = [
      ['gbk-simplified-news.txt', '骁龙8Gen2'],
      ['big5-traditional-news.txt', '芯片企业'],
      ['utf16le-bom-traditional.txt', '规定时限'],
      ['gbk-tiny.txt', '简报 20221125'],
    ];
    for (const [file, query] of expected) {
      const r = await page.evaluate(
        (q) => (globalThis as { souwen?: Souwen }).souwen!.client.request('search', { query: q, limit: 0, offset: 0 }) as unknown as Promise<{ hits: { fileName: string }[] }>,
        query,
      );
      expect(r.hits.map((h) => h.fileName), query).toContain(file);
    }
    expect(problems).toEqual([]);
  });

  it('draws only the files in view, scrolls to any of them, and finds any by a filter on its name', async () => {
    const total = await page.evaluate(() => (globalThis as { souwen?: Souwen }).souwen!.library.files.length);
    expect(total).toBe(corpus.length + legacy.length);
    // Thousands of rows would take half a second to draw after every change: only a screenful is.
    const drawn = await page.locator('.files li').count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(60);
    // Scrolled to the bottom, the oldest file is drawn (the list is newest first).
    const first = corpus[0]!.split('/').pop()!;
    await page.locator('.files').evaluate((list) => list.scrollTo(0, list.scrollHeight));
    await expect.poll(() => page.locator('.files li .file-meta').allInnerTexts()).toContainEqual(expect.stringContaining(first));
    // A file by part of its name.
    const last = corpus[corpus.length - 1]!.split('/').pop()!;
    await page.fill('.file-filter', last.slice(0, -4));
    await expect.poll(() => page.locator('.files li .file-meta').allInnerTexts()).toEqual([expect.stringContaining(last)]);
    await page.fill('.file-filter', '不存在的文件名');
    await expect.poll(() => page.locator('.library .hint').innerText()).toContain('没有文件名含');
    await page.fill('.file-filter', '');
    await expect.poll(() => page.locator('.files li').count()).toBe(drawn);
    await screenshot(page, '12-library-filter');
    expect(problems).toEqual([]);
  });
});
