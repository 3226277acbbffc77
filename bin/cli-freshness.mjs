// Whether the prebuilt command line (build/cli.mjs, made by scripts/build-cli.mjs on install) is
// at least as new as every source file it was built from, so an edit is never run stale.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time (ms) of the files under `dirs`, or 0 when there are none. */
export function newestMtime(dirs) {
  let newest = 0;
  for (const dir of dirs) {
    for (const name of readdirSync(dir, { recursive: true })) {
      const stat = statSync(join(dir, String(name)), { throwIfNoEntry: false });
      if (stat?.isFile() && stat.mtimeMs > newest) newest = stat.mtimeMs;
    }
  }
  return newest;
}

/** The prebuilt file's path when it exists and is fresh, else null. */
export function freshBuild(built, sourceDirs) {
  const stat = statSync(built, { throwIfNoEntry: false });
  return stat && stat.mtimeMs >= newestMtime(sourceDirs) ? built : null;
}
