import type { Section } from '../types.ts';
import { normalizeText } from '../normalize/normalize.ts';
import type { Line } from './lines.ts';

/** Lines searched for a byline; it sits near the top of a scraped article page. */
const BYLINE_WINDOW = 60;
const SOURCE = /来源\s*[:：]\s*([^\s?•|·]+)/;
const DATE = /((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])/;

/**
 * Finds the article in a scraped news page by its byline (`來源:量子位 ? 作者:… ? 2022-05-31`):
 * the title is the line above it, the source and date come from it, and everything above the
 * title (site header, account widgets) is left out. Returns null when there is no byline.
 */
export function splitWebArticle(text: string, lines: readonly Line[]): Section[] | null {
  for (let i = 1; i < Math.min(lines.length, BYLINE_WINDOW); i++) {
    // No byline without 源 (the same character in both scripts, and the only one that folds to
    // it): skip the normalization of the other lines, which was most of the cost of splitting.
    if (!lines[i]!.text.includes('源')) continue;
    const norm = normalizeText(lines[i]!.text);
    const source = SOURCE.exec(norm);
    const date = DATE.exec(norm);
    if (!source || !date) continue;
    let t = i - 1;
    while (t >= 0 && !lines[t]!.text.trim()) t--;
    if (t < 0) return null;
    const start = lines[t]!.start;
    // The source as written in the file (the normalized form may differ in script).
    const written = lines[i]!.text.slice(source.index, source.index + source[0].length).replace(/^[^:：]*[:：]\s*/, '');
    return [{ title: lines[t]!.text.trim(), source: written, date: `${date[1]}-${date[2]}-${date[3]}`, text: text.slice(start), start }];
  }
  return null;
}
