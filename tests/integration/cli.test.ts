import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../support/corpus.ts';

const BIN = fileURLToPath(new URL('../../bin/souwen.mjs', import.meta.url));
// @ts-expect-error: a plain JavaScript module of the bin, without types
const { freshBuild } = await import('../../bin/cli-freshness.mjs');
const run = (...args: string[]) => execFileSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('souwen command line', () => {
  it('inspect --json reports encoding and sections with title, url and length', () => {
    const [report] = JSON.parse(run('inspect', join(SEEDS_DIR, '001_23f69d89ce459f38.txt'), '--json'));
    expect(report.encoding).toBe('utf-8');
    expect(report.sections).toHaveLength(9);
    expect(report.sections[0]).toEqual({
      title: '2022中國AI芯片企業50強',
      url: 'https://app.myzaker.com/news/article.php?pk=63476be18e9f0903ac797c80',
      source: 'AI 簡報 20221014 期',
      date: '2022-10-14',
      start: 24,
      length: 1026,
    });
  });

  it('inspect --text shows the cleaned text, so a user sees why a file looks the way it does', () => {
    const [report] = JSON.parse(run('inspect', join(SEEDS_DIR, '002_2d2d6b6f2bb5322c.txt'), '--json', '--text'));
    expect(report.cleaning['pinyin-annotation']).toBeGreaterThan(300);
    expect(report.sections[0].source).toBe('量子位');
    expect(report.sections[0].text).toContain('自何愷明MAE橫空出世以來');
    expect(report.sections[0].text).not.toContain('(tǒng)');
    expect(run('inspect', join(SEEDS_DIR, '002_2d2d6b6f2bb5322c.txt'), '--text')).toContain('     | Swin Transformer在MIM中的應用');
  });

  it('search --json walks folders and returns hits best first with path, title, section and snippet', () => {
    const out = JSON.parse(run('search', '芯片企业', SEEDS_DIR, '--json'));
    expect(out.total).toBe(1); // the trailer (原文标题:…芯片企业…) is cleaned away
    expect(out.hits[0]).toMatchObject({
      path: join(SEEDS_DIR, '001_23f69d89ce459f38.txt'),
      title: '2022中國AI芯片企業50強',
      section: 0,
    });
    // Three windows of the snippet, each around an occurrence, joined with …
    expect(out.hits[0].marks).toEqual(['芯片企業', '芯片企業', '芯片企業']);
    expect(out.hits[0].snippet.split(' … ')).toHaveLength(3);
    expect(out.hits[0].snippet).toContain('芯片企業');
  });

  it('search --json says how each hit matched, and counts literal matches apart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'souwen-cli-'));
    writeFileSync(join(dir, 'cn.txt'), '这个程序读取字节序列。');
    writeFileSync(join(dir, 'tw.txt'), '這個程式讀取位元組序列。請開啟檔案。');
    const out = JSON.parse(run('search', '程序', dir, '--json'));
    expect(out.matches).toBe(1);
    expect(out.wordingMatches).toBe(1);
    expect(out.hits.map((h: { match: string; path: string }) => [h.match, h.path.slice(dir.length + 1)])).toEqual([
      ['literal', 'cn.txt'],
      ['wording', 'tw.txt'],
    ]);
    expect(out.hits[1].wording).toEqual(['程式']);
    const literal = JSON.parse(run('search', '开启', dir, '--json'));
    expect(literal.hits.map((h: { match: string }) => h.match)).toEqual(['literal']);
  });

  it('inspect --json says which cleaning rule removed which lines', () => {
    const [report] = JSON.parse(run('inspect', join(SEEDS_DIR, '000_0a557d132eb083d1.txt'), '--json'));
    const rules = Object.entries(report.removed as Record<string, { lines: number; examples: string[] }>);
    expect(rules.length).toBeGreaterThan(0);
    for (const [, gone] of rules) {
      expect(gone.lines).toBeGreaterThan(0);
      expect(gone.examples.length).toBeGreaterThan(0);
    }
  });

  it('--limit caps the hits (0 means all) while total counts every match', () => {
    const all = JSON.parse(run('search', '的', SEEDS_DIR, '--json', '--limit', '0'));
    const two = JSON.parse(run('search', '的', SEEDS_DIR, '--json', '--limit', '2'));
    const dflt = JSON.parse(run('search', '的', SEEDS_DIR, '--json'));
    expect(all.hits).toHaveLength(all.total);
    expect(all.total).toBeGreaterThan(20);
    expect(two.hits.map((h: { title: string }) => h.title)).toEqual(all.hits.slice(0, 2).map((h: { title: string }) => h.title));
    expect(dflt.hits).toHaveLength(20);
  });

  it('search --queries answers each line with one JSON line, indexing once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'souwen-'));
    const file = join(dir, 'queries.txt');
    writeFileSync(file, '芯片企业\n晶體管 -IBM\n\n"Swin Transformer"\n');
    const lines = run('search', '--queries', file, SEEDS_DIR, '--limit', '1').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.query, l.total])).toEqual([
      ['芯片企业', 1],
      ['晶體管 -IBM', 1],
      ['"Swin Transformer"', 1],
    ]);
    expect(lines[1].hits[0].title).toBe('沒錯!真·14cm制程');
  });

  it('answers a pinyin query alike without the pinyin tables (one search) and with them (--queries)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'souwen-'));
    const file = join(dir, 'queries.txt');
    const queries = ['xinpian', 'ai', 'xt', 'shan -xinpian'];
    writeFileSync(file, `${queries.join('\n')}\n`);
    const withTables = run('search', '--queries', file, SEEDS_DIR, '--limit', '0').trim().split('\n').map((l) => JSON.parse(l));
    const without = queries.map((q) => {
      const { skipped: _, ...page } = JSON.parse(run('search', q, SEEDS_DIR, '--json', '--limit', '0'));
      return page;
    });
    expect(withTables.map((l) => l.pinyinMatches).every((n) => n > 0)).toBe(true);
    expect(without).toEqual(withTables);
  });

  it('reports skipped files and exits 2 on bad usage', () => {
    const out = JSON.parse(run('inspect', join(SEEDS_DIR, '..', 'encodings', 'binary-png-named-txt.txt'), '--json'));
    expect(out[0].error).toEqual({ code: 'binary', message: expect.stringContaining('not a text file (PNG image)') });
    expect(() => run('search', 'only-a-query')).toThrow(/usage/);
  });

  it('runs prebuilt only when the build is at least as new as every source, and answers alike either way', () => {
    const dir = mkdtempSync(join(tmpdir(), 'souwen-fresh-'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'a.ts'), 'x');
    writeFileSync(join(dir, 'cli.mjs'), 'x');
    utimesSync(join(dir, 'src', 'a.ts'), 1000, 1000);
    utimesSync(join(dir, 'cli.mjs'), 2000, 2000);
    expect(freshBuild(join(dir, 'cli.mjs'), [join(dir, 'src')])).toBe(join(dir, 'cli.mjs'));
    utimesSync(join(dir, 'src', 'a.ts'), 3000, 3000);
    expect(freshBuild(join(dir, 'cli.mjs'), [join(dir, 'src')])).toBeNull();
    expect(freshBuild(join(dir, 'missing.mjs'), [join(dir, 'src')])).toBeNull();
    const fromSource = execFileSync(process.execPath, [BIN, 'search', '芯片', SEEDS_DIR, '--json'], { encoding: 'utf8', env: { ...process.env, SOUWEN_CLI_FROM_SOURCE: '1' } });
    expect(run('search', '芯片', SEEDS_DIR, '--json')).toBe(fromSource);
  });
});
