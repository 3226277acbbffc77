import { TF_CAP, TF_WINDOW } from '../rank/rank.ts';
import type { PostingTable } from './posting-table.ts';
import type { KeyPostings } from './key-postings.ts';
import { exportTable, readChunk, tableOf } from './posting-table-io.ts';

/**
 * The character index in a snapshot (`chars/…` chunks): its slot table, the largest id it has
 * seen, and its text and title tables (see `posting-table-io.ts`). The pinyin tables are not
 * saved: they would add about half the text to storage, and are written again after a load.
 */

/** Snapshot chunks of the character index. */
export const CHARS_CHUNKS = 'chars/';
const SLOTS = `${CHARS_CHUNKS}slots`;
const TEXT = `${CHARS_CHUNKS}text/`;
const TITLES = `${CHARS_CHUNKS}titles/`;

/**
 * The counting the saved tables were made with: a snapshot made under other rules (another
 * `TF_WINDOW` or `TF_CAP`, or a version of the counting bumped here) is refused, not misread.
 */
const FORMAT_VERSION = 1;
const FORMAT = FORMAT_VERSION * 1_000_000 + TF_WINDOW * 100 + TF_CAP;

/** What a character index holds besides its pinyin tables, as read back and checked. */
export interface SavedCharacters {
  /** Slot → section id, -1 for a removed section. */
  ids: number[];
  slots: Map<number, number>;
  removed: number;
  maxId: number;
  /** Sections longer than `TF_WINDOW`. */
  longIds: Set<number>;
  text: PostingTable;
  titles: PostingTable;
}

/** The chunks of a character index, its tables trimmed to its slots. */
export function saveCharacters(ids: readonly number[], maxId: number, text: PostingTable, titles: PostingTable): [string, Uint8Array][] {
  const textChunks = exportTable(text, ids.length);
  const titleChunks = exportTable(titles, ids.length);
  // The format and the chunk counts first (a chunk missing from storage is then known), and the largest id.
  const head = Int32Array.from([FORMAT, textChunks.length, titleChunks.length, maxId, ...ids]);
  const named = (prefix: string, chunks: Uint8Array[]) => chunks.map((c, k): [string, Uint8Array] => [`${prefix}${k}`, c]);
  return [[SLOTS, new Uint8Array(head.buffer)], ...named(TEXT, textChunks), ...named(TITLES, titleChunks)];
}

/**
 * A character index's chunks, checked against the sections they must cover, a chunk at a time
 * (`yield` between two: a worker answers queries there; at 200 MB the whole took about 1 s).
 * @param expected the ids the slots must hold, each once: the sections restored with them
 * @param lengthOf a section's folded length
 * @param idLimit section ids are below it (the library's next id)
 * @throws when a chunk is missing, damaged or names other sections
 */
export function* readCharacters(
  chunks: readonly (readonly [string, Uint8Array])[],
  expected: ReadonlySet<number>,
  lengthOf: (id: number) => number,
  idLimit: number,
): Generator<void, SavedCharacters> {
  const byName = new Map(chunks);
  const head = byName.get(SLOTS);
  if (!head || head.byteLength < 16 || head.byteLength % 4 !== 0) throw damaged('no slot table');
  const [format, textChunks, titleChunks, maxId, ...ids] = new Int32Array(head.slice().buffer);
  if (format !== FORMAT) throw damaged('tables counted otherwise');
  const slots = new Map<number, number>();
  const longIds = new Set<number>();
  let removed = 0;
  let largest = -1;
  for (const [slot, id] of ids.entries()) {
    if (id === -1) {
      removed++;
      continue;
    }
    if (!expected.has(id!) || slots.has(id!)) throw damaged('slots of other sections');
    slots.set(id!, slot);
    largest = Math.max(largest, id!);
    if (lengthOf(id!) > TF_WINDOW) longIds.add(id!);
  }
  if (slots.size !== expected.size) throw damaged('sections missing');
  // Removed sections' ids count too (by-id arrays are as long as ever), below the id counter.
  if (!(maxId! >= largest && maxId! < idLimit)) throw damaged('a wrong largest id');
  const tables: PostingTable[] = [];
  for (const [prefix, count, maxCount] of [[TEXT, textChunks!, TF_CAP], [TITLES, titleChunks!, 1]] as const) {
    // A table is at least one chunk, and a count that lies low would leave characters out.
    if (!(count >= 1) || byName.has(`${prefix}${count}`)) throw damaged(`a wrong chunk count of ${prefix}`);
    const postings = new Map<number, KeyPostings>();
    for (let k = 0; k < count; k++) {
      yield;
      readChunk(byName.get(`${prefix}${k}`) ?? fail(`chunk ${prefix}${k} missing`), 0x10000, ids.length, maxCount, postings);
    }
    tables.push(tableOf(0x10000, ids.length, postings));
  }
  const [text, titles] = tables as [PostingTable, PostingTable];
  return { ids, slots, removed, maxId: maxId!, longIds, text, titles };
}

const damaged = (what: string) => new Error(`character index: ${what} in the snapshot`);

function fail(what: string): never {
  throw damaged(what);
}
