/**
 * "Show original" at the article: where a section lies in its file's original (the text as
 * decoded, before cleaning), and the query's marks in the original, found as the reader finds them.
 */
import { foldSection } from '../core/normalize/fold-sections.ts';
import type { Script } from '../core/normalize/script.ts';
import { presentSection } from '../core/search/presenter.ts';
import { SectionStore } from '../core/search/section-store.ts';
import type { OriginalView } from '../shared/protocol.ts';
import type { FileRecord } from '../shared/records.ts';

/** Text the original may hold between two located lines beyond the section's own length (removed web chrome, trailers). */
const SLACK_CHARS = 4096;
/** A first or last line shorter than this says too little about where it is: longer lines are probed instead. */
const MIN_PROBE_CHARS = 4;
/** Characters of a line's start (or end) looked for when the whole line is not in the original. */
const PROBE_PART_CHARS = 10;
/** Lines of a section tried in turn when its first is not found (a title with annotations in it). */
const PROBE_LINES = 6;

/** Where an article lies in the original, as [start, end) offsets. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Where section `k` lies in `original`.
 * @param texts the file's section texts, in order (at least up to `k + 1`)
 */
export function articleSpan(original: string, record: FileRecord, texts: readonly string[], k: number): Span {
  const gaps = record.originalGaps ?? (record.originalIsText ? ['', ''] : undefined);
  if (gaps) {
    // Rebuilt exactly as joinWithGaps joins it: the offsets are exact.
    let start = gaps[0]?.length ?? 0;
    for (let j = 0; j < k; j++) start += texts[j]!.length + (gaps[j + 1]?.length ?? 0);
    return { start, end: start + texts[k]!.length };
  }
  return locate(original, texts, k);
}

/**
 * Best effort for an original that cleaning changed: each section up to `k` is looked for in
 * order (see {@link find}), each search within a window after the previous find (the section's
 * length plus {@link SLACK_CHARS}), so the work is linear in what is scanned, never a scan to
 * the end per section. The end is the section's last line before the next section, else the
 * next section's start.
 */
export function locate(original: string, texts: readonly string[], k: number): Span {
  let cursor = 0;
  let start = 0;
  for (let j = 0; j <= k; j++) {
    const text = texts[j] ?? '';
    const found = find(original, text, cursor);
    if (j === k && found && found.length === text.length && original.startsWith(text, found.at)) return { start: found.at, end: found.at + text.length };
    if (j === k) start = found?.at ?? cursor;
    if (found) cursor = found.at + found.length;
  }
  const text = texts[k] ?? '';
  const next = k + 1 < texts.length ? find(original, texts[k + 1]!, start + 1) : undefined;
  const region = original.slice(start, next?.at ?? start + 2 * text.length + SLACK_CHARS);
  for (const probe of probes(text)) {
    const at = region.lastIndexOf(probe);
    if (at >= 0) return { start, end: start + at + probe.length };
  }
  return { start, end: next?.at ?? Math.min(original.length, start + text.length) };
}

/**
 * Where `text` is, within a window from `from`: the whole text, else one of its first telling
 * lines, whole or its first characters (cleaning removes annotations inside a line: 產(chǎn)業 →
 * 產業, so only part of a line may be in the original as it is). A line found further in is
 * traced back to the section's start by the first line's first characters. `length` is how far
 * the match reaches from `at`.
 */
function find(original: string, text: string, from: number): { at: number; length: number } | undefined {
  const window = original.slice(from, from + 2 * text.length + SLACK_CHARS);
  const whole = text ? window.indexOf(text) : -1;
  if (whole >= 0) return { at: from + whole, length: text.length };
  const lines = tellingLines(text).slice(0, PROBE_LINES);
  for (const { line, offset } of lines) {
    for (const probe of [line, line.slice(0, PROBE_PART_CHARS)]) {
      const found = window.indexOf(probe);
      if (found < 0) continue;
      const anchor = from + found;
      const at = offset === 0 ? anchor : backTo(original, lines[0]!.line.slice(0, MIN_PROBE_CHARS), anchor, Math.max(from, anchor - 2 * offset - 64));
      return { at: at ?? Math.max(from, anchor - offset), length: anchor - (at ?? anchor) + probe.length };
    }
  }
  return undefined;
}

/** The last `head` in `original` between `low` and `anchor`, if any. */
function backTo(original: string, head: string, anchor: number, low: number): number | undefined {
  const at = original.slice(low, anchor).lastIndexOf(head);
  return at >= 0 ? low + at : undefined;
}

/** A text's lines long enough to tell where they are, trimmed, with their offsets in the text. */
function tellingLines(text: string): { line: string; offset: number }[] {
  const out: { line: string; offset: number }[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.length >= MIN_PROBE_CHARS) out.push({ line: line.slice(0, 200), offset });
    offset += raw.length + 1;
  }
  return out;
}

/** The section's last telling line, then its last characters: where it ends. */
function probes(text: string): string[] {
  const line = tellingLines(text).pop()?.line;
  if (!line) return [];
  const part = line.slice(-PROBE_PART_CHARS);
  return part.length < line.length ? [line, part] : [line];
}

/**
 * The query's marks in a text, computed by the reader's own function (`presentSection`) over the
 * text as one section, so that the original shows what the reader would mark, no more, no less.
 * @param script whose regional wording counts (the article's script, as the reader uses it)
 */
export function marksIn(text: string, query: string, wording: boolean, script: Script | undefined): [number, number][] {
  const store = new SectionStore();
  const folded = foldSection({ text, title: '' }, script);
  store.addFile(0, '', [{ id: 0, fileId: 0, index: 0, title: '', text, ...folded }]);
  return (presentSection(store, 0, query, wording)?.marks ?? []).map((r) => [r.start, r.end]);
}

/** The original view of section `k` of a file. */
export function originalView(original: string, record: FileRecord, texts: readonly string[], k: number, marks: [number, number][]): OriginalView {
  return { text: original, ...articleSpan(original, record, texts, k), marks };
}
