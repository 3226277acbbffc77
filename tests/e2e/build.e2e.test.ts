/**
 * The test hook (`globalThis.souwen`) is in the build the end-to-end tests and the benchmark
 * run, and not in the one `npm run build` ships.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

/** The built JavaScript of a build in `dir`, all files joined. */
function builtJs(dir: string): string {
  return readdirSync(join(dir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(dir, 'assets', f), 'utf8'))
    .join('\n');
}

/** The app's hook: `globalThis.souwen = {client, library, search}`, however minified. */
const HOOK = /\.souwen\s*=/;

describe('test hooks', () => {
  const out = mkdtempSync(join(tmpdir(), 'souwen-build-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('are compiled into the end-to-end build (global-setup.ts, SOUWEN_TEST_HOOKS=1)', () => {
    const js = builtJs('dist');
    expect(js).toMatch(HOOK);
  });

  it('are not in the production build', async () => {
    const saved = process.env.SOUWEN_TEST_HOOKS;
    delete process.env.SOUWEN_TEST_HOOKS;
    try {
      await build({ mode: 'production', logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
    } finally {
      process.env.SOUWEN_TEST_HOOKS = saved;
    }
    const js = builtJs(out);
    expect(js).not.toMatch(HOOK);
    expect(js).toContain('souwen-indexer');
  });
});
