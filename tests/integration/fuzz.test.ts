/**
 * Fuzzing the reading pipeline: random and structure-aware inputs (bytes, zips, HTML, EPUB,
 * Markdown) go through `ingestMany`, and every one ends as per-file outcomes — never a throw,
 * never an outcome without a path.
 */
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ingestMany } from '../../src/core/pipeline.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

function expectOutcomes(bytes: Uint8Array, name: string): void {
  const outcomes = ingestMany(bytes, name);
  expect(outcomes.length).toBeGreaterThan(0);
  for (const o of outcomes) {
    expect(typeof o.path).toBe('string');
    expect('file' in o || 'error' in o).toBe(true);
  }
}

const NAMES = ['a.txt', 'b.md', 'c.html', 'd.zip', 'e.epub', 'noext', '__proto__', 'x/../y.txt', '.hidden', '目录/文件.txt'];
const TAGS = ['<div>', '</div>', '<p>', '<li>', '<pre>', '</pre>', '<h1>', '</h1>', '<script>', '</script>', '<!--', '-->', '&amp;', '&#x4e2d;', '文字', ' ', '\n', '<', '>'];
const MD = ['# ', '[', ']', '(', ')', '**', '*', '__', '~~', '`', '```\n', '> ', '---\n', '1. ', '〔唐〕李白\n', '%\n', '原文: https://a.cn\n', ' ', '\n', '芯片'];
const fragment = (parts: string[]) => fc.array(fc.constantFrom(...parts), { maxLength: 200 }).map((p) => p.join(''));

describe('fuzzing ingest', () => {
  it('random bytes under every kind of name', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom(...NAMES), (bytes, name) => expectOutcomes(bytes, name)), { numRuns: 300, seed: 1 });
  });

  it('HTML and Markdown tag soup', () => {
    fc.assert(fc.property(fragment(TAGS), (html) => expectOutcomes(utf8(html), 'page.html')), { numRuns: 200, seed: 2 });
    fc.assert(fc.property(fragment(MD), (md) => expectOutcomes(utf8(md), 'note.md')), { numRuns: 200, seed: 3 });
  });

  it('random zips, nested zips and EPUB-shaped zips, intact and damaged', () => {
    // No `__proto__` here: fflate's zip writer loses such an entry (zip.test.ts reads one by renaming).
    const names = NAMES.filter((n) => n !== '__proto__');
    const entry = fc.tuple(fc.constantFrom(...names, 'META-INF/container.xml', 'content.opf'), fragment([...TAGS, ...MD]));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 }), fc.boolean(), (entries, at, damage, epub) => {
        const files: Record<string, Uint8Array> = Object.fromEntries([
          ...entries.map(([name, text]) => [name, utf8(text)] as const),
          ['inner.zip', zipSync({ 'n.txt': utf8(entries.map(([, t]) => t).join('')) })],
        ]);
        const zip = zipSync(files);
        expectOutcomes(zip, epub ? 'book.epub' : 'archive.zip');
        const broken = zip.slice();
        broken.set(damage.subarray(0, Math.max(0, broken.length - (at % broken.length))), at % broken.length);
        expectOutcomes(broken, epub ? 'book.epub' : 'archive.zip');
        expectOutcomes(zip.subarray(0, at % zip.length), 'cut.zip');
      }),
      { numRuns: 150, seed: 4 },
    );
  });
});
