import type { PipelineErrorCode } from '../../core/errors.ts';
import { locale } from '../state/locale.svelte.ts';
import type { Messages } from './types.ts';

export type { HelpRow, Messages, Rich } from './types.ts';

/**
 * The interface's messages in the current language. Every text the UI shows comes from here:
 * `t.library.heading`, `t.results.none(query)`. Each property is read from the current
 * language's catalogue when it is used, so a component reading `t.x` inside its template redraws
 * when the language changes (the read goes through `locale`'s reactive state).
 */
export const t: Messages = new Proxy({} as Messages, {
  get: (_, key) => locale.messages[key as keyof Messages],
});

/** Why a file was skipped, with the detail the pipeline gave (what a refused encoding looks like). */
export function skipReason(code: PipelineErrorCode, detail?: string): string {
  return code === 'foreign-encoding' && detail ? t.skip.foreignEncoding(detail) : t.skip.reasons[code];
}

/** Formats a byte count for people: 2.5 GB, 1.2 MB, 340 KB. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} KB`;
  return `${bytes} B`;
}
