/**
 * Ranking: for each judged query (tests/fixtures/judged-queries.json), the first result is the
 * article a person meant. The benchmark reports the mean reciprocal rank of the same set.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../src/core/engine.ts';
import { ingest } from '../../src/core/pipeline.ts';
import type { Section } from '../../src/core/types.ts';
import { CORPUS_DIR } from '../support/corpus.ts';
import { exactnessQueries } from '../support/exactness.ts';
import { JUDGED, judgedFiles, rankOf } from '../support/judged.ts';
import { scaleCorpus } from '../support/scale.ts';

describe('judged queries', () => {
  const engine = new SearchEngine();
  judgedFiles().forEach((file, fileId) => {
    engine.addFile(fileId, file, ingest(new Uint8Array(readFileSync(join(CORPUS_DIR, file))), file).sections);
  });

  it.each(JUDGED)('$q → $title $file', (judged) => {
    expect(rankOf(engine, judged)).toBe(1);
  });
});

describe('ranking only the best hits', () => {
  // 1 MB of poems cut into sections of 200–600 characters, some dated: about 2 500 sections,
  // so common characters have far more hits than a page and the copy window (GROUP_WINDOW).
  const engine = new SearchEngine();
  const texts: string[] = [];
  scaleCorpus(1).forEach((path, fileId) => {
    const text = readFileSync(path, 'utf8');
    const sections: Section[] = [];
    for (let start = 0, k = 0; start < text.length; k++) {
      const length = 200 + ((fileId * 31 + k * 17) % 400);
      const part = text.slice(start, start + length);
      texts.push(part);
      sections.push({ title: part.split('\n')[0]!.slice(0, 20) || '無題', text: part, start, ...(k % 3 === 0 ? { date: `2022-${String(1 + (k % 12)).padStart(2, '0')}-01` } : {}) });
      start += length;
    }
    engine.addFile(fileId, path, sections);
  });
  // Random substrings, plus the 40 commonest characters: the queries with thousands of hits.
  const counts = new Map<string, number>();
  for (const t of texts) for (const c of t) if (/\p{Script=Han}/u.test(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  const common = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([c]) => c);
  const queries = [...exactnessQueries(texts.filter((_, i) => i % 10 === 0), 7, 200), ...common];

  it('gives every page the hits, scores, copies and totals that ranking all of them gives', () => {
    let beyondWindow = 0;
    for (const q of queries) {
      const all = engine.search(q, { limit: 0 });
      if (all.matches > 200) beyondWindow++;
      for (const [offset, limit] of [[0, 20], [20, 20], [180, 40]] as const) {
        const page = engine.search(q, { offset, limit });
        expect(page.total, q).toBe(all.total);
        expect(page.hits, `${q} @${offset}`).toEqual(all.hits.slice(offset, offset + limit));
      }
    }
    // Only meaningful when many queries have far more hits than are ranked.
    expect(beyondWindow).toBeGreaterThan(40);
  });
});
