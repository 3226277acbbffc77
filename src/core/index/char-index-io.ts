import { TF_CAP, TF_WINDOW } from '../rank/rank.ts';
import type { PostingTable } from './posting-table.ts';
import { aligned, exportTableInSlices, readTable } from './posting-table-io.ts';
import { READING_TABLES, ReadingTables } from './reading-tables.ts';
import { SlotOf } from './slot-of.ts';

/**
 * The character index in a snapshot (`chars/…` chunks): its slot table, the largest id it has
 * seen, its text and title tables (see `posting-table-io.ts`), and its pinyin tables when they
 * were complete. Those were written again after a load until texts were kept as patches made
 * room in storage (DESIGN.md, decision 68): 1.6 s at 50 MB, between requests, for 29 MB.
 */

/** Snapshot chunks of the character index. */
export const CHARS_CHUNKS = 'chars/';
const SLOTS = `${CHARS_CHUNKS}slots`;
const TEXT = `${CHARS_CHUNKS}text/`;
const TITLES = `${CHARS_CHUNKS}titles/`;
const READINGS = READING_TABLES.map(({ name }) => `${CHARS_CHUNKS}${name}/`);

/**
 * Whether a chunk holds part of the pinyin tables: a load reads and takes them after the rest,
 * so that one-character queries need not wait for them (at 200 MB they are 115 MB).
 */
export const isReadingChunk = (name: string) => READINGS.some((prefix) => name.startsWith(prefix));

/** Whether a chunk is the slot table, which both the rest and the pinyin tables are read with. */
export const isSlotChunk = (name: string) => name === SLOTS;

/**
 * The counting the saved tables were made with: a snapshot made under other rules (another
 * `TF_WINDOW` or `TF_CAP`, or a version of the counting or of the chunks bumped here: 4 added
 * the gaps' Rice parameter) is refused, not misread.
 */
const FORMAT_VERSION = 4;
/** The format, the chunk counts of the five tables and the largest id, before the slots. */
const HEAD_INTS = 7;
const FORMAT = FORMAT_VERSION * 1_000_000 + TF_WINDOW * 100 + TF_CAP;

/** What a character index holds besides its pinyin tables, as read back and checked. */
export interface SavedCharacters {
  /** Slot → section id, -1 for a removed section. */
  ids: number[];
  slots: SlotOf;
  removed: number;
  maxId: number;
  /** Sections longer than `TF_WINDOW`. */
  longIds: Set<number>;
  text: PostingTable;
  titles: PostingTable;
}

/**
 * The chunks of a character index, its tables trimmed to its slots; its pinyin tables only when
 * given (complete: written for every slot). Pauses (`yield`) between steps (see `exportTableInSlices`).
 */
export function* saveCharacters(ids: readonly number[], maxId: number, text: PostingTable, titles: PostingTable, readings: ReadingTables | null): Generator<void, [string, Uint8Array][]> {
  const prefixes = [TEXT, TITLES, ...READINGS];
  const tables: Uint8Array[][] = [];
  for (const table of [text, titles, ...(readings?.tables ?? [])]) tables.push(yield* exportTableInSlices(table, ids.length));
  const counts = prefixes.map((_, t) => tables[t]?.length ?? 0);
  // The format and the chunk counts first (a chunk missing from storage is then known), and the largest id.
  const head = Int32Array.from([FORMAT, ...counts, maxId, ...ids]);
  const named = tables.flatMap((chunks, t) => chunks.map((c, k): [string, Uint8Array] => [`${prefixes[t]}${k}`, c]));
  return [[SLOTS, new Uint8Array(head.buffer)], ...named];
}

/**
 * The head of the slot table, checked for this format: chunk counts of each table, the largest
 * id, the slots (a view: at 50 MB, copying 204 000 slots through array spreads took 20 ms).
 */
function headOf(byName: ReadonlyMap<string, Uint8Array>) {
  const head = byName.get(SLOTS);
  if (!head || head.byteLength < HEAD_INTS * 4 || head.byteLength % 4 !== 0) throw damaged('no slot table');
  const bytes = aligned(head);
  const ints = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  if (ints[0] !== FORMAT) throw damaged('tables counted otherwise');
  const readingChunks = [...ints.subarray(3, 3 + READINGS.length)];
  return { textChunks: ints[1]!, titleChunks: ints[2]!, readingChunks, maxId: ints[HEAD_INTS - 1]!, ids: ints.subarray(HEAD_INTS) };
}

