/**
 * The current results as a file people can keep: Markdown (a list to paste into notes) or CSV
 * (a table for a spreadsheet). Each row: title, source, date, a link to the article in Souwen,
 * and the snippet. Document text is escaped for each format, never interpreted.
 */
import type { Hit } from '../shared/protocol.ts';

export type ExportFormat = 'markdown' | 'csv';

/** Column headings, in the interface language. */
export interface ExportHeadings {
  title: string;
  source: string;
  date: string;
  link: string;
  snippet: string;
}

const snippetOf = (hit: Hit) => `${hit.snippet.cutStart ? '…' : ''}${hit.snippet.text}${hit.snippet.cutEnd ? '…' : ''}`.replace(/\s+/g, ' ').trim();

/**
 * A CSV field (RFC 4180), quoted when it must be. A leading = + - @ is prefixed with ' so that a
 * spreadsheet shows it rather than running it as a formula (OWASP's CSV injection advice).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Markdown text shown as written: its punctuation escaped, lines joined. */
export function markdownText(value: string): string {
  return value.replace(/\s+/g, ' ').replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1');
}

/** The hits as a file's text in `format`; `linkOf` gives each hit's link. */
export function exportResults(hits: readonly Hit[], format: ExportFormat, headings: ExportHeadings, linkOf: (hit: Hit) => string): string {
  if (format === 'csv') {
    const rows = [[headings.title, headings.source, headings.date, headings.link, headings.snippet]];
    for (const hit of hits) rows.push([hit.title, hit.source ?? '', hit.date ?? '', linkOf(hit), snippetOf(hit)]);
    // A byte-order mark, so that spreadsheet programs read the Chinese as UTF-8.
    return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
  }
  return hits
    .map((hit) => {
      const meta = [hit.source, hit.date].filter(Boolean).map((m) => markdownText(m!)).join(' · ');
      return `- [${markdownText(hit.title)}](<${linkOf(hit).replace(/[<>\s]/g, encodeURIComponent)}>)${meta ? ` — ${meta}` : ''}\n  > ${markdownText(snippetOf(hit))}`;
    })
    .join('\n');
}
