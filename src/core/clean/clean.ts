import { BLANK_LINES, repairArtifacts } from './artifacts.ts';
import { removeBoilerplate, type RemovedLines } from './boilerplate.ts';

/**
 * Cleaned text and what cleaning did (shown by `souwen inspect`): per rule, how many times it
 * changed the text (`counts`), and for the rules that remove whole lines, which lines (`removed`).
 */
export interface CleanedText {
  text: string;
  counts: Record<string, number>;
  removed: Record<string, RemovedLines>;
}

/**
 * Removes what a reader would never call content: converter artifacts first (so boilerplate
 * rules see clean lines), then web chrome, then the blank lines both leave behind. The original text is kept elsewhere for "show original".
 */
export function cleanText(text: string): CleanedText {
  const repaired = repairArtifacts(text);
  const cleaned = removeBoilerplate(repaired.text);
  const tidy = repairArtifacts(cleaned.text, [BLANK_LINES]);
  return { text: tidy.text, counts: { ...repaired.counts, ...cleaned.counts, ...tidy.counts }, removed: cleaned.removed };
}
