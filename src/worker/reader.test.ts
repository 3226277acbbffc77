/**
 * The readers: in this thread exactly what `ingestEach` gives; in a parsing worker the same, with
 * a watchdog that stops a file reading too long (the worker is terminated and replaced, the file
 * is `read-timeout`, the next file is read) and a worker failure costing only its current file.
 */
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256 } from '../../tests/support/hash.ts';
import { PipelineError } from '../core/errors.ts';
import { newBudget } from '../core/extract/zip.ts';
import { ingestMany } from '../core/pipeline.ts';
import type { ImportFile } from '../shared/protocol.ts';
import { MemoryLibraryStore } from '../storage/memory-store.ts';
import { Library } from './library.ts';
import { ParseServer } from './parse-server.ts';
import { prepareFile } from './prepared-file.ts';
import { inProcessReader, READ_TIMEOUT_MS, WorkerReader, type ParseReply, type ParseRequest, type ReadOutcome, type SourceReader, type WorkerLike } from './reader.ts';

/** A parsing worker in this thread: it answers like parse.worker.ts, except for files named `stall` or `crash`. */
class FakeWorker implements WorkerLike {
  static started: FakeWorker[] = [];
  /** The paths of the sources asked of every fake worker, in order. */
  static asked: string[] = [];
  terminated = false;
  /** Reading a `stall` file: a real worker would be busy with it, and read nothing else. */
  #stalled = false;
  readonly #listeners: { message: ((e: MessageEvent<ParseReply>) => void)[]; error: ((e: ErrorEvent) => void)[] } = { message: [], error: [] };
  // Replies through structured cloning, as a real worker's are.
  readonly #server = new ParseServer((reply) => queueMicrotask(() => this.#listeners.message.forEach((l) => l({ data: structuredClone(reply) } as MessageEvent<ParseReply>))), sha256);

  constructor() {
    FakeWorker.started.push(this);
  }

  addEventListener(type: 'message' | 'error', listener: (e: never) => void): void {
    this.#listeners[type].push(listener as never);
  }

  terminate(): void {
    this.terminated = true;
  }

