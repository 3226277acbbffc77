import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expandPaths } from '../../src/cli/files.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Builds (once; the script is idempotent) the scale corpus of `mb` megabytes from the
 * chinese-poetry npm package and returns its files' paths.
 */
export function scaleCorpus(mb: number): string[] {
  const out = join(process.env.SOUWEN_CACHE ?? join(ROOT, '.cache'), 'scale', `txt-${mb}mb`);
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-scale-corpus.mjs'), '--mb', String(mb), '--out', out], { stdio: 'pipe' });
  return expandPaths([out]).filter((p) => p.endsWith('.txt'));
}

export function readBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}
