/**
 * Accessibility in Debian's Chromium against the built app: axe-core finds no violation in light
 * or dark, on a desk (1280×800) or a phone (390×844), on the empty page, the results for 芯片,
 * the reader, the open settings menu and the library (behind its tab on a phone).
 *
 * axe is evaluated through the DevTools protocol (page.evaluate with a string), which the page's
 * CSP does not govern; nothing is added to the page's own scripts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openApp, searchFor } from './browser.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const SCHEMES = ['light', 'dark'] as const;
const VIEWPORTS = [
  { name: 'desk', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe on the whole document; the violations as rule id, impact and target selectors. */
async function violations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type AxeNode = { target: unknown[] };
    type AxeResult = { id: string; impact: string | null; help: string; nodes: AxeNode[] };
    const axe = (globalThis as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: AxeResult[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' >>> ')) }));
  });
}

let browser: Browser;

describe('accessibility (axe-core): no violations', () => {
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const colorScheme of SCHEMES) {
    for (const viewport of VIEWPORTS) {
      it.concurrent(`${colorScheme}, ${viewport.name} ${viewport.width}×${viewport.height}: empty, results, reader, settings, library`, async () => {
        const problems: string[] = [];
        const context = await browser.newContext({ colorScheme, viewport: { width: viewport.width, height: viewport.height } });
        try {
          const page = await openApp(context, inject('baseUrl'), problems);
          const found: Record<string, Violation[]> = {};
          const phone = viewport.name === 'phone';

          await page.getByRole('button', { name: '试用示例文档' }).waitFor();
          found.empty = await violations(page);

          await page.getByRole('button', { name: '试用示例文档' }).click();
          await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
          expect((await searchFor(page, '芯片')).length).toBeGreaterThan(0);
          found.results = await violations(page);

          await page.locator('.hit-open').first().click();
          await page.locator('.reader h2').waitFor();
          await page.waitForFunction(() => document.activeElement?.id === 'reader-title');
          found.reader = await violations(page);

          await page.getByTestId('settings').click();
          await page.locator('#settings-panel').waitFor();
          found.settings = await violations(page);
          await page.keyboard.press('Escape');
          await page.locator('#settings-panel').waitFor({ state: 'detached' });

          if (phone) {
            await page.getByTestId('library-tab').click();
            await page.locator('.side-col .library').waitFor();
          }
          await page.locator('.library .file-open').first().waitFor();
          found.library = await violations(page);

          expect(found).toEqual({ empty: [], results: [], reader: [], settings: [], library: [] });
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }
});
