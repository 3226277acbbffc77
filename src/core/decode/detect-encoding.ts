import type { EncodingLabel } from '../types.ts';
import { readBom, type Bom } from './bom.ts';
import { cjkReadings } from './cjk-legacy.ts';
import { COMMON_CHARS } from './common-chars.ts';
import { iso2022 } from './iso2022.ts';
import { sampleOf } from './sample.ts';
import { decodeSingleByte, isolatedShare, westernEncoding } from './single-byte.ts';
import { utf16ByHan, utf16Pattern, utf32Pattern } from './utf16.ts';
import { decodeUtf8 } from './utf8.ts';

/** A decoding of the bytes and how it was chosen. */
export interface Detection {
  encoding: EncodingLabel;
  bom: boolean;
  text: string;
  /** How the encoding was found, for `souwen inspect` and tests. */
  reason: 'bom' | 'declared' | 'utf-8' | 'utf-16-pattern' | 'utf-16-han' | 'scored' | 'single-byte';
  /** What the reader should know about the decoding (a dropped broken tail). */
  notes?: string[];
}

/** Bytes that are text, but not in an encoding we decode: what they look like, for the message. */
export interface Refusal {
  looksLike: string;
}

/** Labels an HTML or XML declaration may use, mapped to the decoder we use for them. */
const DECLARED: Record<string, EncodingLabel> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  gb18030: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  'x-x-big5': 'big5',
  cp950: 'big5',
};

/** Bytes inspected for a `<meta charset>` / `encoding="…"` declaration. */
const HEAD_BYTES = 4096;
/** Least (shrunk) fit for a CJK reading to decide on its own; wrong readings stay under 0.2. */
const MIN_CJK_FIT = 0.25;
/** A weak Chinese reading is still accepted with fewer letters than this, or this fit. */
const WEAK_LETTERS = 40;
const WEAK_FIT = 0.12;
/** Most high bytes standing alone between ASCII bytes that a weak CJK reading may have. */
const MAX_ISOLATED = 0.5;

function tryDecode(label: EncodingLabel, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function declaredCharset(bytes: Uint8Array): EncodingLabel | null {
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, HEAD_BYTES); i++) head += String.fromCharCode(bytes[i]! < 0x80 ? bytes[i]! : 0x20);
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head);
  return m ? (DECLARED[m[1]!.toLowerCase()] ?? null) : null;
}

/**
 * How plausible a decoding is as Chinese text: the share of its Han characters that are common
 * ones, minus the share of characters a real text rarely contains (private use, CJK Extension A,
 * compatibility ideographs). A wrong legacy decoding is made of rare characters.
 */
export function plausibility(text: string): number {
  let han = 0;
  let common = 0;
  let odd = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0xe000 && c <= 0xf8ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) odd++;
    if (c >= 0x4e00 && c <= 0x9fff) {
      han++;
      if (COMMON_CHARS.has(ch)) common++;
    }
  }
  const total = han + odd;
  return total === 0 ? 0 : (common - odd) / total;
}

function fromBom(bom: Bom, bytes: Uint8Array): Detection | Refusal | null {
  if ('utf32' in bom) return { looksLike: `UTF-32 ${bom.utf32.toUpperCase()}` };
  const text = tryDecode(bom.label, bytes.subarray(bom.length));
  return text === null ? null : { encoding: bom.label, bom: true, text, reason: 'bom' };
}

function decoded(encoding: EncodingLabel, bytes: Uint8Array, reason: Detection['reason']): Detection | null {
  const text = tryDecode(encoding, bytes);
  return text === null ? null : { encoding, bom: false, text, reason };
}

/** The Unicode encodings, recognized by their structure; null when the bytes are none of them. */
function unicode(bytes: Uint8Array): Detection | Refusal | null {
  const utf32 = utf32Pattern(bytes);
  if (utf32) return { looksLike: `UTF-32 ${utf32.toUpperCase()}` };
  // Before UTF-8: ASCII with a zero byte after each character is valid UTF-8 too.
  const utf16 = utf16Pattern(bytes);
  const byPattern = utf16 && decoded(utf16, bytes, 'utf-16-pattern');
  if (byPattern) return byPattern;
  const declared = declaredCharset(bytes);
  const byDeclaration = declared && decoded(declared, bytes, 'declared');
  if (byDeclaration) return byDeclaration;
  const iso = iso2022(bytes);
  if (iso) return { looksLike: iso };
  const utf8 = decodeUtf8(bytes);
  if (utf8) {
    const notes = utf8.droppedTail ? [`the file ends inside a character (cut off?): its last ${utf8.droppedTail} byte(s) were dropped`] : undefined;
    return { encoding: 'utf-8', bom: false, text: utf8.text, reason: 'utf-8', ...(notes ? { notes } : {}) };
  }
  const byHan = utf16ByHan(bytes);
  return byHan && decoded(byHan, bytes, 'utf-16-han');
}

/**
 * Legacy encodings, by evidence read from a sample: a CJK reading that clearly fits its language
 * decides (decoded if Chinese, refused and named otherwise); else Western text with a few high
 * bytes is read as Windows-1252 or Mac Roman; else a short Chinese reading with a common
 * character is accepted. Anything else is refused rather than guessed.
 */
function legacy(bytes: Uint8Array): Detection | Refusal | null {
  const sample = sampleOf(bytes);
  const readings = cjkReadings(sample);
  const best = readings[0];
  if (best && best.fit >= MIN_CJK_FIT) {
    if (!best.encoding) return { looksLike: best.name };
    return decoded(best.encoding, bytes, 'scored');
  }
  const western = westernEncoding(sample);
  if (western) return { encoding: western.encoding, bom: false, text: decodeSingleByte(western.encoding, bytes), reason: 'single-byte' };
  // Weak evidence: a short file, or few letters. Still the best reading, if it found any, unless
  // many letters say it is not Chinese (a Korean file whose EUC-KR reading had errors) or its
  // high bytes stand alone, as in Western text in an encoding we do not read.
  if (!best || best.fit === 0 || isolatedShare(sample) > MAX_ISOLATED) return null;
  if (!best.encoding) return { looksLike: best.name };
  return best.letters < WEAK_LETTERS || best.fit >= WEAK_FIT ? decoded(best.encoding, bytes, 'scored') : null;
}

/**
 * Finds the encoding of a text file and decodes it, with no question asked of the user:
 * BOM (UTF-32 refused) → UTF-32/UTF-16 by zero-byte pattern → declared charset (HTML/XML) →
 * ISO-2022 escapes (refused) → strict UTF-8, also cut off inside its last character → UTF-16 by
 * Chinese characters → legacy CJK by language evidence → Western single-byte → refused.
 * Returns a `Refusal` naming what text in an unsupported encoding looks like, and null when
 * nothing fits, rather than guessing.
 *
 * @remarks GBK-family text is decoded with the `gb18030` label, a superset that Node and browsers
 * agree on. Measured on the encodings corpus and on real Japanese, Korean, Chinese and Western
 * text converted to 20 encodings — see DESIGN.md and tests/fixtures/corpus/encodings-more.
 */
export function detect(bytes: Uint8Array): Detection | Refusal | null {
  const bom = readBom(bytes);
  if (bom) return fromBom(bom, bytes);
  return unicode(bytes) ?? legacy(bytes);
}

/** `detect` for callers that only want a decoding: a refusal becomes null. */
export function detectEncoding(bytes: Uint8Array): Detection | null {
  const d = detect(bytes);
  return d && 'text' in d ? d : null;
}
