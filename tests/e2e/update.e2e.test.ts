/**
 * A deployment the way a person hosts it: the built site copied to a sub-path of a plain static
 * server. It works there, and when a new version is deployed the app says so and waits: it
 * reloads only when the person clicks “重新加载”.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, searchFor, waitForLibrary, watchProblems } from './browser.ts';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const SUB_PATH = '/apps/souwen/';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

let root: string;
let server: Server;
let base: string;
let browser: Browser;
let page: Page;
let problems: string[];

/** A static server reading from disk on every request, as a real host serves a new deployment. */
function serve(dir: string): Promise<Server> {
  const s = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(SUB_PATH)) return void res.writeHead(404).end();
    const file = normalize(join(dir, path.slice(SUB_PATH.length) || 'index.html'));
    try {
      const body = readFileSync(file.endsWith('/') ? join(file, 'index.html') : file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}

describe('static hosting at a sub-path, and updates', () => {
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'souwen-site-'));
    cpSync(DIST, root, { recursive: true });
    server = await serve(root);
    const address = server.address() as { port: number };
    base = `http://127.0.0.1:${address.port}${SUB_PATH}`;
    browser = await launch();
    page = await (await browser.newContext()).newPage();
    problems = watchProblems(page);
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('works from a sub-path: loads, imports the samples, searches', async () => {
    await page.goto(base);
    await waitForLibrary(page);
    await page.getByRole('button', { name: '试用示例文档' }).click();
    await page.getByTestId('import-summary').waitFor();
    expect((await searchFor(page, '芯片企业'))[0]).toBe('2022中國AI芯片企業50強');
    await page.evaluate(() => navigator.serviceWorker.ready);
  });

  it('announces a new version and waits for the person to reload', async () => {
    // Mark this page: a reload would lose the mark.
    await page.evaluate(() => ((globalThis as { untouched?: boolean }).untouched = true));
    // Deploy a "new version": any byte change to the service worker makes it one.
    writeFileSync(join(root, 'sw.js'), `${readFileSync(join(root, 'sw.js'), 'utf8')}\n// deployed again\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.getByText('有新版本可用').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (globalThis as { untouched?: boolean }).untouched)).toBe(true);

    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '重新加载' }).click()]);
    await waitForLibrary(page);
    expect(await page.evaluate(() => (globalThis as { untouched?: boolean }).untouched)).toBeUndefined();
    expect(await page.getByText('有新版本可用').count()).toBe(0);
    // The library survived the update.
    expect((await searchFor(page, '芯片企业'))[0]).toBe('2022中國AI芯片企業50強');
    expect(problems).toEqual([]);
  });
});
