/**
 * True only in builds for the end-to-end tests and the benchmark (vite.config.ts `define`,
 * `SOUWEN_TEST_HOOKS=1`): the `globalThis.souwen` hook is compiled out otherwise.
 */
declare const __SOUWEN_TEST_HOOKS__: boolean;
