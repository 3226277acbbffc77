#!/usr/bin/env node
// Runs the command line prebuilt as plain JavaScript (build/cli.mjs, made on install by
// scripts/build-cli.mjs: about 0.25 s to answer a search over the seeds, against 0.5–0.6 s
// compiling the TypeScript first). When that file is missing or older than a source file, the
// TypeScript is run directly through tsx, so the CLI never runs stale code.
import { fileURLToPath } from 'node:url';
import { freshBuild } from './cli-freshness.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const built = process.env.SOUWEN_CLI_FROM_SOURCE ? null : freshBuild(`${root}build/cli.mjs`, [`${root}src/core`, `${root}src/cli`]);
let main;
if (built) ({ main } = await import(built));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/souwen.ts'));
}
process.exitCode = main(process.argv.slice(2));
