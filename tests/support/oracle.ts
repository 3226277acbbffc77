/**
 * An oracle for literal matching written without `src/core/normalize`: opencc-js's own
 * converters, applied one character at a time, and `String.prototype.includes`.
 *
 * Definition (DESIGN.md, "What a match is"): fold = NFKC, lower case, then per character: a
 * character that OpenCC's Simplified → Traditional converter changes is Simplified and kept;
 * any other goes Hong Kong → Traditional, Taiwan → Traditional, Traditional → Simplified, again
 * until it no longer changes. A section matches a term when its folded text includes the folded term.
 */
import * as OpenCC from 'opencc-js';

const hkToT = OpenCC.Converter({ from: 'hk', to: 't' });
const twToT = OpenCC.Converter({ from: 'tw', to: 't' });
const tToCn = OpenCC.Converter({ from: 't', to: 'cn' });
const cnToT = OpenCC.Converter({ from: 'cn', to: 't' });

const memo = new Map<string, string>();

/** The oracle's fold of one character (a code point). */
export function oracleFoldChar(ch: string): string {
  let folded = memo.get(ch);
  if (folded !== undefined) return folded;
  folded = ch;
  for (let i = 0; i < 8 && cnToT(folded) === folded; i++) {
    const next = tToCn(hkToT(twToT(folded)));
    if (next === folded) break;
    folded = next;
  }
  memo.set(ch, folded);
  return folded;
}

/** The oracle's fold of a text. */
export function oracleFold(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC').toLowerCase().normalize('NFKC')) out += oracleFoldChar(ch);
  return out;
}

/**
 * Whether OpenCC calls a character Traditional: its Traditional → Simplified converter, or its
 * Taiwan or Hong Kong → standard Traditional converter, changes it (著 is Taiwan's form of 着).
 */
export function isTraditionalChar(ch: string): boolean {
  return tToCn(ch) !== ch || twToT(ch) !== ch || hkToT(ch) !== ch;
}

/** Whether OpenCC calls a character Simplified: its Simplified → Traditional converter changes it. */
export function isSimplifiedChar(ch: string): boolean {
  return cnToT(ch) !== ch;
}
