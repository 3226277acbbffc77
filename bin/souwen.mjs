#!/usr/bin/env node
// Runs the TypeScript command line directly (through tsx), so the CLI and the app share the
// same source with no separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/souwen.ts');
process.exitCode = main(process.argv.slice(2));
