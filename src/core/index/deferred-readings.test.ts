/**
 * Pinyin tables deferred while sections are added, then written a slice at a time, are the
 * tables written with each section: the same snapshot bytes, the same answers.
 */
import { describe, expect, it } from 'vitest';
import { seeds } from '../../../tests/support/corpus.ts';
import { SearchEngine } from '../engine.ts';
import { ingest } from '../pipeline.ts';

function built(defer: boolean): SearchEngine {
  const engine = new SearchEngine();
  engine.deferReadings(defer);
  seeds().forEach((s, fileId) => engine.addFile(fileId, s.name, ingest(s.bytes, s.name).sections));
  return engine;
}

describe('deferred pinyin tables', () => {
  it('are none while deferred, and once written in slices equal those written with each section', async () => {
    const inline = built(false);
    const deferred = built(true);
    expect(inline.readingsIndexed).toBe(true);
    expect(deferred.readingsIndexed).toBe(false);
    // Nothing may be written while they are deferred: nothing is left to do now.
    expect(deferred.indexCharacters(1000)).toBe(true);
    expect(deferred.readingsIndexed).toBe(false);
    for (const q of ['xp', 'xinpian', 'ai', 'my', 'zhongguo']) expect(deferred.search(q, { limit: 0 })).toEqual(inline.search(q, { limit: 0 }));
    deferred.deferReadings(false);
    let slices = 0;
    while (!deferred.indexCharacters(2000)) slices++;
    expect(slices).toBeGreaterThan(3);
    expect(deferred.readingsIndexed).toBe(true);
    inline.compactIndex();
    deferred.compactIndex();
    expect(await deferred.exportIndex()).toEqual(await inline.exportIndex());
  });
});
