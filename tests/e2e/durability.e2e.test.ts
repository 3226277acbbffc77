/**
 * Nothing imported is ever lost or half-present. The 10 MB scale corpus is imported and the
 * page is closed at random moments (fixed seed), ten times; after each reopen the library must
 * be consistent: every listed file searchable by its own text, the section count equal to the
 * sum over listed files. Then dropping the same files again completes the import, without
 * duplicates.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seededRandom } from '../support/random.ts';
import { scaleCorpus } from '../support/scale.ts';
import { launch, openApp } from './browser.ts';

type Souwen = {
  library: {
    ready: boolean;
    files: { path: string; sections: number }[];
    sections: number;
    job: { running: boolean; progress: { filesDone: number } | null; outcomes: { status: string; code?: string }[] } | null;
  };
  client: { request: (type: string, payload: unknown) => Promise<{ hits: { fileName: string; alsoIn: { fileName: string }[] }[] }> };
};

const TRIALS = 10;
const corpus = scaleCorpus(10);
const linesOf = new Map(
  corpus.map((path) => [path.split('/').pop()!, readFileSync(path, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.length >= 8)]),
);
/** How many files hold each line: poems recur across the corpus, so a line may be in several. */
const filesWithLine = new Map<string, number>();
for (const lines of linesOf.values()) for (const line of new Set(lines)) filesWithLine.set(line, (filesWithLine.get(line) ?? 0) + 1);
/** A line only this file holds, nearest its middle: a query only that file answers. */
const probeOf = new Map(
  [...linesOf].map(([name, lines]) => {
    const middle = lines.length / 2;
    const unique = lines.filter((l) => filesWithLine.get(l) === 1).sort((a, b) => Math.abs(lines.indexOf(a) - middle) - Math.abs(lines.indexOf(b) - middle));
    return [name, (unique[0] ?? lines[Math.floor(middle)]!).slice(0, 12)];
  }),
);

let browser: Browser;
let context: BrowserContext;
const problems: string[] = [];

const open = () => openApp(context, inject('baseUrl'), problems);

/** Every listed file answers its probe; the section total adds up. Returns the number of files listed. */
async function assertConsistent(page: Page): Promise<number> {
  const { files, sections } = await page.evaluate(() => {
    const l = (globalThis as { souwen?: Souwen }).souwen!.library;
    return { files: l.files.map((f) => ({ ...f })), sections: l.sections };
  });
  expect(sections).toBe(files.reduce((n, f) => n + f.sections, 0));
  const names = files.map((f) => f.path.split('/').pop()!);
  expect(new Set(names).size).toBe(names.length);
  // Probe up to 25 listed files, spread over the list (a probe per file would be 826 searches).
  const sample = names.filter((_, i) => i % Math.max(1, Math.floor(names.length / 25)) === 0);
  for (const name of sample) {
    const hits = await page.evaluate(
      (q) => (globalThis as { souwen?: Souwen }).souwen!.client.request('search', { query: q, limit: 0, offset: 0 }),
      probeOf.get(name)!,
    );
    // A copy of an article in another file is listed once, with the others under 另见.
    const found = hits.hits.flatMap((h) => [h.fileName, ...h.alsoIn.map((c) => c.fileName)]);
    expect(found, `${name} is listed but not searchable`).toContain(name);
  }
  return files.length;
}

describe('durability: the page is closed mid-import', () => {
  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(`survives ${TRIALS} closes at random points, consistent after each`, async () => {
    const rand = seededRandom(20221125);
    const counts: number[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const page = await open();
      counts.push(await assertConsistent(page));
      await page.getByTestId('file-input').setInputFiles(corpus);
      await page.waitForFunction(() => (globalThis as { souwen?: Souwen }).souwen?.library.job?.running === true);
      await page.waitForTimeout(200 + Math.floor(rand() * 2500));
      await page.close();
    }
    const last = await open();
    counts.push(await assertConsistent(last));
    await last.close();
    // Each trial keeps what was stored before it; duplicates are skipped, so the count only grows.
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1]!);
    expect(counts[counts.length - 1]).toBeGreaterThan(0);
  });

  it('dropping the same files again completes the library, without duplicates', async () => {
    const page = await open();
    const before = await assertConsistent(page);
    await page.getByTestId('file-input').setInputFiles(corpus);
    await page.getByTestId('import-summary').waitFor({ timeout: 110_000 });
    const outcomes = await page.evaluate(() => (globalThis as { souwen?: Souwen }).souwen!.library.job!.outcomes);
    expect(outcomes.filter((o) => o.status === 'indexed').length).toBe(corpus.length - before);
    expect(outcomes.filter((o) => o.status === 'skipped').every((o) => o.code === 'duplicate')).toBe(true);
    expect(await assertConsistent(page)).toBe(corpus.length);
    expect(problems).toEqual([]);
  });
});
