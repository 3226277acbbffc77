#!/usr/bin/env node
/**
 * Builds the full Simplified/Traditional parallel corpus from Debian's own Chinese documentation
 * packages (downloaded with `apt-get download`, unpacked with `dpkg -x`, nothing installed):
 *
 *   manpages-zh                                      man pages, zh_CN and zh_TW, rendered with `man -l`
 *   debian-reference-zh-cn / -zh-tw                  Debian Reference, HTML
 *   maint-guide-zh-cn / -zh-tw                       New Maintainers' Guide, HTML
 *
 * into <out>/{cn,tw}/…, the same relative path on both sides being the same document. Used by
 * the benchmark's cross-script measurement (`npm run bench -- --parallel full`). Idempotent: a
 * finished output (its .done stamp) is reused.
 *
 *   node scripts/build-parallel-corpus.mjs [--out .cache/parallel-full]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { out: { type: 'string', default: join(ROOT, '.cache', 'parallel-full') } } });
const OUT = values.out;
const WORK = `${OUT}.work`;
const PACKAGES = ['manpages-zh', 'debian-reference-zh-cn', 'debian-reference-zh-tw', 'maint-guide-zh-cn', 'maint-guide-zh-tw'];

const started = performance.now();
const log = (msg) => console.log(`[parallel ${((performance.now() - started) / 1000).toFixed(1)}s] ${msg}`);
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

if (existsSync(join(OUT, '.done'))) {
  log(`${OUT} is built`);
  process.exit(0);
}

// Rendering man pages needs man-db, groff and col; install them when missing and allowed.
const tools = [['man', 'man-db'], ['groff', 'groff-base'], ['col', 'bsdextrautils']].filter(([cmd]) => !has(cmd)).map(([, pkg]) => pkg);
if (tools.length > 0) {
  if (process.getuid?.() !== 0) throw new Error(`missing tools; install: apt-get install ${tools.join(' ')}`);
  log(`installing ${tools.join(' ')}`);
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...tools], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

const debs = join(WORK, 'debs');
mkdirSync(debs, { recursive: true });
const debOf = (pkg) => readdirSync(debs).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'));
const missing = PACKAGES.filter((p) => !debOf(p));
if (missing.length > 0) {
  log(`apt-get download ${missing.join(' ')}`);
  const download = () => spawnSync('apt-get', ['-qq', '-o', 'APT::Sandbox::User=root', 'download', ...missing], { cwd: debs, stdio: 'inherit' });
  if (download().status !== 0) {
    execFileSync('apt-get', ['-qq', 'update'], { stdio: 'inherit' });
    if (download().status !== 0) throw new Error(`could not download ${missing.join(' ')}`);
  }
}
const unpacked = {};
for (const pkg of PACKAGES) {
  const dir = join(WORK, 'root', pkg);
  if (!existsSync(join(dir, '.unpacked'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execFileSync('dpkg', ['-x', join(debs, debOf(pkg)), dir]);
    writeFileSync(join(dir, '.unpacked'), '');
  }
  unpacked[pkg] = dir;
}

const files = (dir) => readdirSync(dir, { recursive: true }).map(String).filter((f) => statSync(join(dir, f)).isFile());
const tmp = `${OUT}.tmp`;
rmSync(tmp, { recursive: true, force: true });

for (const side of ['cn', 'tw']) {
  // HTML manuals: name.zh-cn.html → name.html, so both sides share the path.
  for (const [pkg, sub] of [
    [`debian-reference-zh-${side}`, 'usr/share/debian-reference'],
    [`maint-guide-zh-${side}`, `usr/share/doc/maint-guide-zh-${side}/html`],
  ]) {
    const src = join(unpacked[pkg], sub);
    const dst = join(tmp, side, pkg.replace(`-zh-${side}`, ''));
    mkdirSync(dst, { recursive: true });
    for (const f of files(src).filter((f) => f.endsWith(`.zh-${side}.html`))) copyFileSync(join(src, f), join(dst, basename(f).replace(`.zh-${side}.html`, '.html')));
  }
  // Man pages: regular files only (symlinks are aliases of other pages), rendered to UTF-8 text.
  const manRoot = join(unpacked['manpages-zh'], 'usr/share/man', side === 'cn' ? 'zh_CN' : 'zh_TW');
  const dst = join(tmp, side, 'man');
  mkdirSync(dst, { recursive: true });
  const pages = files(manRoot).filter((f) => f.endsWith('.gz'));
  log(`rendering ${pages.length} ${side} man pages`);
  for (const page of pages) {
    // timeout signals its whole process group: a troff that loops on a page dies with it.
    const r = spawnSync('timeout', ['-k', '5', '30', 'sh', '-c', 'man --nj --nh -l "$1" 2>/dev/null | col -bx', 'sh', join(manRoot, page)], {
      env: { ...process.env, MANWIDTH: '80', MAN_DISABLE_SECCOMP: '1', LANG: 'C.UTF-8' },
      maxBuffer: 1 << 26,
    });
    if (r.status === 0 && r.stdout.length > 0) writeFileSync(join(dst, `${basename(page, '.gz')}.txt`), r.stdout);
  }
}

// Keep only documents present on both sides.
let pairs = 0;
for (const rel of files(join(tmp, 'cn'))) {
  if (existsSync(join(tmp, 'tw', rel))) pairs++;
  else rmSync(join(tmp, 'cn', rel));
}
for (const rel of files(join(tmp, 'tw'))) if (!existsSync(join(tmp, 'cn', rel))) rmSync(join(tmp, 'tw', rel));
writeFileSync(join(tmp, 'SOURCES.tsv'), `package\tfile\n${PACKAGES.map((p) => `${p}\t${debOf(p)}`).join('\n')}\n`);
writeFileSync(join(tmp, '.done'), `${pairs} pairs\n`);
rmSync(OUT, { recursive: true, force: true });
execFileSync('mv', [tmp, OUT]);
log(`${pairs} document pairs in ${relative(ROOT, OUT) || OUT}`);
