/** Engines in one process share no mutable state: each answers as if it were alone. */
import { describe, expect, it } from 'vitest';
import { seeds } from '../../tests/support/corpus.ts';
import { SearchEngine } from './engine.ts';
import { ingest } from './pipeline.ts';

const QUERIES = ['芯片', '晶體管', '的', '鲲', 'transformer', 'RISC-V', 'xinpian', '芯片 企业', '文件'];

const files = seeds().map(({ name, bytes }) => ({ name, sections: ingest(bytes, name).sections }));

/**
 * Every answer of an engine to the queries, hits and all, without section ids: the engine
 * allocates them, so the same file has other ids in an engine that held a removed one.
 */
const answers = (engine: SearchEngine) =>
  QUERIES.map((q) => {
    const { hits, ...counts } = engine.search(q, { limit: 0 });
    return { ...counts, hits: hits.map(({ sectionId: _id, alsoIn, ...hit }) => ({ ...hit, alsoIn: alsoIn.map((a) => a.fileName) })) };
  });

/** The files at the given positions added to one engine, alone. */
function alone(positions: readonly number[]): SearchEngine {
  const engine = new SearchEngine();
  for (const p of positions) add(engine, p);
  return engine;
}

function add(engine: SearchEngine, position: number): void {
  const { name, sections } = files[position]!;
  engine.addFile(position, name, sections);
}

describe('two engines in one process', () => {
  it('answer as each alone would while their adds, removals and queries interleave', () => {
    // Each engine holds other files, so any state leaking from one to the other shows.
    const even = [0, 2, 4].filter((p) => p < files.length);
    const odd = [1, 3].filter((p) => p < files.length);
    const a = new SearchEngine();
    const b = new SearchEngine();
    for (let k = 0; k < Math.max(even.length, odd.length); k++) {
      if (even[k] !== undefined) add(a, even[k]!);
      // A query on one engine while the other has sections queued for its pair index.
      expect(answers(b)).toEqual(answers(alone(odd.slice(0, k))));
      if (odd[k] !== undefined) add(b, odd[k]!);
      expect(answers(a)).toEqual(answers(alone(even.slice(0, k + 1))));
    }
    expect(answers(b)).toEqual(answers(alone(odd)));
    a.removeFile(even[0]!);
    expect(answers(b)).toEqual(answers(alone(odd)));
    expect(answers(a)).toEqual(answers(alone(even.slice(1))));
  });
});
