#!/usr/bin/env node
/**
 * Builds the command line into one plain JavaScript file, `build/cli.mjs`, so that `souwen`
 * starts without compiling TypeScript (run by `npm install`/`npm ci` through `prepare`).
 * Dependencies stay in node_modules (`packages: 'external'`); only our source is bundled.
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
  packages: 'external',
  logLevel: 'warning',
});
