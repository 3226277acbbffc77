import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchEngine } from '../../src/core/engine.ts';
import { CORPUS_DIR } from './corpus.ts';

/** A query and the article a person means by it (the file, and the title when the file has several). */
export interface Judged {
  q: string;
  file: string;
  title?: string;
}

export const JUDGED: Judged[] = JSON.parse(readFileSync(new URL('../fixtures/judged-queries.json', import.meta.url), 'utf8')).queries;

/** Every file the judged queries are run against: the seeds and the parallel pairs, relative to the corpus folder. */
export function judgedFiles(): string[] {
  const list = (dir: string) => readdirSync(join(CORPUS_DIR, dir)).filter((f) => f.endsWith('.txt')).sort().map((f) => `${dir}/${f}`);
  return [...list('seeds'), ...list('parallel/cn'), ...list('parallel/tw')];
}

/** 1-based rank of the judged article among the results (a hit's "also in" copies count as it), or Infinity. */
export function rankOf(engine: SearchEngine, judged: Judged): number {
  const hits = engine.search(judged.q, { limit: 0 }).hits;
  const index = hits.findIndex((h) =>
    [h.fileName, ...h.alsoIn.map((a) => a.fileName)].includes(judged.file) && (judged.title === undefined || h.title === judged.title),
  );
  return index === -1 ? Infinity : index + 1;
}

/** Mean reciprocal rank over the judged queries. */
export function meanReciprocalRank(engine: SearchEngine): number {
  return JUDGED.reduce((sum, j) => sum + 1 / rankOf(engine, j), 0) / JUDGED.length;
}
