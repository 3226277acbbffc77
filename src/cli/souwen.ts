/**
 * `souwen` command line: the app's core pipeline and search engine on local files, for tests,
 * benchmarks and power users. Same normalization, tokenizer and ranking as the app.
 *
 *   souwen inspect <files|folders…> [--json]
 *   souwen search "<query>" <files|folders…> [--json] [--limit N]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SearchEngine } from '../core/engine.ts';
import { ingestMany } from '../core/pipeline.ts';
import type { IngestedFile } from '../core/types.ts';
import { expandPaths } from './files.ts';

const USAGE = `usage:
  souwen inspect <files or folders…> [--json] [--text]   (--text: also the cleaned text of each section)
  souwen search "<query>" <files or folders…> [--json] [--limit N]   (--limit 0: all hits; default 20)
  souwen search --queries FILE <files or folders…> [--limit N]        (one query per line; one JSON line of hits per query)`;

type Loaded = { path: string; file: IngestedFile } | { path: string; error: { code: string; message: string } };

/** A file from disk through the pipeline; a zip gives one result per entry. */
function load(path: string): Loaded[] {
  return ingestMany(new Uint8Array(readFileSync(path)), path).map((o) =>
    'error' in o ? { path: o.path, error: { code: o.error.code, message: o.error.message } } : o,
  );
}

function inspect(paths: string[], json: boolean, withText: boolean): void {
  const report = expandPaths(paths).flatMap(load).map((l) =>
    'error' in l
      ? { path: l.path, error: l.error }
      : {
          path: l.path,
          encoding: l.file.encoding,
          bom: l.file.bom,
          chars: l.file.chars,
          cleaning: l.file.cleaning,
          removed: l.file.removed,
          ...(l.file.decodeNotes ? { notes: l.file.decodeNotes } : {}),
          sections: l.file.sections.map((s) => ({
            title: s.title,
            url: s.url,
            source: s.source,
            date: s.date,
            start: s.start,
            length: s.text.length,
            ...(withText ? { text: s.text } : {}),
          })),
        },
  );
  if (json) return void process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  for (const r of report) {
    if ('error' in r) {
      console.log(`${r.path}: skipped (${r.error!.code}) ${r.error!.message}`);
      continue;
    }
    console.log(`${r.path}: ${r.encoding}${r.bom ? ' with BOM' : ''}, ${r.chars} chars, ${r.sections.length} section(s)`);
    for (const note of r.notes ?? []) console.log(`  note: ${note}`);
    const rules = Object.entries(r.cleaning ?? {});
    if (rules.length > 0) console.log(`  cleaned: ${rules.map(([k, n]) => `${k} ×${n}`).join(', ')}`);
    for (const [rule, gone] of Object.entries(r.removed ?? {})) {
      console.log(`  removed by ${rule}: ${gone.lines} line(s), e.g. ${gone.examples.map((e) => `«${e}»`).join(' ')}`);
    }
    r.sections.forEach((s, i) => {
      console.log(`  ${i}. ${s.title}${s.source ? ` — ${s.source}` : ''}${s.date ? ` [${s.date}]` : ''}${s.url ? ` <${s.url}>` : ''} (${s.length} chars)`);
      if (s.text !== undefined) console.log(s.text.replace(/^/gm, '     | '));
    });
  }
}

/**
 * The files as one engine.
 * @param pinyinTables whether to write the pinyin tables, which serve many queries. Without them
 *   a pinyin query is still exact, reading its candidates (DESIGN.md, decision 96): for the one
 *   query of a `search`, writing tables for every section costs more than that (they were half of
 *   a search over the seeds).
 */
function buildEngine(paths: string[], pinyinTables: boolean): { engine: SearchEngine; skipped: { path: string; code: string; message: string }[] } {
  const engine = new SearchEngine();
  const skipped: { path: string; code: string; message: string }[] = [];
  engine.deferReadings(!pinyinTables);
  expandPaths(paths)
    .flatMap(load)
    .forEach((l, fileId) => {
      if ('error' in l) return void skipped.push({ path: l.path, ...l.error });
      engine.addFile(fileId, l.path, l.file.sections);
    });
  return { engine, skipped };
}

/**
 * A page of hits as the CLI prints them. Each hit says how it matched (`literal`, `wording`,
 * `pinyin`); `matches` counts literal hits only (what Ctrl-F would find).
 */
function hitsOf(engine: SearchEngine, query: string, limit: number) {
  const result = engine.search(query, { limit });
  const hits = result.hits.map((h) => ({
    match: h.match,
    ...(h.wording ? { wording: h.wording } : {}),
    path: h.fileName,
    title: h.title,
    section: h.sectionIndex,
    url: h.url,
    source: h.source,
    date: h.date,
    score: Number(h.score.toFixed(4)),
    snippet: h.snippet.text,
    marks: h.snippet.marks.map((m) => h.snippet.text.slice(m.start, m.end)),
    alsoIn: h.alsoIn.map((a) => ({ path: a.fileName, title: a.title })),
  }));
  const { total, matches, wordingMatches, pinyinMatches, facets } = result;
  return { query, total, matches, wordingMatches, pinyinMatches, facets, hits };
}

function search(query: string, paths: string[], json: boolean, limit: number): void {
  const { engine, skipped } = buildEngine(paths, false);
  const page = hitsOf(engine, query, limit);
  const { total, hits } = page;
  if (json) return void process.stdout.write(`${JSON.stringify({ ...page, skipped }, null, 2)}\n`);
  for (const s of skipped) console.error(`${s.path}: skipped (${s.code}) ${s.message}`);
  console.log(`${total} result(s) for ${JSON.stringify(query)}`);
  hits.forEach((h, i) => {
    const how = h.match === 'wording' ? `  [用词：${h.wording?.join('、')}]` : h.match === 'pinyin' ? '  [拼音]' : '';
    console.log(`${i + 1}. ${h.title}  —  ${h.path} §${h.section}${how}`);
    console.log(`   ${h.snippet.replace(/\s+/g, ' ')}`);
  });
}

/** Indexes once, then answers every line of the queries file with one JSON line (for evaluations and benchmarks). */
function searchMany(queriesFile: string, paths: string[], limit: number): void {
  const { engine, skipped } = buildEngine(paths, true);
  for (const s of skipped) console.error(`${s.path}: skipped (${s.code}) ${s.message}`);
  const queries = readFileSync(queriesFile, 'utf8').split(/\r?\n/).filter((q) => q.trim());
  for (const q of queries) process.stdout.write(`${JSON.stringify(hitsOf(engine, q, limit))}\n`);
}

/** Runs the command line; returns the exit code. */
export function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      text: { type: 'boolean', default: false },
      queries: { type: 'string' },
      limit: { type: 'string', default: '20' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  const limit = Number(values.limit);
  if (values.help || !command || !Number.isInteger(limit) || limit < 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  if (command === 'inspect' && rest.length > 0) {
    inspect(rest, values.json, values.text);
    return 0;
  }
  if (command === 'search' && values.queries && rest.length > 0) {
    searchMany(values.queries, rest, limit);
    return 0;
  }
  if (command === 'search' && rest.length > 1) {
    search(rest[0]!, rest.slice(1), values.json, limit);
    return 0;
  }
  console.error(USAGE);
  return 2;
}
