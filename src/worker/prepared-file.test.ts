/**
 * A prepared file (what the parsing worker sends) loses nothing the indexer needs: its texts are
 * remade from their patches, its original from its gaps, its hash is its texts' hash, and the
 * engine stores exactly what it stores of the file read whole. And it is smaller to send.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, encodingCases, readEncoding, seeds } from '../../tests/support/corpus.ts';
import { sha256 } from '../../tests/support/hash.ts';
import { SearchEngine } from '../core/engine.ts';
import { foldSection } from '../core/normalize/fold-sections.ts';
import { applyPatch } from '../core/normalize/text-patch.ts';
import { ingestMany } from '../core/pipeline.ts';
import type { IngestedFile } from '../core/types.ts';
import { joinWithGaps } from './original-gaps.ts';
import { prepareFile } from './prepared-file.ts';

const COLLECTIONS = join(CORPUS_DIR, '..', 'collections');

/** Every file the seeds, the encoding corpus and two poetry collections read into. */
function readFiles(): IngestedFile[] {
  const sources = [
    ...seeds().map((s) => ({ path: s.name, bytes: s.bytes })),
    ...encodingCases().map((c) => ({ path: c.file, bytes: readEncoding(c.file) })),
    ...['poems-scale.txt', 'fortune-tang300.txt'].map((name) => ({ path: name, bytes: new Uint8Array(readFileSync(join(COLLECTIONS, name))) })),
  ];
  return sources.flatMap(({ path, bytes }) => ingestMany(bytes, path).flatMap((o) => ('file' in o ? [o.file] : [])));
}

const files = readFiles();

describe('prepareFile', () => {
  it('reads many files of many shapes (the checks below are not vacuous)', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.reduce((n, f) => n + f.sections.length, 0)).toBeGreaterThan(80);
  });

  it('leaves out exactly the texts their patches remake, and each is remade as it was', async () => {
    let leftOut = 0;
    for (const file of files) {
      const prepared = await prepareFile(file, sha256);
      expect(prepared.sections).toHaveLength(file.sections.length);
      for (const [i, section] of prepared.sections.entries()) {
        const { text } = file.sections[i]!;
        if (section.text !== undefined) {
          expect(section.text).toBe(text);
          expect(section.folded?.patch).toBeUndefined();
        } else {
          leftOut++;
          expect(applyPatch(section.folded.norm, section.folded.patch)).toBe(text);
        }
      }
    }
    expect(leftOut).toBeGreaterThan(40);
  });

  it('keeps the original as gaps where they rebuild it exactly, else whole', async () => {
    let asGaps = 0;
    for (const file of files) {
      const { original } = await prepareFile(file, sha256);
      if ('gaps' in original) {
        asGaps++;
        expect(joinWithGaps(file.sections.map((s) => s.text), original.gaps)).toBe(file.original);
      } else expect(original.text).toBe(file.original);
    }
    expect(asGaps).toBeGreaterThan(10);
    expect(asGaps).toBeLessThan(files.length);
  });

  it('hashes the texts as duplicates are known by: line ends made alike, sections apart', async () => {
    const file = files.find((f) => f.sections.length > 1)!;
    const { textHash } = await prepareFile(file, sha256);
    const joined = file.sections.map((s) => s.text.replace(/\r\n?/g, '\n')).join('\u0000');
    expect(textHash).toBe(await sha256(new TextEncoder().encode(joined)));
  });

  it('is stored by the engine exactly as the file read whole', async () => {
    for (const file of files) {
      const prepared = await prepareFile(file, sha256);
      expect(new SearchEngine().addFile(1, file.name, prepared.sections)).toEqual(new SearchEngine().addFile(1, file.name, file.sections));
    }
  });

  // At 50 MB of poems: 69 MB posted where 142 MB were; a file of 15 poems is mostly titles and keys.
  it('is smaller to send than the file read whole and folded (which sends texts and originals twice)', async () => {
    const poems = files.filter((f) => f.name === 'poems-scale.txt' || f.name === 'fortune-tang300.txt');
    expect(poems).toHaveLength(2);
    for (const file of poems) {
      const prepared = await prepareFile(file, sha256);
      const whole = { ...file, sections: file.sections.map((s) => ({ ...s, folded: foldSection(s, undefined) })) };
      expect(serialize(prepared).length).toBeLessThan(serialize(whole).length * 0.8);
    }
  });
});
