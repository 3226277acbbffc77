import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM } from './global-setup.ts';

/** Flags for Debian's Chromium in this sandbox: no GPU, no background network traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** The browser language of a test's pages unless it names its own (the language tests do). */
export const DEFAULT_LOCALE = 'zh-CN';

export const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url));

/**
 * Debian's Chromium, whose new contexts and pages prefer 简体中文 (the interface most tests read)
 * unless they are given a `locale`.
 */
export async function launch(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ locale: DEFAULT_LOCALE, ...options });
  browser.newPage = (options = {}) => newPage({ locale: DEFAULT_LOCALE, ...options });
  return browser;
}

/** Records console errors, page errors and CSP violations, which every journey asserts are absent. */
export function watchProblems(page: Page, problems: string[] = []): string[] {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage: false });
}

/**
 * Drops files on the page through a real `drop` event carrying a DataTransfer, as a person
 * dragging files from their desktop would (dragenter, dragover, drop on the document body).
 */
export async function dropFiles(page: Page, files: { name: string; base64: string }[]): Promise<void> {
  await page.evaluate(async (list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: 'text/plain' }));
    }
    const target = document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, files);
}

/** Waits until the app has loaded its library (the worker answered `init`). */
export async function waitForLibrary(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => (globalThis as { souwen?: { library: { ready: boolean } } }).souwen?.library.ready === true, undefined, { timeout });
}

/**
 * Opens the app in a new page of `context`, records its problems into `problems`, waits for the library.
 * @param prepare runs on the new page before it loads the app (dialog handlers, a storage quota)
 */
export async function openApp(context: BrowserContext, baseUrl: string, problems: string[], prepare?: (page: Page) => Promise<void> | void): Promise<Page> {
  const page = await context.newPage();
  watchProblems(page, problems);
  await prepare?.(page);
  await page.goto(baseUrl);
  await waitForLibrary(page, 60_000);
  return page;
}

/** Types a query in the search box and waits for its answer; returns the hit titles shown. */
export async function searchFor(page: Page, q: string): Promise<string[]> {
  await page.fill('input.search', q);
  await page.waitForFunction(
    (query) => {
      const s = (globalThis as { souwen?: { search: { answered: string; status: string } } }).souwen?.search;
      return s?.answered === query && s.status === (query.trim() ? 'done' : 'idle');
    },
    q,
  );
  return page.locator('.hit-title').allInnerTexts();
}

/** Chooses `value` in the settings menu's select `testId` (the menu is opened first when closed). */
export async function chooseSetting(page: Page, testId: 'display-script' | 'language', value: string): Promise<void> {
  await openSettings(page);
  await page.getByTestId(testId).selectOption(value);
}

/** Opens the finished import's per-file outcomes (folded into one line when the import ends). */
export async function showOutcomes(page: Page): Promise<void> {
  const details = page.locator('.import details');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
}

/** Opens the settings menu when it is closed. */
export async function openSettings(page: Page): Promise<void> {
  if ((await page.getByTestId('settings').getAttribute('aria-expanded')) !== 'true') await page.getByTestId('settings').click();
}
