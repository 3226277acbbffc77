import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isJunkPath } from '../core/paths.ts';

/**
 * Expands the command line's paths: files are kept as given (even unsupported ones, so the user
 * hears why they were skipped); folders are walked recursively, in name order, keeping files.
 */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (isJunkPath(name)) continue;
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(full);
    }
  };
  for (const p of paths) {
    if (statSync(p).isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}
