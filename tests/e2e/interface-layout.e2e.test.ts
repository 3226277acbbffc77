/**
 * The app on a phone and a desk, light and dark, in four interface languages: no sideways
 * scrolling at 320, 360 and 390 px in any state, touch targets of 44 px, the theme following the
 * system with a remembered switch, the interface language chosen from the browser and
 * switchable, and document text carrying the `lang` of its script.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chooseSetting, launch, openApp, openSettings, screenshot, searchFor, showOutcomes } from './browser.ts';

let browser: Browser;
const problems: string[] = [];
const baseUrl = () => inject('baseUrl');

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A phone of `width` px: touch, mobile viewport. */
function phone(width: number, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width, height: 780 }, hasTouch: true, isMobile: true, ...options });
}

async function loadSamples(page: Page): Promise<void> {
  await page.getByRole('button', { name: '试用示例文档' }).click();
  await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
}

/** How far the page scrolls sideways (0 when it fits). */
const sideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * Controls in view smaller than 44×44 px (a checkbox counts by its label, which takes its taps).
 * Each is named by its text or label, so a failure says which.
 */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && getComputedStyle(el).visibility !== 'hidden';
    };
    const targets = [...document.querySelectorAll('button, select, a[href], input:not([type="checkbox"]), label:has(> input[type="checkbox"])')];
    return targets
      .filter((el) => visible(el) && !el.closest('.reader-body, .skip-link'))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width < 43.5 || r.height < 43.5;
      })
      .map((el) => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`);
  });
}

describe('on a phone', () => {
  for (const width of [320, 360, 390]) {
    it(`fits ${width} px in every state, with 44 px touch targets`, async () => {
      const context = await phone(width);
      const page = await openApp(context, baseUrl(), problems);
      const states: Record<string, { scroll: number; small: string[] }> = {};
      const record = async (state: string) => {
        states[state] = { scroll: await sideScroll(page), small: await smallTargets(page) };
        if (width === 390) await screenshot(page, `phone-${width}-${state}`);
      };
      await record('empty');
      await loadSamples(page);
      await record('imported');
      await showOutcomes(page);
      await record('import-report');
      await searchFor(page, '芯片');
      await record('results');
      await page.locator('.hit-open').first().click();
      await page.locator('.reader').waitFor();
      await record('reader');
      await page.getByRole('button', { name: '显示原文' }).click();
      await page.locator('.reader-body.original').waitFor();
      await record('original');
      await page.keyboard.press('Escape');
      await page.getByTestId('library-tab').click();
      await page.locator('.library .files li').first().waitFor();
      await record('library');
      await openSettings(page);
      await record('settings');
      expect(states).toEqual(Object.fromEntries(Object.keys(states).map((s) => [s, { scroll: 0, small: [] }])));
      // Touch screens are told to tap, not to drag files.
      expect(await page.locator('.pickers .hint').innerText()).toBe('点按选择要搜索的文档');
      await context.close();
    });
  }

  it('keeps the library behind a tab, and a click on a file shows its articles', async () => {
    const context = await phone(390);
    const page = await openApp(context, baseUrl(), problems);
    await loadSamples(page);
    expect(await page.locator('.side-col').isVisible()).toBe(false);
    await page.getByTestId('library-tab').click();
    expect(await page.locator('.primary-col').isVisible()).toBe(false);
    await page.locator('.file-open', { hasText: '2022中國AI芯片企業50強' }).click();
    await page.getByTestId('file-scope').waitFor();
    expect(await page.locator('.primary-col').isVisible()).toBe(true);
    await expect.poll(() => page.locator('.hit').count()).toBe(9);
    await context.close();
  });
});

/** The page's background colour's relative luminance (0 black … 1 white). */
const luminance = (page: Page) =>
  page.evaluate(() => {
    const [r, g, b] = getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g)!.map(Number);
    const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
  });

describe('colour scheme', () => {
  it('follows the system, and a chosen theme is kept across reloads until "system" is chosen again', async () => {
    const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1280, height: 800 } });
    const page = await openApp(context, baseUrl(), problems);
    expect(await luminance(page)).toBeLessThan(0.05);
    await loadSamples(page);
    await searchFor(page, '芯片');
    await screenshot(page, 'desktop-dark-results');
    // Highlights stay readable in the dark: light text on a dark yellow.
    const mark = await page.locator('.hit-snippet mark').first().evaluate((m) => getComputedStyle(m).color);
    expect(mark).toBe('rgb(255, 255, 255)');
    await openSettings(page);
    await page.locator('[data-theme-choice="light"]').click();
    expect(await luminance(page)).toBeGreaterThan(0.8);
    await page.reload();
    expect(await luminance(page)).toBeGreaterThan(0.8);
    await openSettings(page);
    await page.locator('[data-theme-choice="system"]').click();
    expect(await luminance(page)).toBeLessThan(0.05);
    await context.close();
  });

  it('is light on a light system', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await openApp(context, baseUrl(), problems);
    expect(await luminance(page)).toBeGreaterThan(0.8);
    await context.close();
  });
});

describe('interface language', () => {
  const cases = [
    { locale: 'zh-CN', lang: 'zh-Hans', settings: '设置', samples: '试用示例文档' },
    { locale: 'zh-TW', lang: 'zh-Hant-TW', settings: '設定', samples: /試用/ },
    { locale: 'zh-HK', lang: 'zh-Hant-HK', settings: '設定', samples: /試用/ },
    { locale: 'en-US', lang: 'en', settings: 'Settings', samples: /sample/i },
  ] as const;
  for (const c of cases) {
    it(`is chosen from the browser's ${c.locale}, with <html lang="${c.lang}">, and its help examples find something`, async () => {
      const context = await browser.newContext({ locale: c.locale });
      const page = await openApp(context, baseUrl(), problems);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(c.lang);
      expect((await page.getByTestId('settings').innerText()).trim()).toContain(c.settings);
      await page.getByRole('button', { name: c.samples }).click();
      await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
      // Every example of the help, clicked, finds articles in the samples.
      await searchFor(page, '');
      const examples = await page.locator('.search-help .example').allInnerTexts();
      expect(examples.length).toBeGreaterThan(8);
      const found: Record<string, number> = {};
      for (const example of examples) {
        await searchFor(page, '');
        await page.locator('.search-help .example', { hasText: example }).first().click();
        await page.waitForFunction((q) => (globalThis as { souwen?: { search: { answered: string; status: string } } }).souwen?.search.answered === q, example);
        found[example] = await page.evaluate(() => (globalThis as { souwen?: { search: { total: number } } }).souwen!.search.total);
      }
      expect(Object.entries(found).filter(([, n]) => n === 0)).toEqual([]);
      await screenshot(page, `language-${c.locale}`);
      await context.close();
    });
  }

  it('switches at once, and is remembered', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await openApp(context, baseUrl(), problems);
    await chooseSetting(page, 'language', 'en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.getByTestId('settings').innerText()).toContain('Settings');
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await context.close();
  });
});

