/**
 * Reading never stalls searching: files are read in a parsing worker of their own, so while a big
 * file is being read the index worker answers searches at their usual speed; its indexing and the
 * snapshot after it pause between slices, so searches get a turn then too. The bound is a
 * ratio (each round trip against the import's whole time), not an absolute time.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dropFiles, launch, openApp, searchFor } from './browser.ts';

type ImportAnswer = { outcomes: { status: string }[]; timings: { hash: number; read: number } };
type Souwen = {
  client: { request: (type: string, payload: unknown) => Promise<{ total: number; hits: { fileName: string }[] }> };
};

/** The small library searched during the big import: each file holds one word no other has. */
const SMALL = [
  { name: '春晓.txt', text: '春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。' },
  { name: '静夜思.txt', text: '床前明月光，疑是地上霜。举头望明月，低头思故乡。' },
  { name: '登鹳雀楼.txt', text: '白日依山尽，黄河入海流。欲穷千里目，更上一层楼。' },
];
const base64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

let browser: Browser;
let page: Page;
let problems: string[];

describe('a search during the reading of a big file', () => {
  beforeAll(async () => {
    browser = await launch();
    problems = [];
    page = await openApp(await browser.newContext(), inject('baseUrl'), problems);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is answered quickly, with the right hits, while a 60 MB file is read', async () => {
    await dropFiles(page, SMALL.map((f) => ({ name: f.name, base64: base64(f.text) })));
    await page.getByTestId('import-summary').waitFor({ timeout: 30_000 });
    expect(await searchFor(page, '明月')).toHaveLength(1);

    // The big file is made in the page (sending 60 MB through the test driver would take longer
    // than reading it) and imported through the worker's own request, whose answer says how long
    // its hashing and reading took. Searches go to the worker, one after another, until it answers.
    const run = await page.evaluate(async () => {
      const s = (globalThis as { souwen?: Souwen }).souwen!;
      const seed = '第一回 宴桃园豪杰三结义\n\n话说天下大势，分久必合，合久必分。周末七国分争，并入于秦。及秦灭之后，楚、汉分争，又并入于汉。\n';
      const bytes = new TextEncoder().encode(seed.repeat(Math.ceil((60 << 20) / (seed.length * 3)))).buffer;
      const started = performance.now();
      let answered = false;
      const importing = s.client.request('import', { files: [{ name: '大文件.txt', path: '大文件.txt', bytes }] }).finally(() => (answered = true));
      const rounds: { start: number; ms: number; files: string[] }[] = [];
      while (!answered) {
        const t = performance.now();
        const r = await s.client.request('search', { query: '明月', limit: 20, offset: 0 });
        rounds.push({ start: t - started, ms: performance.now() - t, files: r.hits.map((h) => h.fileName) });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const report = (await importing) as unknown as ImportAnswer;
      return { importMs: performance.now() - started, rounds, timings: report.timings, outcomes: report.outcomes };
    });
    const { hash, read } = run.timings;
    const round = (ms: number) => Math.round(ms);
    console.log(`60 MB import ${round(run.importMs)} ms (hash ${round(hash)}, read ${round(read)}); search round trips (ms): ${run.rounds.map((r) => round(r.ms)).join(', ')}`);
    expect(run.outcomes.map((o) => o.status)).toEqual(['indexed']);
    // Rounds that ended before hashing and reading could have: the worker was reading then (or
    // hashing, which awaits the browser's digest); the indexing after it is not in question here.
    const duringRead = run.rounds.filter((r) => r.start + r.ms < hash + read);
    expect(duringRead.length).toBeGreaterThanOrEqual(3);
    for (const r of run.rounds) expect(r.files).toEqual(['静夜思.txt']);
    // Read in the index worker, a search would wait for the rest of the file's reading. The one
    // round that meets the file's outcome arriving (60 MB of sections copied into the index
    // worker, ~0.3 s) is the slowest; the usual round is a few ms.
    const sorted = duringRead.map((r) => r.ms).sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]!).toBeLessThan(read / 20);
    for (const ms of sorted) expect(ms).toBeLessThan(read / 2);
    // Indexing and the snapshot give searches a turn too (a slice, a shard at a time): no round
    // trip waits for more than a small part of the import (in one go, indexing held one 7 s, and
    // the 60 MB file's own write ~1.2 s remains).
    for (const r of run.rounds) expect(r.ms).toBeLessThan(run.importMs / 5);
    expect((await searchFor(page, '合久必分')).length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
