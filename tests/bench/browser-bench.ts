/** The benchmark in headless Chromium against the built app: import, queries, reloads, heap, IndexedDB. */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { build, preview } from 'vite';
import type { ImportTimings } from '../../src/shared/protocol.ts';
import { launch } from '../e2e/browser.ts';
import { REPEATS, type Corpus } from './options.ts';
import { median } from './stats.ts';
import { workerHeapBytes } from './worker-heap.ts';

type Souwen = {
  library: { ready: boolean };
  client: { request: (type: string, payload: unknown, options?: { transfer?: Transferable[] }) => Promise<{ ms?: number; total?: number; timings?: ImportTimings }> };
};

async function openApp(browser: Browser, url: string, corpus: Corpus | null): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (corpus) {
    const byPath = new Map(corpus.files.map((f) => [f.path, f.abs]));
    // Serve corpus files from the app's own origin: no network, and the CSP's connect-src 'self' holds.
    await page.route('**/__bench__/**', (route) => {
      const path = decodeURIComponent(new URL(route.request().url()).pathname.split('/__bench__/')[1] ?? '');
      const abs = byPath.get(path);
      return abs ? route.fulfill({ body: readFileSync(abs), contentType: 'text/plain' }) : route.fulfill({ status: 404 });
    });
  }
  await page.goto(url);
  await page.waitForFunction(() => (globalThis as { souwen?: Souwen }).souwen?.library.ready === true);
  return page;
}

/** Fetches the corpus into the page, then times only the worker's import (decode → index → IndexedDB), with its phases. */
async function timeImport(page: Page, corpus: Corpus): Promise<{ ms: number; timings: ImportTimings }> {
  return page.evaluate(async (paths) => {
    const files = await Promise.all(
      paths.map(async (path) => ({ name: path.split('/').pop()!, path, bytes: await (await fetch(`__bench__/${encodeURIComponent(path)}`)).arrayBuffer() })),
    );
    const client = (globalThis as { souwen?: Souwen }).souwen!.client;
    const started = performance.now();
    const { timings } = await client.request('import', { files }, { transfer: files.map((f) => f.bytes) });
    return { ms: performance.now() - started, timings: timings! };
  }, corpus.files.map((f) => f.path));
}

/**
 * Imports the corpus as {@link timeImport} does while searching all along, one query after
 * another, as someone typing during an import would: each search's round trip, and its result
 * count (which grows as files arrive).
 */
