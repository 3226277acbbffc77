import { BLANK_LINES, repairArtifacts } from './artifacts.ts';
import { removeBoilerplate } from './boilerplate.ts';

/** Cleaned text and, per rule, how many times it changed the text (shown by `souwen inspect`). */
export interface CleanedText {
  text: string;
  counts: Record<string, number>;
}

/**
 * Removes what a reader would never call content: converter artifacts first (so boilerplate
 * rules see clean lines), then web chrome, then the blank lines both leave behind. The original text is kept elsewhere for "show original".
 */
export function cleanText(text: string): CleanedText {
  const repaired = repairArtifacts(text);
  const cleaned = removeBoilerplate(repaired.text);
  const tidy = repairArtifacts(cleaned.text, [BLANK_LINES]);
  return { text: tidy.text, counts: { ...repaired.counts, ...cleaned.counts, ...tidy.counts } };
}