describe('document text', () => {
  it('carries the lang of its script, as written or as converted (Taiwan, Hong Kong), in the reader line too', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await openApp(context, baseUrl(), problems);
    await page.getByRole('button', { name: /sample/i }).click();
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    await searchFor(page, '芯片企业');
    const langOf = (title: string) => page.locator('.hit-title', { hasText: title }).first().getAttribute('lang');
    expect(await langOf('2022中國AI芯片企業50強')).toBe('zh-Hant');
    await searchFor(page, '晶体管');
    expect(await langOf('IBM全新AIU芯片')).toBe('zh-Hans');
    await chooseSetting(page, 'display-script', 'hant-hk');
    await page.locator('.hit-title', { hasText: '晶體管' }).first().waitFor();
    expect(await langOf('IBM全新AIU')).toBe('zh-Hant-HK');
    // The reader's line under the title is converted too (简报 → 簡報).
    await page.locator('.hit-open').first().click();
    await expect.poll(() => page.locator('.reader-meta').innerText()).toContain('AI 簡報');
    expect(await page.locator('.reader h2').getAttribute('lang')).toBe('zh-Hant-HK');
    // The fonts that draw Traditional text are Traditional faces.
    expect(await page.locator('.reader h2').evaluate((h) => getComputedStyle(h).fontFamily)).toContain('HK');
    await chooseSetting(page, 'display-script', 'original');
    await context.close();
    expect(problems).toEqual([]);
  });
});
