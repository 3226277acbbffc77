/**
 * UTF-16 and UTF-32 without a byte-order mark. Mostly-ASCII UTF-16 leaves a zero byte on one side
 * of every ASCII character; mostly-Han UTF-16 has almost no zero bytes and is recognized instead
 * by decoding it both ways and reading which one is Chinese.
 */
import { chineseFit, countLetters } from './language-fit.ts';

/** How much of the head is inspected for zero-byte patterns and Han scoring. */
const SNIFF_BYTES = 8192;
const HAN_SAMPLE_BYTES = 65536;
/** Least share of common Chinese characters for a Han reading; wrong readings score under 0.1. */
const MIN_HAN_FIT = 0.3;
/** Fewest letters for a Han reading to count: a few bytes read as UTF-16 can land on anything. */
const MIN_HAN_LETTERS = 8;

/** UTF-16 without BOM is recognizable when ASCII-range characters leave zero bytes on one side. */
export function utf16Pattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros / pairs >= 0.3 && evenZeros / pairs < 0.05) return 'utf-16le';
  if (evenZeros / pairs >= 0.3 && oddZeros / pairs < 0.05) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without BOM and with few ASCII characters: the byte order whose decoding of the head is
 * Chinese (common characters), or null. Read the other way round, or as UTF-16 at all when the
 * bytes are GBK or UTF-8, the same bytes are characters scattered over all of Unicode.
 */
export function utf16ByHan(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const head = bytes.subarray(0, Math.min(bytes.length, HAN_SAMPLE_BYTES) & ~1);
  let best: 'utf-16le' | 'utf-16be' | null = null;
  let bestFit = MIN_HAN_FIT;
  for (const label of ['utf-16le', 'utf-16be'] as const) {
    const letters = countLetters(new TextDecoder(label, { ignoreBOM: true }).decode(head));
    const fit = chineseFit(letters);
    if (letters.letters >= MIN_HAN_LETTERS && fit >= bestFit) {
      best = label;
      bestFit = fit;
    }
  }
  return best;
}

/**
 * UTF-32 without BOM: every 4-byte unit of text below U+10000 has two zero bytes at the same
 * places (the high half), which neither UTF-16 nor any text in another encoding has.
 */
export function utf32Pattern(bytes: Uint8Array): 'le' | 'be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~3;
  if (n < 8) return null;
  let leHigh = 0;
  let beHigh = 0;
  for (let i = 0; i < n; i += 4) {
    if (bytes[i + 3] === 0 && bytes[i + 2]! <= 0x10) leHigh++;
    if (bytes[i] === 0 && bytes[i + 1]! <= 0x10) beHigh++;
  }
  const units = n / 4;
  // A zero low half would be U+0000 or U+xx00 characters, rare in text: UTF-16 misses this test.
  if (leHigh === units && beHigh < units / 2) return 'le';
  if (beHigh === units && leHigh < units / 2) return 'be';
  return null;
}
