import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

/**
 * Test hooks (`globalThis.souwen`, the worker's `stats` request) are compiled in only when
 * `SOUWEN_TEST_HOOKS=1` (set by the end-to-end setup and the benchmark) or under Vitest; the
 * bundle `npm run build` ships has none.
 */
export const testHooks = (mode: string) => process.env.SOUWEN_TEST_HOOKS === '1' || mode === 'test';

export default defineConfig(({ mode }) => ({
  define: { __SOUWEN_TEST_HOOKS__: JSON.stringify(testHooks(mode)) },
  // Relative base: the built site works from any sub-path of a static host.
  base: './',
  plugins: [
    svelte(),
    // The service worker precaches everything the app needs (shell, worker, opencc dictionaries,
    // sample documents), so after one visit it loads and works offline. A new version waits
    // for the user to choose to reload (registerType 'prompt'); nothing reloads under them.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        name: '搜文 Souwen',
        short_name: '搜文',
        description: '在浏览器里搜索你自己的中文文档，文件不离开你的设备。',
        lang: 'zh-Hans',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#fbfaf7',
        theme_color: '#b4232a',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json,txt}'],
        // The Traditional display converter chunk is 1.1 MB.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        // The first install takes control of the open page at once, so a later update found in
        // the same visit can take over when the person clicks “重新加载”. A new version never
        // skips waiting by itself.
        clientsClaim: true,
      },
    }),
  ],
  worker: { format: 'es' },
  // The Traditional display converter (opencc-js cn2t, ~1.1 MB) is a lazily loaded chunk on purpose.
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1200 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          exclude: ['src/app/**'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'node',
          include: ['src/app/**/*.test.svelte.ts', 'src/app/**/*.test.ts', 'src/platform/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
}));