  postMessage(request: ParseRequest): void {
    if (request.type === 'read') FakeWorker.asked.push(request.path);
    if (this.#stalled || (request.type === 'read' && request.path.includes('stall'))) {
      this.#stalled = true;
      return;
    }
    if (request.type === 'read' && request.path.includes('crash')) {
      queueMicrotask(() => this.#listeners.error.forEach((l) => l({ message: 'boom', preventDefault() {} } as ErrorEvent)));
      return;
    }
    this.#server.handle(request);
  }
}

const text = (s: string) => new TextEncoder().encode(s);
const source = (path: string, bytes = text('第一章 春天\n\n春眠不觉晓，处处闻啼鸟。')) => ({ bytes, path, depth: 0, budget: newBudget() });
const all = async (outcomes: AsyncIterable<ReadOutcome>) => {
  const got: ReadOutcome[] = [];
  for await (const o of outcomes) got.push(o);
  return got;
};
const codeOf = (o: ReadOutcome) => ('error' in o ? o.error.code : 'read');
/** What the parsing worker gives for a source: what `ingestMany` gives, prepared. */
const readAlone = (bytes: Uint8Array, path: string) =>
  Promise.all(ingestMany(bytes, path).map(async (o) => ('file' in o ? { ...o, file: await prepareFile(o.file, sha256) } : o)));

afterEach(() => {
  FakeWorker.started = [];
  FakeWorker.asked = [];
  vi.useRealTimers();
});

describe('the in-process reader', () => {
  it('gives exactly what ingestEach gives, for a file and for an archive', async () => {
    const zip = zipSync({ 'a.txt': text('甲乙丙丁'), 'b.bin': new Uint8Array([0, 1, 2, 0, 0, 0]), 'c/d.md': text('# 标题\n\n正文') });
    for (const s of [source('poem.txt'), source('book.zip', zip)]) {
      expect(await all(inProcessReader.read(s))).toEqual(ingestMany(s.bytes, s.path));
    }
  });
});

describe('the worker reader', () => {
  it('gives what ingestEach gives, folded, errors rebuilt as PipelineErrors, and the budget the archive leaves', async () => {
    const zip = zipSync({ 'a.txt': strToU8('甲乙丙丁'.repeat(100)), 'empty.txt': new Uint8Array(0) });
    const s = source('book.zip', zip);
    const got = await all(new WorkerReader(() => new FakeWorker()).read(s));
    // The parsing worker prepares what it reads: exactly as the importer would.
    const want = await readAlone(zip, 'book.zip');
    expect(got).toEqual(want);
    expect(got.map(codeOf)).toEqual(['read', 'empty']);
    const error = (got[1] as { error: PipelineError }).error;
    expect(error).toBeInstanceOf(PipelineError);
    expect(error.message).toBe((want[1] as { error: PipelineError }).error.message);
    expect(s.budget.remaining).toBeLessThan(newBudget().remaining);
    expect(s.bytes.byteLength).toBe(zip.byteLength); // the caller's bytes are not transferred away
  });

  it('stops a file that reads longer than READ_TIMEOUT_MS, and reads the next one in a fresh worker', async () => {
    vi.useFakeTimers();
    const reader = new WorkerReader(() => new FakeWorker());
    const stalled = all(reader.read(source('stall.txt')));
    await vi.advanceTimersByTimeAsync(READ_TIMEOUT_MS - 1);
    expect(FakeWorker.started[0]!.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const [timedOut] = await stalled;
    expect(timedOut).toMatchObject({ path: 'stall.txt', error: { code: 'read-timeout', stage: 'read', fileName: 'stall.txt' } });
    expect(FakeWorker.started[0]!.terminated).toBe(true);
    const next = await all(reader.read(source('poem.txt')));
    expect(next.map(codeOf)).toEqual(['read']);
    expect(FakeWorker.started).toHaveLength(2);
    expect(FakeWorker.started[1]!.terminated).toBe(false);
  });

  it('reports a failing worker as the current file’s internal error and goes on with a fresh one', async () => {
    const reader = new WorkerReader(() => new FakeWorker());
    expect((await all(reader.read(source('crash.txt')))).map(codeOf)).toEqual(['internal']);
    expect((await all(reader.read(source('poem.txt')))).map(codeOf)).toEqual(['read']);
    expect(FakeWorker.started.map((w) => w.terminated)).toEqual([true, false]);
  });

  it('reads a source asked for ahead as it would read it alone, asking the worker once', async () => {
    const reader = new WorkerReader(() => new FakeWorker());
    const first = source('a.txt', text('春眠不觉晓'));
    const second = source('b.txt', text('夜来风雨声'));
    const reading = reader.read(first)[Symbol.asyncIterator]();
    const pulled = reading.next();
    reader.ahead(second);
    // Asked before the first is taken: the worker reads it as soon as the first ends.
    expect(FakeWorker.asked).toEqual(['a.txt', 'b.txt']);
    expect((await pulled).value).toEqual((await readAlone(first.bytes, 'a.txt'))[0]);
    expect((await reading.next()).done).toBe(true);
    const got = await all(reader.read(second));
    expect(got).toEqual(await readAlone(second.bytes, 'b.txt'));
    expect(FakeWorker.asked).toEqual(['a.txt', 'b.txt']);
    expect(FakeWorker.started).toHaveLength(1);
  });

  it('asks again on a fresh worker for a source asked ahead of one that stalled', async () => {
    vi.useFakeTimers();
    const reader = new WorkerReader(() => new FakeWorker());
    const stalled = all(reader.read(source('stall.txt')));
    reader.ahead(source('b.txt'));
    await vi.advanceTimersByTimeAsync(READ_TIMEOUT_MS);
    expect((await stalled).map(codeOf)).toEqual(['read-timeout']);
    expect((await all(reader.read(source('b.txt')))).map(codeOf)).toEqual(['read']);
    expect(FakeWorker.asked).toEqual(['stall.txt', 'b.txt', 'b.txt']);
    expect(FakeWorker.started).toHaveLength(2);
  });

  it('drops a source asked ahead and not read: the next source read gets its own outcomes', async () => {
    const reader = new WorkerReader(() => new FakeWorker());
    await all(reader.read(source('a.txt')));
    reader.ahead(source('dup.txt', text('重复的文件')));
    const got = await all(reader.read(source('c.txt', text('另一篇文章'))));
    expect(got.map((o) => o.path)).toEqual(['c.txt']);
    expect(got.map(codeOf)).toEqual(['read']);
  });

  it('asks the worker for each next file of an import ahead, once, and for no duplicate', async () => {
    const worker = new WorkerReader(() => new FakeWorker());
    // Each outcome as the importer takes it, among the sources the worker is asked for.
    const taking: SourceReader = {
      async *read(s) {
        for await (const o of worker.read(s)) yield (FakeWorker.asked.push(`took ${o.path}`), o);
      },
      ahead: (s) => worker.ahead(s),
    };
    const library = new Library(new MemoryLibraryStore(), sha256, taking);
    await library.init();
    const drop = (path: string, s: string): ImportFile => ({ name: path, path, bytes: text(s).buffer as ArrayBuffer });
    await library.import([drop('a.txt', '春眠不觉晓')], () => {}, new AbortController().signal);
    FakeWorker.asked = [];
    const files = [drop('b.txt', '夜来风雨声'), drop('again.txt', '春眠不觉晓'), drop('c.txt', '花落知多少'), drop('d.txt', '处处闻啼鸟')];
    const report = await library.import(files, () => {}, new AbortController().signal);
    expect(report.outcomes.map((o) => (o.status === 'indexed' ? o.status : o.code))).toEqual(['indexed', 'duplicate', 'indexed', 'indexed']);
    // The duplicate after b is never asked for (nor c ahead of it: only the next file is); d is
    // asked for as soon as c is, before c is taken.
    expect(FakeWorker.asked).toEqual(['b.txt', 'took b.txt', 'c.txt', 'd.txt', 'took c.txt', 'took d.txt']);
    expect((await library.search('花落', { limit: 0 })).hits.map((h) => h.fileName)).toEqual(['c.txt']);
  });

  it('lets an import go on past a stalled file: the files around it are indexed and found', async () => {
    const library = new Library(new MemoryLibraryStore(), sha256, new WorkerReader(() => new FakeWorker(), 50));
    await library.init();
    const drop = (path: string, s: string): ImportFile => ({ name: path, path, bytes: text(s).buffer as ArrayBuffer });
    const files = [drop('a.txt', '春眠不觉晓'), drop('stall.txt', '夜来风雨声'), drop('b.txt', '花落知多少')];
    const report = await library.import(files, () => {}, new AbortController().signal);
    expect(report.outcomes.map((o) => (o.status === 'indexed' ? o.status : o.code))).toEqual(['indexed', 'read-timeout', 'indexed']);
    expect((await library.search('花落', { limit: 0 })).hits.map((h) => h.fileName)).toEqual(['b.txt']);
  });
});
