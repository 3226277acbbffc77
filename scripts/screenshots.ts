/**
 * The README's screenshots: the app with the sample documents, on a desk (1280×800) and a phone
 * (390×844), light and dark, results and reader. Builds the app with its test hooks, serves it,
 * drives Debian's Chromium. Run: `node --import tsx scripts/screenshots.ts [outDir]`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { launch } from '../tests/e2e/browser.ts';

const out = process.argv[2] ?? 'docs/screenshots';
mkdirSync(out, { recursive: true });
process.env.SOUWEN_TEST_HOOKS = '1';
await build({ logLevel: 'warn' });
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const base = server.resolvedUrls!.local[0]!;
const browser = await launch();

/** Screenshots show the app, not the passing "works offline" notice. */
async function calm(page: import('playwright-core').Page): Promise<void> {
  const notice = page.getByTestId('offline-ready');
  if (await notice.isVisible()) await notice.getByRole('button').click();
}

type Souwen = { library: { ready: boolean; files: unknown[] }; search: { answered: string; status: string } };
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

for (const [device, viewport] of Object.entries(VIEWPORTS)) {
  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport, colorScheme: scheme, locale: 'zh-CN', deviceScaleFactor: 1, hasTouch: device === 'phone', isMobile: device === 'phone' });
    const page = await context.newPage();
    await page.goto(base);
    await page.waitForFunction(() => (globalThis as { souwen?: Souwen }).souwen?.library.ready === true);
    await page.screenshot({ path: join(out, `${device}-${scheme}-empty.png`) });
    await page.getByRole('button', { name: '试用示例文档' }).click();
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    await page.fill('input.search', '芯片');
    await page.waitForFunction(() => {
      const s = (globalThis as { souwen?: Souwen }).souwen!.search;
      return s.answered === '芯片' && s.status === 'done';
    });
    await calm(page);
    await page.screenshot({ path: join(out, `${device}-${scheme}-results.png`) });
    await page.locator('.hit-open').first().click();
    await page.locator('.reader').waitFor();
    await page.waitForTimeout(200);
    await calm(page);
    await page.screenshot({ path: join(out, `${device}-${scheme}-reader.png`) });
    await context.close();
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
