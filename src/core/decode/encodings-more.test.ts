import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../errors.ts';
import { ingest } from '../pipeline.ts';
import { decode } from './decode.ts';

/** Real text in encodings people meet (see tests/fixtures/corpus/encodings-more/README.md). */
const DIR = new URL('../../../tests/fixtures/corpus/encodings-more/', import.meta.url);
interface Case {
  file: string;
  iconv: string;
  outcome: 'decoded' | 'refused';
  encoding?: string;
  expected?: string;
  notes?: number;
  code?: string;
  looksLike?: string;
}
const cases: Case[] = JSON.parse(readFileSync(new URL('manifest.json', DIR), 'utf8')).files;
const read = (file: string) => new Uint8Array(readFileSync(new URL(file, DIR)));

function refusal(bytes: Uint8Array, name: string): PipelineError {
  try {
    decode(bytes, name);
  } catch (e) {
    if (e instanceof PipelineError) return e;
    throw e;
  }
  throw new Error(`${name} was decoded`);
}

describe('decode on real text in more encodings', () => {
  it.each(cases.filter((c) => c.outcome === 'decoded'))('decodes $file ($iconv) as $encoding, exactly', (c) => {
    const d = decode(read(c.file), c.file);
    expect(d.encoding).toBe(c.encoding);
    expect(d.text).toBe(readFileSync(new URL(c.expected!, DIR), 'utf8'));
    expect(d.notes?.length ?? 0).toBe(c.notes ?? 0);
  });

  it.each(cases.filter((c) => c.outcome === 'refused'))('refuses $file ($iconv) with $code $looksLike', (c) => {
    const e = refusal(read(c.file), c.file);
    expect(e.code).toBe(c.code);
    if (c.looksLike) expect(e.message).toContain(`looks like ${c.looksLike},`);
  });
});
