import { NO_DRIFT } from '../core/normalize/fold-sections.ts';
import { OPTIONAL_FIELDS, type SectionColumns, type SectionRecord } from '../shared/records.ts';

/**
 * A block's section records as columns and back (see {@link SectionColumns}): a reload spent
 * most of its time turning stored section objects into objects (DESIGN.md, decision 72).
 */

/** The records of a block's files (one list per file, in order) as columns. */
export function toColumns(sections: readonly (readonly SectionRecord[])[]): SectionColumns {
  const all = sections.flat();
  const driftLengths = new Int32Array(all.length);
  const drifts: number[] = [];
  all.forEach((s, k) => {
    driftLengths[k] = s.drift ? s.drift.length : -1;
    if (s.drift) for (const d of s.drift) drifts.push(d);
  });
  const optional: SectionColumns['optional'] = {};
  for (const field of OPTIONAL_FIELDS) if (all.some((s) => s[field] !== undefined)) optional[field] = all.map((s) => s[field]);
  return {
    counts: Int32Array.from(sections, (list) => list.length),
    ids: Int32Array.from(all, (s) => s.id),
    fileIds: Int32Array.from(all, (s) => s.fileId),
    indexes: Int32Array.from(all, (s) => s.index),
    titles: all.map((s) => s.title),
    norms: all.map((s) => s.norm),
    driftLengths,
    drifts,
    optional,
  };
}

/**
 * The records of {@link toColumns}, one list per file; null when the columns do not add up (a
 * damaged value: its block's files are then left out, as any damaged block's). Every record has
 * every field, in one order (undefined where it has none): made one property at a time, 839 409
 * records took about twice as long.
 */
export function fromColumns(c: SectionColumns): SectionRecord[][] | null {
  if (!fits(c)) return null;
  const { url, source, date, text, normTitle, script, patch } = c.optional;
  const out: SectionRecord[][] = [];
  let k = 0;
  let driftAt = 0;
  for (const count of c.counts) {
    const list: SectionRecord[] = [];
    for (const end = k + count; k < end; k++) {
      const driftLength = c.driftLengths[k]!;
      const drift = driftLength <= 0 ? (driftLength === 0 ? NO_DRIFT : undefined) : c.drifts.slice(driftAt, (driftAt += driftLength));
      list.push({
        id: c.ids[k]!,
        fileId: c.fileIds[k]!,
        index: c.indexes[k]!,
        title: c.titles[k]!,
        url: url?.[k],
        source: source?.[k],
        date: date?.[k],
        text: text?.[k],
        norm: c.norms[k]!,
        drift,
        normTitle: normTitle?.[k],
        script: script?.[k] as SectionRecord['script'],
        patch: patch?.[k],
      });
    }
    out.push(list);
  }
  return out;
}

/**
 * Records read in an older shape (a block of objects, schemas 6–7; a value per file, 5 and
 * before) with every field, in {@link fromColumns}'s order, and no other, by a trip through
 * columns: the engine keeps the records a load gives as they are (`SearchEngine.restoreFile`),
 * and sections of one shape are read faster by every query. Null when they cannot be made so (a
 * damaged value: its files are then left out).
 */
export function wholeRecords(lists: readonly (readonly SectionRecord[])[]): SectionRecord[][] | null {
  try {
    return fromColumns(toColumns(lists));
  } catch {
    return null;
  }
}

/** Whether every column is as long as the sections counted, and the drifts as long as their lengths. */
function fits(c: SectionColumns): boolean {
  const typed = [c.counts, c.ids, c.fileIds, c.indexes, c.driftLengths];
  if (!typed.every((a) => a instanceof Int32Array) || !Array.isArray(c.titles) || !Array.isArray(c.norms) || !Array.isArray(c.drifts)) return false;
  if (typeof c.optional !== 'object' || c.optional === null) return false;
  let total = 0;
  for (const count of c.counts) {
    if (count < 0) return false;
    total += count;
  }
  let drifts = 0;
  for (const length of c.driftLengths) drifts += Math.max(0, length);
  const strings = [c.titles, c.norms, ...OPTIONAL_FIELDS.map((f) => c.optional[f] ?? c.titles)];
  return (
    [c.ids, c.fileIds, c.indexes, c.driftLengths].every((a) => a.length === total) &&
    strings.every((a) => Array.isArray(a) && a.length === total) &&
    c.titles.every((t) => typeof t === 'string') &&
    c.norms.every((t) => typeof t === 'string') &&
    drifts === c.drifts.length
  );
}