async function searchWhileImporting(page: Page, corpus: Corpus, queries: string[]): Promise<{ ms: number[]; grew: boolean }> {
  return page.evaluate(
    async ({ paths, qs }) => {
      const files = await Promise.all(
        paths.map(async (path) => ({ name: path.split('/').pop()!, path, bytes: await (await fetch(`__bench__/${encodeURIComponent(path)}`)).arrayBuffer() })),
      );
      const client = (globalThis as { souwen?: Souwen }).souwen!.client;
      let done = false;
      const importing = client.request('import', { files }, { transfer: files.map((f) => f.bytes) }).finally(() => (done = true));
      const ms: number[] = [];
      const totals = new Map<string, number[]>();
      for (let k = 0; !done; k++) {
        const started = performance.now();
        const query = qs[k % qs.length]!;
        const r = await client.request('search', { query, limit: 20, offset: 0 });
        if (done) break;
        ms.push(performance.now() - started);
        totals.set(query, [...(totals.get(query) ?? []), r.total ?? 0]);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await importing;
      // Every query found more as files arrived: the results were not a frozen snapshot.
      const grew = qs.every((q) => (totals.get(q)?.length ?? 0) > 1 && totals.get(q)!.at(-1)! > totals.get(q)![0]!);
      return { ms, grew };
    },
    { paths: corpus.files.map((f) => f.path), qs: queries },
  );
}

async function queryLatencies(page: Page, queries: string[]) {
  return page.evaluate(async (qs) => {
    const client = (globalThis as { souwen?: Souwen }).souwen!.client;
    const roundTrip: number[] = [];
    const worker: number[] = [];
    for (const query of qs) {
      const started = performance.now();
      const r = await client.request('search', { query, limit: 20, offset: 0 });
      roundTrip.push(performance.now() - started);
      worker.push(r.ms ?? NaN);
    }
    return { roundTrip, worker };
  }, queries);
}

/** Reloads and returns ms from navigation start until the first search result arrives. */
async function reloadToFirstResult(page: Page, query: string): Promise<number> {
  await page.reload();
  return page.evaluate(async (q) => {
    const g = globalThis as { souwen?: Souwen };
    while (!g.souwen?.library.ready) await new Promise((r) => setTimeout(r, 2));
    await g.souwen.client.request('search', { query: q, limit: 20, offset: 0 });
    return performance.now();
  }, query);
}

/** Imports the seeds and the scale corpus, then times queries and reloads in the app. */
export async function browserBench(seedCorpus: Corpus, scale: Corpus, queries: string[]) {
  // The bench drives the app through its test hooks (`globalThis.souwen`), built in only on request.
  process.env.SOUWEN_TEST_HOOKS = '1';
  await build({ logLevel: 'warn' });
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const url = server.resolvedUrls!.local[0]!;
  const browser = await launch();
  try {
    const seedMs: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const page = await openApp(browser, url, seedCorpus);
      seedMs.push((await timeImport(page, seedCorpus)).ms);
      await page.context().close();
    }
    const scaleMs: number[] = [];
    const scalePhases: ImportTimings[] = [];
    let page: Page | null = null;
    for (let i = 0; i < REPEATS; i++) {
      await page?.context().close();
      page = await openApp(browser, url, scale);
      const { ms, timings } = await timeImport(page, scale);
      scaleMs.push(ms);
      scalePhases.push(timings);
    }
    // Once more in a fresh library, searching all along (its import time is not counted above);
    // the library it makes is the one measured after an import.
    await page?.context().close();
    page = await openApp(browser, url, scale);
    const whileImporting = await searchWhileImporting(page, scale, ['山', '明月', 'shan', '〔宋〕']);
    return { chromium: browser.version(), seedMs, scaleMs, phases: medianPhases(scalePhases), whileImporting, ...(await afterImport(browser, page, scale, queries)) };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** What the app does once the scale corpus is in: heap, queries, a duplicate drop, reloads. */
async function afterImport(browser: Browser, p: Page, scale: Corpus, queries: string[]) {
  // Once idle work is done: an import leaves its pinyin tables for when it ends (decision 85).
  const heapAfterImport = await settledHeap(browser);
  const latencies = await queryLatencies(p, queries);
  // Dropping the same folder again: every file is read, recognized as a duplicate and skipped.
  const duplicatesMs = (await timeImport(p, scale)).ms;
  const reloads: number[] = [];
  for (let i = 0; i < REPEATS; i++) reloads.push(await reloadToFirstResult(p, queries[0]!));
  const heapAtFirstResult = await workerHeapBytes(browser).catch((e: unknown) => ({ bytes: null, error: String(e) }));
  // Typed right after the reloads, while the character index saved with the snapshot is taken.
  const latenciesAfterReload = await queryLatencies(p, queries);
  const heapAfterReload = await settledHeap(browser);
  const idbBytes = await p.evaluate(async () => (await navigator.storage.estimate()).usage ?? null);
  return { duplicatesMs, latencies, latenciesAfterReload, reloads, heapAfterImport, heapAtFirstResult, heapAfterReload, idbBytes };
}

/**
 * The worker heap once its idle work is done (the character index and its pinyin tables taken
 * from storage, or written again): measured every 2 s until it stops growing. Measured at the
 * first result alone, it missed what the worker takes after it, by up to 30 MB at 50 MB.
 */
async function settledHeap(browser: Browser): Promise<{ bytes: number | null; error?: string }> {
  let last = 0;
  for (let k = 0; k < 30; k++) {
    await new Promise((r) => setTimeout(r, 2000));
    const heap = await workerHeapBytes(browser).catch((e: unknown) => ({ bytes: null, error: String(e) }));
    if (heap.bytes === null || Math.abs(heap.bytes - last) < 1e6) return heap;
    last = heap.bytes;
  }
  return { bytes: null, error: 'the heap did not settle in 60 s' };
}

/** Each import phase's median over the runs. */
function medianPhases(runs: readonly ImportTimings[]): ImportTimings {
  return Object.fromEntries(Object.keys(runs[0]!).map((k) => [k, median(runs.map((t) => t[k as keyof ImportTimings]))])) as unknown as ImportTimings;
}

/** What `browserBench` measured. */
export type BrowserResults = Awaited<ReturnType<typeof browserBench>>;

