#!/usr/bin/env node
/**
 * Builds the command line into one plain JavaScript file, `build/cli.mjs`, so that `souwen`
 * starts without compiling TypeScript (run by `npm install`/`npm ci` through `prepare`).
 * Dependencies are bundled too: Node resolved and loaded each of them apart, 0.1 s of a search
 * over the seeds (DESIGN.md, decision 96).
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
await build({
  entryPoints: [`${root}src/cli/souwen.ts`],
  outfile: `${root}build/cli.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
