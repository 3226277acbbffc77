import { Trie } from 'opencc-js/core';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import HKVariantsRevPhrases from 'opencc-js/dict/HKVariantsRevPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWPhrasesRev from 'opencc-js/dict/TWPhrasesRev';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';

/**
 * Traditional → Simplified conversion that keeps track of where each output character came from.
 *
 * @remarks opencc-js's own converters return only a string; phrase rules change lengths
 * (記憶體 → 内存), and highlights must land on the original characters. So we reuse its tries
 * and dictionaries and walk them ourselves, emitting an offset map along the way.
 * The chain is OpenCC's `tw2sp` plus Hong Kong variants: regional phrases and variants to
 * mainland forms first, then Traditional → Simplified phrases and characters.
 */
const CHAIN: readonly (readonly string[])[] = [
  [TWPhrasesRev, TWVariantsRevPhrases, TWVariantsRev, HKVariantsRevPhrases, HKVariantsRev],
  [TSPhrases, TSCharacters],
];

let tries: Trie[] | null = null;

function getTries(): Trie[] {
  if (!tries) {
    tries = CHAIN.map((group) => {
      const trie = new Trie();
      trie.loadDictGroup(group);
      return trie;
    });
  }
  return tries;
}

/** Text with, for each UTF-16 unit, the offset it maps to in some earlier text. */
export interface Mapped {
  text: string;
  map: Int32Array;
}

function convertOne(trie: Trie, input: Mapped): Mapped {
  const { text: s, map: inMap } = input;
  const n = s.length;
  const parts: string[] = [];
  let map = new Int32Array(n + 1);
  let out = 0;
  let copyFrom = 0;
  const ensure = (extra: number) => {
    if (out + extra + 1 > map.length) {
      const bigger = new Int32Array(Math.max(map.length * 2, out + extra + 1));
      bigger.set(map.subarray(0, out));
      map = bigger;
    }
  };
  const flushCopy = (to: number) => {
    if (to > copyFrom) {
      parts.push(s.slice(copyFrom, to));
      ensure(to - copyFrom);
      map.set(inMap.subarray(copyFrom, to), out);
      out += to - copyFrom;
    }
  };
  for (let i = 0; i < n; ) {
    const code = s.charCodeAt(i);
    // Only Han characters (and a few CJK symbols) start dictionary entries; skip the rest fast.
    const matched = code >= 0x2e80 ? trie.matchPrefix(s, i) : null;
    if (!matched) {
      i += code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1;
      continue;
    }
    flushCopy(i);
    const value = matched.value;
    const srcLen = matched.end - i;
    ensure(value.length);
    for (let k = 0; k < value.length; k++) {
      // Same length: one to one. Otherwise spread the output evenly over the source phrase.
      const src = value.length === srcLen ? i + k : i + Math.floor((k * srcLen) / value.length);
      map[out + k] = inMap[src]!;
    }
    parts.push(value);
    out += value.length;
    i = matched.end;
    copyFrom = i;
  }
  flushCopy(n);
  ensure(0);
  map[out] = inMap[n]!;
  return { text: parts.join(''), map: map.subarray(0, out + 1) };
}

/**
 * Converts Traditional Chinese (including Taiwan and Hong Kong vocabulary) to Simplified,
 * composing the offset map of `input` with the conversion's own.
 * @example toSimplified({text: '記憶體', map: Int32Array.of(0, 1, 2, 3)}).text === '内存'
 */
export function toSimplified(input: Mapped): Mapped {
  let result = input;
  for (const trie of getTries()) result = convertOne(trie, result);
  return result;
}
