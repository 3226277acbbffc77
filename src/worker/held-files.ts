import { firstOf, idsOf, runOf, sizeOf, type IdRun } from '../core/search/id-run.ts';
import type { FileRecord } from '../shared/records.ts';

/** A record's fields but its section ids and gaps, which are held apart (see {@link HeldFiles}). */
export type HeldRecord = Omit<FileRecord, 'sectionIds' | 'originalGaps'>;

interface Held {
  record: HeldRecord;
  sections: IdRun;
  /** `originalGaps` as runs of equal gaps (see {@link gapRuns}). */
  gaps: string | undefined;
}

/**
 * The gaps between a file's sections as a JSON list of runs, `[gap, times, gap, times…]`: a
 * poetry collection's hundred gaps are mostly one line end, held as one.
 */
export function gapRuns(gaps: readonly string[]): string {
  const runs: (string | number)[] = [];
  for (const gap of gaps) {
    if (runs.length > 0 && runs[runs.length - 2] === gap) (runs[runs.length - 1] as number)++;
    else runs.push(gap, 1);
  }
  return JSON.stringify(runs);
}

/** The gaps {@link gapRuns} holds. */
export function gapsOf(runs: string): string[] {
  const list = JSON.parse(runs) as (string | number)[];
  const gaps: string[] = [];
  for (let k = 0; k < list.length; k += 2) for (let n = 0; n < (list[k + 1] as number); n++) gaps.push(list[k] as string);
  return gaps;
}

/**
 * The library's file records in memory, each held smaller than it is stored: its section ids as
 * the first and a count while they follow one another (as an import numbers them), its gaps as
 * runs. At 50 MB of poems (4 082 files, 204 084 sections), the records' lists of ids and of
 * gaps took 2.0 MB of the worker's heap. A record is made whole again when asked for.
 */
export class HeldFiles {
  readonly #held = new Map<number, Held>();

  get size(): number {
    return this.#held.size;
  }

  has(id: number): boolean {
    return this.#held.has(id);
  }

  keys(): IterableIterator<number> {
    return this.#held.keys();
  }

  set(file: FileRecord): void {
    const { sectionIds, originalGaps, ...record } = file;
    this.#held.set(file.id, { record, sections: runOf(sectionIds), gaps: originalGaps && gapRuns(originalGaps) });
  }

  delete(id: number): void {
    this.#held.delete(id);
  }

  clear(): void {
    this.#held.clear();
  }

  /** The record as stored, made whole. */
  get(id: number): FileRecord | undefined {
    const held = this.#held.get(id);
    return held && whole(held);
  }

  /** Every record as stored, made whole one at a time. */
  *values(): IterableIterator<FileRecord> {
    for (const held of this.#held.values()) yield whole(held);
  }

  /** Every record but its ids and gaps, with its section count and first section id: what a listing needs. */
  *summaries(): IterableIterator<{ record: HeldRecord; sections: number; firstSectionId: number | undefined }> {
    for (const { record, sections } of this.#held.values()) yield { record, sections: sizeOf(sections), firstSectionId: firstOf(sections) };
  }

  /** A file's section ids, in order (empty for an unknown file). */
  sectionIds(id: number): number[] {
    const held = this.#held.get(id);
    return held ? [...idsOf(held.sections)] : [];
  }
}

function whole(held: Held): FileRecord {
  return { ...held.record, sectionIds: [...idsOf(held.sections)], ...(held.gaps !== undefined && { originalGaps: gapsOf(held.gaps) }) };
}
