import { Trie } from 'opencc-js/core';
import HKPhrases from 'opencc-js/dict/HKPhrases';
import HKPhrasesRev from 'opencc-js/dict/HKPhrasesRev';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import TWPhrasesRev from 'opencc-js/dict/TWPhrasesRev';
import { normalizeText } from '../normalize/normalize.ts';
import type { Script } from '../normalize/script.ts';
import { mergeRanges } from '../rank/highlight.ts';
import { countOccurrences, occurrences } from '../rank/occurrences.ts';
import type { TermMatcher } from './term-matcher.ts';

/**
 * Regional wording: the words Taiwan and Hong Kong write differently from the mainland (软件 ↔
 * 軟體, 内存 ↔ 記憶體, 文件 ↔ 檔案, 程序 ↔ 程式), from OpenCC's vocabulary dictionaries.
 *
 * @remarks Literal matching folds script only (`normalize.ts`), so 文件 never finds 檔案 there.
 * Wording is a second, labelled kind of match that rewrites the *query*, never the text: a term
 * gets the other region's words as alternatives, and each alternative counts only in text written
 * in the other script (DESIGN.md, decision 34) — 文件 finds a Traditional 檔案, never a
 * Simplified 档案, which is a different word on the mainland.
 * - mainland → Taiwan/Hong Kong (`TWPhrases`, `HKPhrases`): alternatives for Traditional text;
 * - Taiwan/Hong Kong → mainland (`…PhrasesRev`): alternatives for Simplified text, except for a
 *   term that is itself a mainland word with a regional form (文件 is the mainland's word: its
 *   Taiwan homograph's mainland form 文档 is not offered).
 */

/** One alternative of a term: folded text, and the script of the text it may be found in. */
export interface WordingAlternative {
  text: string;
  script: Script;
}

/** A phrase walker over folded keys; keys already present keep their first value. */
function folded(dicts: readonly string[], blocked: ReadonlySet<string> = new Set()): { trie: Trie; keys: Set<string> } {
  const trie = new Trie();
  const keys = new Set<string>();
  for (const dict of dicts) {
    for (const entry of dict.split('|')) {
      const [source, target] = entry.split(' ');
      if (!source || !target) continue;
      const key = normalizeText(source);
      if (keys.has(key)) continue;
      keys.add(key);
      // A blocked key stays in the trie as itself, so it still shields its parts from shorter words.
      trie.addWord(key, blocked.has(key) ? key : normalizeText(target));
    }
  }
  return { trie, keys };
}

interface Walkers {
  toRegional: Trie[];
  toMainland: Trie[];
}

let walkers: Walkers | null = null;

function getWalkers(): Walkers {
  if (walkers) return walkers;
  const tw = folded([TWPhrases]);
  const hk = folded([HKPhrases]);
  const mainlandWords = new Set([...tw.keys, ...hk.keys]);
  walkers = {
    toRegional: [tw.trie, hk.trie],
    toMainland: [folded([TWPhrasesRev], mainlandWords).trie, folded([HKPhrasesRev], mainlandWords).trie],
  };
  return walkers;
}

/**
 * The other regions' wordings of a folded term, each with the script it counts in; empty when
 * OpenCC knows no other wording. Deterministic and cheap (a trie walk per dictionary).
 * @example wordingAlternatives('文件') → [{ text: '档案', script: 'hant' }]
 */
export function wordingAlternatives(term: string): WordingAlternative[] {
  const { toRegional, toMainland } = getWalkers();
  const out: WordingAlternative[] = [];
  const add = (text: string, script: Script) => {
    if (text !== term && !out.some((a) => a.text === text && a.script === script)) out.push({ text, script });
  };
  for (const trie of toRegional) add(trie.convert(term), 'hant');
  for (const trie of toMainland) add(trie.convert(term), 'hans');
  return out;
}

/** Builds the dictionaries now rather than on the first query (about 20 ms). */
export function prepareWording(): void {
  getWalkers();
}

/** How the engine finds a term's other wordings in a text: the same shape as a pinyin matcher. */
export interface WordingMatcher extends TermMatcher {
  /** The alternatives (folded) this matcher looks for. */
  readonly alternatives: readonly string[];
}

function wordingMatcher(alternatives: readonly string[]): WordingMatcher {
  return {
    alternatives,
    test: (text) => alternatives.some((a) => text.includes(a)),
    ranges: (text) => mergeRanges(alternatives.flatMap((a) => occurrences(text, a).map((at) => ({ start: at, end: at + a.length })))),
    count: (text) => alternatives.reduce((n, a) => n + countOccurrences(text, a), 0),
  };
}

/**
 * Matchers of the terms that have another wording in text of `script`, or null when none has.
 * @example wordingMatchers(['文件'], 'hant')?.get('文件')?.test('档案') === true
 */
export function wordingMatchers(terms: readonly string[], script: Script): Map<string, WordingMatcher> | null {
  const matchers = new Map<string, WordingMatcher>();
  for (const term of terms) {
    const alternatives = wordingAlternatives(term).filter((a) => a.script === script).map((a) => a.text);
    if (alternatives.length > 0) matchers.set(term, wordingMatcher(alternatives));
  }
  return matchers.size > 0 ? matchers : null;
}
