/**
 * Ranking: for each judged query (tests/fixtures/judged-queries.json), the first result is the
 * article a person meant. The benchmark reports the mean reciprocal rank of the same set.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../src/core/engine.ts';
import { ingest } from '../../src/core/pipeline.ts';
import { CORPUS_DIR } from '../support/corpus.ts';
import { JUDGED, judgedFiles, rankOf } from '../support/judged.ts';

describe('judged queries', () => {
  const engine = new SearchEngine();
  let id = 1;
  judgedFiles().forEach((file, fileId) => {
    id += engine.addFile(fileId, file, ingest(new Uint8Array(readFileSync(join(CORPUS_DIR, file))), file).sections, id).length;
  });

  it.each(JUDGED)('$q → $title $file', (judged) => {
    expect(rankOf(engine, judged)).toBe(1);
  });
});
