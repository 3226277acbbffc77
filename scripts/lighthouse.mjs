#!/usr/bin/env node
/**
 * Lighthouse on the shipped app's empty page, as a phone sees it (mobile form factor, simulated
 * throttling), in Debian's Chromium: builds the app (no test hooks) into its own folder, serves it
 * with `vite preview`, runs Lighthouse 12 through npx (not a dependency of the project), prints
 * the accessibility, performance and best-practices scores with CLS and TBT, and writes them to
 * bench/lighthouse.json (with the scripts that keep the main thread busiest, to tell what to fix).
 *
 *   node scripts/lighthouse.mjs [--runs 1]
 *
 * With several runs the median run (by performance score) is the one reported.
 * Targets: accessibility 100, performance ≥ 90, CLS < 0.05, TBT < 200 ms.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, preview } from 'vite';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WORK = join(ROOT, '.cache', 'lighthouse');
// Its own output folder: the end-to-end tests build (with test hooks) into dist/.
const OUT_DIR = join(WORK, 'dist');
const RESULT = join(ROOT, 'bench', 'lighthouse.json');

const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' } } });
const runs = Math.max(1, Number(values.runs) || 1);

if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's Chromium (apt-get install -y chromium)`);
mkdirSync(WORK, { recursive: true });

delete process.env.SOUWEN_TEST_HOOKS;
await build({ root: ROOT, logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true } });
const server = await preview({ root: ROOT, logLevel: 'warn', build: { outDir: OUT_DIR }, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('vite preview did not report a URL');

/** One Lighthouse run; its JSON report. (Asynchronous: the preview server answers from this process.) */
async function lighthouse(i) {
  const output = join(WORK, `report-${i}.json`);
  const args = [
    '--yes',
    'lighthouse@12',
    url,
    `--chrome-path=${CHROMIUM}`,
    // --headless=new and --disable-dev-shm-usage: with plain --headless Debian's Chromium lost its page ("Target closed").
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
    '--output=json',
    `--output-path=${output}`,
    '--form-factor=mobile',
    '--only-categories=performance,accessibility,best-practices',
    '--quiet',
  ];
  const child = spawn('npx', args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CHROME_PATH: CHROMIUM } });
  const code = await new Promise((resolve, reject) => child.on('error', reject).on('close', resolve));
  if (code !== 0) throw new Error(`lighthouse exited with ${code}`);
  return JSON.parse(readFileSync(output, 'utf8'));
}

/** The few numbers that matter, and where the main thread's time went. */
function summary(report) {
  const audit = (id) => report.audits[id];
  const score = (id) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const items = (id, n = 8) => (audit(id)?.details?.items ?? []).slice(0, n);
  const short = (u) => (typeof u === 'string' ? u.replace(url, '/') : u);
  return {
    url: report.finalDisplayedUrl ?? report.finalUrl,
    lighthouse: report.lighthouseVersion,
    userAgent: report.environment?.hostUserAgent,
    scores: { accessibility: score('accessibility'), performance: score('performance'), bestPractices: score('best-practices') },
    metrics: {
      cls: audit('cumulative-layout-shift').numericValue,
      tbtMs: Math.round(audit('total-blocking-time').numericValue),
      fcpMs: Math.round(audit('first-contentful-paint').numericValue),
      lcpMs: Math.round(audit('largest-contentful-paint').numericValue),
      speedIndexMs: Math.round(audit('speed-index').numericValue),
      ttiMs: Math.round(audit('interactive')?.numericValue ?? 0),
      mainThreadMs: Math.round(audit('mainthread-work-breakdown').numericValue),
      bootupMs: Math.round(audit('bootup-time').numericValue),
    },
    failing: Object.values(report.categories).flatMap((c) =>
      c.auditRefs
        .map((r) => report.audits[r.id])
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable')
        .map((a) => `${c.id}: ${a.id} (${a.score})${a.displayValue ? ` ${a.displayValue}` : ''}`),
    ),
    bootup: items('bootup-time').map((i) => ({ url: short(i.url), totalMs: Math.round(i.total), scriptingMs: Math.round(i.scripting), parseCompileMs: Math.round(i.scriptParseCompile) })),
    mainThread: items('mainthread-work-breakdown').map((i) => ({ group: i.groupLabel ?? i.group, ms: Math.round(i.duration) })),
    longTasks: items('long-tasks', 10).map((i) => ({ url: short(i.url), startMs: Math.round(i.startTime), durationMs: Math.round(i.duration) })),
  };
}

let results;
try {
  results = [];
  for (let i = 0; i < runs; i++) results.push(summary(await lighthouse(i)));
} finally {
  await server.close();
}
results.sort((a, b) => a.scores.performance - b.scores.performance);
const median = results[Math.floor(results.length / 2)];
const record = { date: new Date().toISOString(), runs, ...median, allRuns: runs > 1 ? results.map((r) => ({ scores: r.scores, metrics: r.metrics })) : undefined };
mkdirSync(dirname(RESULT), { recursive: true });
writeFileSync(RESULT, `${JSON.stringify(record, null, 2)}\n`);

const { scores, metrics } = median;
const mark = (ok) => (ok ? 'ok' : 'MISS');
console.log(`Lighthouse ${median.lighthouse} (mobile) on ${median.url}${runs > 1 ? `, median of ${runs} runs` : ''}`);
console.log(`  accessibility   ${scores.accessibility}  ${mark(scores.accessibility === 100)}`);
console.log(`  performance     ${scores.performance}  ${mark(scores.performance >= 90)}`);
console.log(`  best-practices  ${scores.bestPractices}`);
console.log(`  CLS             ${metrics.cls.toFixed(3)}  ${mark(metrics.cls < 0.05)}`);
console.log(`  TBT             ${metrics.tbtMs} ms  ${mark(metrics.tbtMs < 200)}`);
console.log(`  FCP ${metrics.fcpMs} ms, LCP ${metrics.lcpMs} ms, main thread ${metrics.mainThreadMs} ms, JS boot-up ${metrics.bootupMs} ms`);
if (median.failing.length) console.log(`  failing audits: ${median.failing.join('; ')}`);
console.log(`  written to ${relative(ROOT, RESULT)}`);
