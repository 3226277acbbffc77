import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The committed copy of the shared corpus (see tests/fixtures/corpus/README.md). */
export const CORPUS_DIR = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
export const SEEDS_DIR = join(CORPUS_DIR, 'seeds');
export const ENCODINGS_DIR = join(CORPUS_DIR, 'encodings');

/** The five seed documents: name, bytes and UTF-8 text. */
export function seeds(): { name: string; bytes: Uint8Array; text: string }[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => {
      const bytes = new Uint8Array(readFileSync(join(SEEDS_DIR, name)));
      return { name, bytes, text: new TextDecoder().decode(bytes) };
    });
}

/** One entry of encodings/manifest.json. */
export interface EncodingCase {
  file: string;
  encoding: string | null;
  bom: boolean;
  utf8_sha256?: string;
  expected?: string;
  reject: boolean;
}

export function encodingCases(): EncodingCase[] {
  return JSON.parse(readFileSync(join(ENCODINGS_DIR, 'manifest.json'), 'utf8')).files;
}

export function readEncoding(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(ENCODINGS_DIR, file)));
}
