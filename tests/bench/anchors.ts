/** The anchor engines (FlexSearch, MiniSearch, Orama) run on the same sections and queries, and their table. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseQuery } from '../../src/core/query/parse-query.ts';
import type { BruteSection } from '../support/exactness.ts';
import { ANCHORS, type AnchorName } from './anchor-engines.ts';
import { MB, ROOT } from './options.ts';

/** One anchor engine's JSON line (see anchor-run.ts). */
export type AnchorResult = Record<string, number | string>;

/** Runs every anchor engine, one process each, on single-term queries with their brute-force answers. */
export function anchors(sections: readonly BruteSection[], queries: readonly string[], count: number): AnchorResult[] {
  const single = queries.map((q) => parseQuery(q)).filter((q) => q.clauses.length === 1 && q.clauses[0]!.length === 1 && q.exclude.length + q.title.length + q.file.length === 0 && !q.date);
  const terms = [...new Set(single.map((q) => q.clauses[0]![0]!).filter((t) => !/\s/.test(t)))].slice(0, count);
  const truth = terms.map((t) => [t, sections.filter((s) => s.norm.includes(t)).map((s) => s.id)]);
  const truthFile = join(ROOT, '.cache', 'anchor-truth.json');
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  writeFileSync(truthFile, JSON.stringify(truth));
  const run = (name: AnchorName, ...more: string[]) => {
    const out = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', join(ROOT, 'tests/bench/anchor-run.ts'), name, String(MB), truthFile, ...more], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    return JSON.parse(out.trim().split('\n').pop()!) as AnchorResult;
  };
  return (Object.keys(ANCHORS) as AnchorName[]).map((name) => {
    process.stdout.write(`  anchor ${name}… `);
    const started = performance.now();
    try {
      const result = run(name);
      // One FlexSearch CJK build took 8.21 MB/s in one run and 5.81 in another, and the Chromium
      // import is measured against it: a build that is quick is timed twice more, each in a
      // process of its own (so no heap figure mixes two), and the median rate is kept.
      const buildMs = Number(result.buildMs);
      if (buildMs < REPEAT_BUILDS_UNDER_MS) {
        const times = [buildMs, ...[1, 2].map(() => Number(run(name, 'build-only').buildMs))].sort((a, b) => a - b);
        Object.assign(result, { buildMBps: Number(result.textBytes) / 1e6 / (times[1]! / 1000), builds: 3 });
      }
      console.log(`${((performance.now() - started) / 1000).toFixed(0)} s`);
      return result;
    } catch (e) {
      console.log('failed');
      return { engine: name, error: String(e).slice(0, 300) };
    }
  });
}

/** Builds quicker than this are timed three times (see `anchors`). */
const REPEAT_BUILDS_UNDER_MS = 20_000;

/**
 * The anchors as a Markdown table (DESIGN.md), with each engine's ratio to Souwen in the same run:
 * its build rate over Souwen's (above 1: it builds faster), and its query p95, index heap and
 * restore time over Souwen's (above 1: Souwen is faster or smaller).
 */
export function anchorTable(results: readonly AnchorResult[]): string[] {
  const n = (v: number | string | undefined, digits: number) => (typeof v === 'number' ? v.toFixed(digits) : '—');
  const own = results.find((r) => r.engine === 'souwen' && !r.error);
  const ratio = (r: AnchorResult, key: string) => (own && typeof r[key] === 'number' && typeof own[key] === 'number' && own[key] ? `${((r[key] as number) / (own[key] as number)).toFixed(2)}×` : '—');
  const lines = [
    '| engine | precision | recall | build MB/s | then idle s | index heap MB | query p95 ms | export MB | restore s | build ÷ Souwen | p95 ÷ Souwen | heap ÷ Souwen | restore ÷ Souwen |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    if (r.error) {
      lines.push(`| ${r.engine} | failed: ${r.error} |`);
      continue;
    }
    const mb = (v: number | string | undefined) => (typeof v === 'number' ? (v / 1e6).toFixed(0) : '—');
    lines.push(
      `| ${r.engine} | ${n(r.precision, 2)} | ${n(r.recall, 2)} | ${n(r.buildMBps, 2)} | ${n(typeof r.idleMs === 'number' && r.idleMs >= 1 ? r.idleMs / 1000 : undefined, 2)} | ${mb(r.indexHeapBytes)} | ${n(r.queryP95, 1)} | ${mb(r.exportBytes)} | ${n(typeof r.restoreMs === 'number' ? r.restoreMs / 1000 : undefined, 2)} | ${ratio(r, 'buildMBps')} | ${ratio(r, 'queryP95')} | ${ratio(r, 'indexHeapBytes')} | ${ratio(r, 'restoreMs')} |`,
    );
  }
  return lines;
}
