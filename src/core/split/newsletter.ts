import type { Section } from '../types.ts';
import type { Line } from './lines.ts';

/**
 * `1. Title`, `?1. Title` (a character lost by the scraper), `2、Title`. Tested on the trimmed line:
 * on the raw line, `\s*[?？]?\s*` and `(\S.*?)\s*$` backtracked over long runs of spaces.
 */
const ARTICLE_HEAD = /^[?？]?\s*(\d{1,3})\s*[.．、]\s*(\S.*)$/;
/** The `原文:` line that follows an article title; the URL is on it or on the next line. Tested on the trimmed line. */
const SOURCE_LINE = /^原文\s*[:：]\s*(\S*)$/;
const URL = /^\s*(https?:\/\/\S+)\s*$/;
/** How many lines after a title the `原文:` line may appear. */
const SOURCE_WINDOW = 2;
/** `20221125`, `2022-11-25`, `2022年11月25日` in an issue's header. */
const ISSUE_DATE = /((?:19|20)\d{2})[-/.年]?(0[1-9]|1[0-2])[-/.月]?(0[1-9]|[12]\d|3[01])/;

function sourceUrl(lines: readonly Line[], head: number): string | undefined | null {
  for (let k = head + 1; k <= head + SOURCE_WINDOW && k < lines.length; k++) {
    const m = SOURCE_LINE.exec(lines[k]!.text.trim());
    if (!m) continue;
    if (m[1]) return URL.test(m[1]) ? m[1] : undefined;
    const next = lines[k + 1] && URL.exec(lines[k + 1]!.text);
    return next ? next[1] : undefined;
  }
  return null;
}

function issueDate(header: string): string | undefined {
  const m = ISSUE_DATE.exec(header);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** The header line that names the issue (`AI 简报 20221125 期`), else its first line. */
function issueTitle(headerLines: readonly string[]): string | undefined {
  return headerLines.find((l) => ISSUE_DATE.test(l)) ?? headerLines[0];
}

/**
 * Splits a newsletter issue (the `AI 简报` format: numbered title line, `原文:` source URL, body)
 * into its articles. Returns `null` when the text is not such an issue.
 *
 * @remarks A numbered line only starts an article when a `原文:` line follows it closely, so
 * numbered lists inside an article body (`1、简介`, `2.1 …`) stay in the body.
 * Text before the first article is the issue header: its title (as the articles' source) and date
 * go to every article, and it is kept as its own section only when it holds more than a header.
 */
export function splitNewsletter(text: string, lines: readonly Line[]): Section[] | null {
  const heads: { line: number; title: string; url: string | undefined }[] = [];
  lines.forEach((line, i) => {
    const m = ARTICLE_HEAD.exec(line.text.trim());
    if (!m) return;
    const url = sourceUrl(lines, i);
    if (url !== null) heads.push({ line: i, title: m[2]!, url });
  });
  if (heads.length === 0) return null;

  const firstStart = lines[heads[0]!.line]!.start;
  const header = text.slice(0, firstStart);
  const date = issueDate(header);
  const sections: Section[] = [];
  const headerLines = header.split(/\r\n|\n|\r/).map((l) => l.trim()).filter(Boolean);
  const issue = issueTitle(headerLines);
  if (headerLines.length > 3) {
    sections.push({ title: headerLines[0]!, text: header, start: 0, ...(date ? { date } : {}) });
  }
  heads.forEach((head, k) => {
    const start = lines[head.line]!.start;
    const end = k + 1 < heads.length ? lines[heads[k + 1]!.line]!.start : text.length;
    sections.push({
      title: head.title,
      text: text.slice(start, end),
      start,
      ...(head.url ? { url: head.url } : {}),
      ...(issue ? { source: issue } : {}),
      ...(date ? { date } : {}),
    });
  });
  return sections;
}