/**
 * One table's chunks read through, a chunk at a time (`yield` before each).
 * @throws when its count lies (none, or fewer than stored) or a chunk is missing or damaged
 */
function* readNamedTable(byName: ReadonlyMap<string, Uint8Array>, prefix: string, count: number, keys: number, slots: number, maxCount: number): Generator<void, PostingTable> {
  // A table is at least one chunk, and a count that lies low would leave keys out.
  if (!(count >= 1) || byName.has(`${prefix}${count}`)) throw damaged(`a wrong chunk count of ${prefix}`);
  const chunks = Array.from({ length: count }, (_, k) => byName.get(`${prefix}${k}`) ?? fail(`chunk ${prefix}${k} missing`));
  return yield* readTable(chunks, keys, slots, maxCount);
}

/**
 * A character index's chunks but its pinyin tables (see {@link readReadings}), checked against
 * the sections they must cover, a chunk at a time (`yield` between two: a worker answers queries
 * there; at 200 MB the whole took about 1 s).
 * @param expected the ids the slots must hold, each once: the sections restored with them (no id twice)
 * @param lengths the sections' folded lengths, by id
 * @param idLimit section ids are below it (the library's next id)
 * @throws when a chunk is missing, damaged or names other sections
 */
export function* readCharacters(
  chunks: readonly (readonly [string, Uint8Array])[],
  expected: readonly number[],
  lengths: ArrayLike<number>,
  idLimit: number,
): Generator<void, SavedCharacters> {
  const byName = new Map(chunks);
  const { textChunks, titleChunks, maxId, ids } = headOf(byName);
  // By id, sized by the library's id counter, which is ours (the saved largest id is not checked
  // yet): 1 expected, 2 given a slot.
  const seen = new Uint8Array(idLimit);
  for (const id of expected) if (id >= 0 && id < idLimit) seen[id] = 1;
  const slots = new SlotOf(idLimit);
  const longIds = new Set<number>();
  let removed = 0;
  let largest = -1;
  for (let slot = 0; slot < ids.length; slot++) {
    const id = ids[slot]!;
    if (id === -1) {
      removed++;
      continue;
    }
    if (!(id >= 0 && id < idLimit && seen[id] === 1)) throw damaged('slots of other sections');
    seen[id] = 2;
    slots.set(id, slot);
    largest = Math.max(largest, id);
    if (lengths[id]! > TF_WINDOW) longIds.add(id);
  }
  if (slots.size !== expected.length) throw damaged('sections missing');
  // Removed sections' ids count too (by-id arrays are as long as ever), below the id counter.
  if (!(maxId >= largest && maxId < idLimit)) throw damaged('a wrong largest id');
  const text = yield* readNamedTable(byName, TEXT, textChunks, 0x10000, ids.length, TF_CAP);
  const titles = yield* readNamedTable(byName, TITLES, titleChunks, 0x10000, ids.length, 1);
  // A plain array, which the index appends to; filled by a loop (Array.from took 9 ms at 50 MB).
  const slotIds: number[] = [];
  for (let slot = 0; slot < ids.length; slot++) slotIds.push(ids[slot]!);
  return { ids: slotIds, slots, removed, maxId, longIds, text, titles };
}

/**
 * The pinyin tables of a character index's chunks (the slot table and theirs), checked a chunk
 * at a time as {@link readCharacters} checks the rest; null when they were not saved.
 * @param slots how many slots the index they go with has (the tables must have as many)
 * @throws when a chunk is missing or damaged, or some tables are saved and others not
 */
export function* readReadings(chunks: readonly (readonly [string, Uint8Array])[], slots: number): Generator<void, ReadingTables | null> {
  const byName = new Map(chunks);
  const { readingChunks, ids } = headOf(byName);
  if (ids.length !== slots) throw damaged('pinyin tables of other slots');
  if (readingChunks.every((count) => count === 0)) {
    if (READINGS.some((prefix) => byName.has(`${prefix}0`))) throw damaged('pinyin tables not counted');
    return null;
  }
  const tables: PostingTable[] = [];
  for (const [t, { keys, maxCount }] of READING_TABLES.entries()) tables.push(yield* readNamedTable(byName, READINGS[t]!, readingChunks[t]!, keys, slots, maxCount));
  return new ReadingTables(tables as [PostingTable, PostingTable, PostingTable]);
}

const damaged = (what: string) => new Error(`character index: ${what} in the snapshot`);

function fail(what: string): never {
  throw damaged(what);
}
