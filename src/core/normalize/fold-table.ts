import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import STCharacters from 'opencc-js/dict/STCharacters';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';

/**
 * Script folding as a table from one character to one character: Hong Kong and Taiwan variant
 * forms to standard Traditional, then Traditional to Simplified, from OpenCC's character
 * dictionaries only.
 *
 * @remarks Why characters and not OpenCC's phrase walk (DESIGN.md, decision 33): matching is
 * Ctrl-F on folded text, which is only sound when folding a substring gives the substring of the
 * folded text. A phrase rule breaks that (under `t2s`, 乾 alone becomes 干 but stays 乾 inside
 * 乾隆, so the query 乾 missed 乾隆) and breaks idempotence (顯著 → 显著 → 显着). A table of
 * characters is a homomorphism: both hold by construction, and it is a lookup per character.
 *
 * Two rules make it leave Simplified text alone and make it idempotent:
 * - a character that OpenCC's Simplified → Traditional table changes (么 → 麼, 后 → 後) is a
 *   Simplified character and is never folded, even when OpenCC also lists it as a Traditional
 *   character of something else (么 → 幺);
 * - every entry is followed to its end (a → b → c becomes a → c), so folding twice changes nothing
 *   (checked by a property test over every character of the tables).
 */

/** Characters of an OpenCC dictionary string (`key value alt|key value|…`), key → first value, single characters only. */
function characterPairs(dict: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const entry of dict.split('|')) {
    const space = entry.indexOf(' ');
    if (space < 0) continue;
    const key = entry.slice(0, space);
    const value = entry.slice(space + 1).split(' ')[0]!;
    if ([...key].length === 1 && [...value].length === 1 && key !== value) pairs.push([key, value]);
  }
  return pairs;
}

/** The fold of every character that folding changes; characters absent from it are kept. */
function buildFold(): Map<string, string> {
  const simplified = new Set(characterPairs(STCharacters).map(([s]) => s));
  // Variants first, so that a variant reaches the standard form the Traditional table knows;
  // one step applies the three tables in turn, as OpenCC's chained converters would.
  const tables = [TWVariantsRev, HKVariantsRev, TSCharacters].map((dict) => new Map(characterPairs(dict)));
  const step = (ch: string): string => tables.reduce((c, table) => table.get(c) ?? c, ch);
  const fold = new Map<string, string>();
  for (const from of new Set(tables.flatMap((table) => [...table.keys()]))) {
    if (simplified.has(from)) continue;
    let to = from;
    // Repeat until nothing changes or a Simplified character is reached (a few steps at most).
    for (let i = 0; i < 8 && !simplified.has(to); i++) {
      const next = step(to);
      if (next === to) break;
      to = next;
    }
    if (to !== from) fold.set(from, to);
  }
  return fold;
}

/** Folded UTF-16 unit of each BMP code unit (0 when unchanged), and the rest for astral characters. */
export interface FoldTable {
  /** `bmp[c]` is the folded BMP character of `c`, 0 when `c` is kept, {@link SEE_OTHER} when it folds to an astral character. */
  bmp: Uint16Array;
  /** Folds whose source or target is outside the BMP, keyed by the source string. */
  other: Map<string, string>;
  /** Every folded character (Traditional) — what makes a text Traditional. */
  traditional: ReadonlySet<string>;
  /** Characters whose Traditional form differs (Simplified only): what makes a text Simplified. */
  simplifiedOnly: ReadonlySet<string>;
  /** `simplifiedBmp[c]` is 1 for a BMP character of {@link simplifiedOnly}: counted per character by `script.ts`. */
  simplifiedBmp: Uint8Array;
}

/** Marks a BMP character whose fold is outside the BMP (U+FFFF is a noncharacter, never folded itself). */
export const SEE_OTHER = 0xffff;

let table: FoldTable | null = null;

/** The fold table, built on first use (a few milliseconds) and shared: it is never changed after. */
export function foldTable(): FoldTable {
  if (table) return table;
  const fold = buildFold();
  const bmp = new Uint16Array(0x10000);
  const other = new Map<string, string>();
  for (const [from, to] of fold) {
    if (from.length === 1 && to.length === 1) bmp[from.charCodeAt(0)] = to.charCodeAt(0);
    else {
      other.set(from, to);
      if (from.length === 1) bmp[from.charCodeAt(0)] = SEE_OTHER;
    }
  }
  const simplifiedOnly = new Set(characterPairs(STCharacters).map(([s]) => s));
  const simplifiedBmp = new Uint8Array(0x10000);
  for (const ch of simplifiedOnly) if (ch.length === 1) simplifiedBmp[ch.charCodeAt(0)] = 1;
  table = { bmp, other, traditional: new Set(fold.keys()), simplifiedOnly, simplifiedBmp };
  return table;
}
