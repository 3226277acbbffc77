#!/usr/bin/env node
/**
 * Renders public/favicon.svg to the PNG icons the web app manifest lists (192, 512 and a
 * maskable 512 with a safe margin), with Debian's Chromium. Run once after changing the icon;
 * the PNGs are committed.
 *
 *   node scripts/gen-icons.mjs
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const PUBLIC = fileURLToPath(new URL('../public/', import.meta.url));
const svg = readFileSync(`${PUBLIC}favicon.svg`, 'utf8');
const ICONS = [
  { file: 'icon-192.png', size: 192, padding: 0 },
  { file: 'icon-512.png', size: 512, padding: 0 },
  // Maskable icons are cropped to a circle of 80 % of their size: keep the glyph inside it.
  { file: 'icon-512-maskable.png', size: 512, padding: 0.1 },
];

mkdirSync(`${PUBLIC}icons`, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  for (const { file, size, padding } of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const inner = Math.round(size * (1 - 2 * padding));
    await page.setContent(
      `<body style="margin:0;background:${padding ? '#b4232a' : 'transparent'};display:grid;place-items:center;width:${size}px;height:${size}px">` +
        svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `) +
        '</body>',
    );
    await page.screenshot({ path: `${PUBLIC}icons/${file}`, omitBackground: padding === 0 });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`wrote ${ICONS.map((i) => `public/icons/${i.file}`).join(', ')}`);
