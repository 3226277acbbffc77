/**
 * Settings remembered in localStorage. Storage may be unavailable (private mode, blocked
 * cookies): reading then gives undefined and writing does nothing, so a choice still applies to
 * the page it was made on.
 */

/** The saved value under `key`, if any. */
export function readSaved(key: string): string | undefined {
  try {
    return globalThis.localStorage?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Remembers `value` under `key`. */
export function save(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Not persisted; the choice still applies to this page.
  }
}
