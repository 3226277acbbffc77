#!/usr/bin/env node
/**
 * Builds the scale corpus: N megabytes of real Chinese text (Tang and Song poems in Traditional
 * script, Song ci in Simplified) from the `chinese-poetry` npm package (a devDependency), written
 * as plain UTF-8 .txt files of P poems each.
 *
 * Why: the exactness tests and the benchmark need a reproducible corpus much bigger than the
 * committed fixtures, without committing megabytes of text. Same arguments → same bytes.
 *
 *   node scripts/build-scale-corpus.mjs [--mb 10] [--per-file 50] [--out DIR] [--sets tang,song,ci] [--force]
 *
 * Default output: ${SOUWEN_CACHE:-<repo>/.cache}/scale/txt-<N>mb/NNN/NNNNNN.txt (100 files per folder).
 * A `.stamp.json` records the arguments; a second run with the same ones returns at once.
 */
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FILES_PER_FOLDER = 100;

/** Each set: where its JSON files are, the dynasty shown on the author line, how a title is named. */
const SETS = {
  tang: { dir: 'quantangshi', match: /^poet\.tang\.\d+\.json$/, dynasty: '唐' },
  song: { dir: 'quantangshi', match: /^poet\.song\.\d+\.json$/, dynasty: '宋' },
  ci: { dir: 'songci', match: /^ci\.song\.\d+\.json$/, dynasty: '宋' },
};

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '10' },
    'per-file': { type: 'string', default: '50' },
    out: { type: 'string' },
    sets: { type: 'string', default: 'tang,song,ci' },
    force: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('usage: build-scale-corpus.mjs [--mb N] [--per-file P] [--out DIR] [--sets tang,song,ci] [--force]');
  process.exit(0);
}
const mb = Number(values.mb);
const perFile = Number(values['per-file']);
const sets = values.sets.split(',').map((s) => s.trim());
if (!(mb > 0) || !(perFile >= 1) || sets.some((s) => !(s in SETS))) {
  console.error(`bad arguments: --mb ${values.mb} --per-file ${values['per-file']} --sets ${values.sets}`);
  process.exit(2);
}
const out = values.out ?? join(process.env.SOUWEN_CACHE ?? join(ROOT, '.cache'), 'scale', `txt-${mb}mb`);

const require = createRequire(import.meta.url);
const pkgJson = require.resolve('chinese-poetry/package.json');
const pkgDir = dirname(pkgJson);
const version = JSON.parse(readFileSync(pkgJson, 'utf8')).version;

const stamp = JSON.stringify({ mb, perFile, sets, version });
const stampPath = join(out, '.stamp.json');
if (!values.force && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) {
  console.log(`up to date: ${out}`);
  process.exit(0);
}

/** Source files per set, in numeric order, so the output never depends on directory order. */
function sourceFiles(set) {
  const { dir, match } = SETS[set];
  const number = (f) => Number(f.match(/\.(\d+)\.json$/)[1]);
  return readdirSync(join(pkgDir, 'dist', dir))
    .filter((f) => match.test(f))
    .sort((a, b) => number(a) - number(b))
    .map((f) => ({ set, path: join(pkgDir, 'dist', SETS[set].dir, f) }));
}

/** Round-robin over the sets' files, so any prefix of the corpus mixes scripts. */
function interleave(lists) {
  const merged = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) merged.push(l[i]);
  return merged;
}

function formatPoem(set, poem) {
  const lines = (poem.paragraphs ?? []).map((l) => String(l).trim()).filter(Boolean);
  if (lines.length === 0) return null;
  const title = String(poem.title ?? poem.rhythmic ?? '無題').trim() || '無題';
  return `${title}\n〔${SETS[set].dynasty}〕${String(poem.author ?? '佚名').trim()}\n${lines.join('\n')}\n\n`;
}

const started = performance.now();
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const limit = mb * 1e6;
const sources = interleave(sets.map(sourceFiles));
let bytes = 0;
let poems = 0;
let files = 0;
let repeats = 0;
let pending = [];
let pendingBytes = 0;

function flush() {
  if (pending.length === 0) return;
  const folder = join(out, String(Math.floor(files / FILES_PER_FOLDER)).padStart(3, '0'));
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${String(files + 1).padStart(6, '0')}.txt`), pending.join(''));
  files++;
  bytes += pendingBytes;
  pending = [];
  pendingBytes = 0;
}

outer: for (let round = 0; ; round++) {
  for (const { set, path } of sources) {
    for (const poem of JSON.parse(readFileSync(path, 'utf8'))) {
      const text = formatPoem(set, poem);
      if (!text) continue;
      pending.push(text);
      pendingBytes += Buffer.byteLength(text);
      poems++;
      if (round > 0) repeats++;
      if (pending.length === perFile) flush();
      if (bytes + pendingBytes >= limit) break outer;
    }
  }
}
flush();
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify({ mb, files, poems, bytes, repeats }, null, 2)}\n`);
writeFileSync(stampPath, stamp);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${out}: ${files} files, ${poems} poems${repeats ? ` (${repeats} repeated)` : ''}, ${bytes} bytes, ${seconds} s`);
