/**
 * Builds the app and serves it with `vite preview` on a free local port for the end-to-end tests.
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { build, preview } from 'vite';

/** Debian's Chromium; never a downloaded browser build. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let server: Awaited<ReturnType<typeof preview>> | undefined;

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install Debian's Chromium (apt-get install -y chromium); \`npm test\` does this by itself.`);
  }
  // The tests drive the app through its test hooks (globalThis.souwen), compiled in only on request.
  process.env.SOUWEN_TEST_HOOKS = '1';
  await build({ logLevel: 'warn' });
  server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('baseUrl', url);
  return async () => {
    await server?.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
