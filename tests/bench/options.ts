/** The benchmark's command line and corpora (see bench.ts for the flags). */
import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The parsed flags. */
export const { values: args } = parseArgs({
  options: {
    mb: { type: 'string', default: '10' },
    queries: { type: 'string', default: '500' },
    quick: { type: 'boolean', default: false },
    'node-only': { type: 'boolean', default: false },
    anchors: { type: 'boolean', default: false },
    'anchor-queries': { type: 'string', default: '200' },
    parallel: { type: 'string', default: 'sample' },
  },
});
/** Megabytes of the scale corpus. */
export const MB = Number(args.mb);
/** Exactness and latency queries. */
export const QUERY_COUNT = Number(args.queries);
/** Passes over the queries (and imports, reloads): each number is a median over them. */
export const REPEATS = args.quick ? 1 : 3;

/** A folder of files the benchmark imports. */
export interface Corpus {
  label: string;
  files: { path: string; name: string; abs: string }[];
  bytes: number;
}

/** The files at `paths`, named relative to `dir`. */
export function corpusOf(label: string, dir: string, paths: string[]): Corpus {
  const files = paths.map((abs) => ({ abs, path: relative(dir, abs), name: basename(abs) }));
  return { label, files, bytes: files.reduce((n, f) => n + readFileSync(f.abs).length, 0) };
}
