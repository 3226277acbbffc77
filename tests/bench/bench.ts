/**
 * Souwen benchmark: import throughput, query latency, reload-to-first-result, worker heap and
 * IndexedDB size in headless Chromium against the built app, plus the same core in Node.
 * Prints a table and writes bench/results.json. Numbers are medians; nothing is asserted.
 *
 *   npm run bench [-- --mb 10] [--queries 500] [--quick] [--node-only] [--anchors] [--anchor-queries 200] [--parallel full]
 *
 * `--parallel full` measures cross-script search on the full parallel corpus (770 man-page and
 * manual pairs, built once by scripts/build-parallel-corpus.mjs) instead of the 30 sample pairs.
 * `--anchors` also measures FlexSearch (CJK, CJK + context), MiniSearch and Orama on the same
 * sections and queries, each in a process of its own (tests/bench/anchor-run.ts).
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR, seeds } from '../support/corpus.ts';
import { crossScript } from '../support/cross-script.ts';
import { exactnessQueries } from '../support/exactness.ts';
import { scaleCorpus } from '../support/scale.ts';
import { anchors, anchorTable } from './anchors.ts';
import { browserBench } from './browser-bench.ts';
import { fullParallelCorpus, judgedMrr, nodeBench, timeCli } from './node-bench.ts';
import { args, corpusOf, MB, QUERY_COUNT, REPEATS, ROOT } from './options.ts';
import { printTable, results } from './report.ts';

async function main() {
  const scalePaths = scaleCorpus(MB);
  const scaleDir = join(scalePaths[0]!, '..', '..');
  const seedCorpus = corpusOf('seeds', SEEDS_DIR, seeds().map((s) => join(SEEDS_DIR, s.name)));
  const scale = corpusOf(`scale ${MB} MB`, scaleDir, scalePaths);
  const sampleTexts = scale.files.filter((_, i) => i % Math.max(1, Math.floor(scale.files.length / 200)) === 0).map((f) => readFileSync(f.abs, 'utf8'));
  const queries = exactnessQueries(sampleTexts, 2022, QUERY_COUNT);

  console.log(`Souwen benchmark: seeds ${(seedCorpus.bytes / 1e6).toFixed(2)} MB, ${scale.label} (${scale.files.length} files), ${queries.length} queries, ${REPEATS} repeat(s)`);
  const node = await nodeBench(scale, queries);
  const mrr = judgedMrr();
  const cli = timeCli();
  const cross = args.parallel === 'full' ? crossScript(3000, 703, fullParallelCorpus()) : crossScript();
  const anchorResults = args.anchors ? anchors(node.sections, queries, Number(args['anchor-queries'])) : [];
  const web = args['node-only'] ? null : await browserBench(seedCorpus, scale, queries);

  const all = { ...results(seedCorpus, scale, queries, node, { mrr, cross, cli }, web), anchors: anchorResults };
  printTable(all, node, web, scale, queries);
  if (anchorResults.length > 0) console.log(`\nAnchors on ${scale.label}, ${anchorResults[0]!.queries ?? '?'} single-term queries:\n${anchorTable(anchorResults).join('\n')}`);
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(all, null, 2)}\n`);
  console.log('\nwrote bench/results.json');
}

await main();
