/**
 * The backup is the person's way out: "导出备份" downloads one zip; dropped into another
 * browser profile, it gives back the same documents and the same search results. A tampered
 * backup costs only its own bad entries: everything else dropped with it is kept across a reload.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LISTED, mixedDrop, REFUSED_WORDS, RESTORED_WORDS } from '../support/tampered-backups.ts';
import { dropFiles, launch, openApp, screenshot, showOutcomes, waitForLibrary } from './browser.ts';

type Souwen = {
  library: { ready: boolean; files: { path: string; sections: number }[] };
  client: { request: (type: string, payload: unknown) => Promise<{ hits: { fileName: string; title: string }[] }> };
};

const QUERIES = ['芯片企业', '晶體管', 'RISC-V', 'xinpian', 'title:简报'];
let browser: Browser;
const problems: string[] = [];

/** A page in a profile of its own: another browser, as far as storage goes. */
const open = async () => openApp(await browser.newContext({ acceptDownloads: true }), inject('baseUrl'), problems);

async function answers(page: Page) {
  return page.evaluate(async (qs) => {
    const s = (globalThis as { souwen?: Souwen }).souwen!;
    const out: string[][] = [];
    for (const query of qs) out.push((await s.client.request('search', { query, limit: 0, offset: 0 })).hits.map((h) => `${h.fileName} · ${h.title}`));
    return { out, files: s.library.files.map((f) => `${f.path} · ${f.sections}`).sort() };
  }, QUERIES);
}

describe('library backup', () => {
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('exports the library as a zip and restores it in another profile, with the same results', async () => {
    const first = await open();
    await first.getByRole('button', { name: '试用示例文档' }).click();
    await first.getByTestId('import-summary').waitFor();
    const [download] = await Promise.all([first.waitForEvent('download'), first.getByRole('button', { name: '导出备份' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^souwen-backup-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = readFileSync((await download.path())!);
    const before = await answers(first);

    const second = await open();
    await dropFiles(second, [{ name: download.suggestedFilename(), base64: zip.toString('base64') }]);
    await second.getByTestId('import-summary').waitFor();
    expect(await second.getByTestId('import-summary').innerText()).toBe('已索引 5 个文件');
    await screenshot(second, '50-restored-from-backup');
    const after = await answers(second);
    expect(after.files).toEqual(before.files);
    expect(after.out).toEqual(before.out);
    expect(before.out.flat().length).toBeGreaterThan(5);
    expect(problems).toEqual([]);
  });

  it('keeps good files and valid backup entries dropped with tampered backups, also after a reload', async () => {
    const page = await open();
    await dropFiles(page, mixedDrop().map((f) => ({ name: f.path, base64: Buffer.from(f.bytes).toString('base64') })));
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-summary').innerText()).toBe('已索引 7 个文件，跳过 4 个');
    await showOutcomes(page);
    const outcomes = await page.locator('.outcomes').innerText();
    expect(outcomes).toContain('文库备份的清单（souwen-library.json）无法读取');
    expect(outcomes).toContain('文库备份中的这一项已损坏');
    await screenshot(page, '51-tampered-backups');
    const library = async () => {
      const words = [...RESTORED_WORDS, ...REFUSED_WORDS, '骁龙8Gen2', '芯片企业'];
      return page.evaluate(async (qs) => {
        const s = (globalThis as { souwen?: Souwen }).souwen!;
        const found: Record<string, string[]> = {};
        for (const query of qs) found[query] = (await s.client.request('search', { query, limit: 0, offset: 0 })).hits.map((h) => h.fileName);
        return { found, files: s.library.files.map((f) => f.path).sort() };
      }, words);
    };
    const expected = {
      files: LISTED,
      found: Object.fromEntries([...RESTORED_WORDS.map((w) => [w, [`notes/${w}.txt`]]), ...REFUSED_WORDS.map((w) => [w, []]), ['骁龙8Gen2', ['first.txt']], ['芯片企业', ['last.txt']]]),
    };
    expect(await library()).toEqual(expected);
    await page.reload();
    await waitForLibrary(page, 60_000);
    expect(await library()).toEqual(expected);
    expect(problems).toEqual([]);
  });
});
