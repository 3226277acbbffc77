import { normalizeText } from '../normalize/normalize.ts';
import { splitOnSpace } from '../tokenize/tokenize.ts';

/** A parsed query: every term must occur in a section for it to match. */
export interface ParsedQuery {
  /** Normalized terms; a quoted phrase is one term and may contain spaces. */
  terms: string[];
}

/**
 * Parses what the user typed: whitespace separates terms that must all occur (AND), and
 * `"double quotes"` keep a phrase with its spaces as one term. Terms are normalized exactly like
 * documents. An unbalanced quote is read as if closed at the end; input that normalizes to
 * nothing gives no terms (and so no results), never an error.
 * @example parseQuery('芯片 "Swin Transformer"').terms → ['芯片', 'swin transformer']
 */
export function parseQuery(input: string): ParsedQuery {
  const normalized = normalizeText(input);
  const terms: string[] = [];
  const parts = normalized.split(/["“”„＂]/);
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      const phrase = part.trim().replace(/\s+/g, ' ');
      if (phrase) terms.push(phrase);
    } else {
      terms.push(...splitOnSpace(part));
    }
  });
  return { terms: [...new Set(terms)] };
}
