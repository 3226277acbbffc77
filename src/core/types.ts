/**
 * Types passed between the pipeline stages. Every stage is a plain function from one of
 * these to the next, so the same code runs in Node (tests, CLI, bench) and in the worker.
 */
import type { FoldedSection } from './normalize/fold-sections.ts';

/**
 * Encodings the decoder can report (WHATWG labels). `windows-1252` and `macintosh` (Mac Roman)
 * are for Western text with a few accented letters or curly quotes, never for Chinese.
 */
export type EncodingLabel = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | 'windows-1252' | 'macintosh';

/** Result of decoding a file's bytes. */
export interface DecodedText {
  /** WHATWG label of the encoding that was used. */
  encoding: EncodingLabel;
  /** Whether the bytes started with a byte-order mark (removed from `text`). */
  bom: boolean;
  /** The decoded text, BOM removed, line ends as stored. */
  text: string;
  /** What the reader should know about the decoding, e.g. that a cut-off last character was dropped. */
  notes?: string[];
}

/** One searchable unit of a file: an article of a newsletter, a Markdown section, or the whole file. */
export interface Section {
  /** Title shown in results; never empty. */
  title: string;
  /** Source URL (`原文:` line) when the file names one. */
  url?: string;
  /** Source publication (`来源:` in a byline) when the file names one. */
  source?: string;
  /** Date of the issue the article belongs to, ISO `YYYY-MM-DD`, when the file names one. */
  date?: string;
  /** The section's text as it appears in the file (title line included). */
  text: string;
  /** Offset of `text` in the decoded file, in UTF-16 code units. */
  start: number;
  /**
   * The section folded (see `foldSection`), when whoever read it folded it too: the parsing
   * worker does, so that the indexer does not. Its script is the section's own, else its file's
   * (`foldedSections`). Absent: the engine folds it and tells its script.
   */
  folded?: FoldedSection;
}

/**
 * A section as a reader may hand it to the engine: a `Section`, or one folded already whose
 * text is left out because its fold's patch remakes it (`FoldedSection.patch`): the parsing
 * worker sends no more than the engine keeps.
 */
export type ReadSection = Section | (Omit<Section, 'text' | 'folded'> & { text?: undefined; folded: FoldedSection & { patch: string } });

/** Everything the pipeline learns about one file. */
export interface IngestedFile {
  name: string;
  encoding: EncodingLabel;
  bom: boolean;
  /** Notes from decoding (see `DecodedText.notes`); absent when there are none. */
  decodeNotes?: string[];
  /** Size of the file in bytes. */
  size: number;
  /** Decoded length in UTF-16 code units. */
  chars: number;
  /** The decoded text before cleaning, for "show original". */
  original: string;
  /** How many times each cleaning rule changed the text. */
  cleaning: Record<string, number>;
  /** For each rule that removes whole lines, how many it removed, with a few examples. */
  removed: Record<string, { lines: number; examples: string[] }>;
  /** Sections of the cleaned text. */
  sections: Section[];
}

/** Text after normalization, with a map back to the original. */
export interface NormalizedText {
  /** NFKC, lower-cased, Traditional→Simplified text that is indexed and searched. */
  text: string;
  /**
   * `map[i]` is the offset in the original text of normalized code unit `i`;
   * `map[text.length]` is the original length, so `[map[a], map[b])` is the original of `[a, b)`.
   */
  map: Int32Array;
}

/** A half-open range `[start, end)` of UTF-16 offsets. */
export interface Range {
  start: number;
  end: number;
}

/** A piece of text with the parts to highlight, all offsets relative to `text`. */
export interface Snippet {
  text: string;
  /** Sorted, disjoint ranges inside `text`. */
  marks: Range[];
  /** Whether text was cut before / after the snippet. */
  cutStart: boolean;
  cutEnd: boolean;
}
