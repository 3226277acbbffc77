import { scaledCount } from '../rank/occurrences.ts';
import { TF_CAP, TF_WINDOW } from '../rank/rank.ts';
import { ReadingTables } from './reading-tables.ts';
import { bitsOf, codesOf, readingCandidates, readingCounts, readingTitles, type CharTables } from './reading-lookup.ts';
import { IdCollector } from './id-sets.ts';
import { DistinctUnits } from './distinct-units.ts';
import { RecentBitsets } from './recent-bitsets.ts';
import { PostingTable } from './posting-table.ts';
import { saveCharacters, type SavedCharacters } from './char-index-io.ts';
import { finish } from '../slices.ts';
import { SlotOf } from './slot-of.ts';

/**
 * Which sections contain each character (UTF-16 code unit) of their folded text, how often, and
 * which folded titles contain it: an exact answer for one-character queries, which the pair index
 * cannot narrow, scored without reading any text, and the candidates of a pinyin query (sections
 * holding a character of every syllable's class).
 *
 * @remarks A section gets a dense slot (see `PostingTable`). Each posting carries the count the
 * ranker would otherwise estimate from the text (`estimateCount`: occurrences in the first
 * `TF_WINDOW` characters, scaled, capped at `TF_CAP`): at 50 MB of poems a one-character query
 * spent most of its 70 ms counting a common character in 200 000 sections (DESIGN.md). Removing
 * a section frees its slot lazily: stale slots are skipped and dropped by `rebuild`.
 *
 * It also records, per section, which pairs of first letters of pinyin readings stand side by
 * side (明月: m·y), with their counts, and which pairs of whole syllables (ming·yue), see
 * `ReadingTables`: a pinyin query's candidates are the sections holding each adjacent pair of
 * its units and a character of each class no pair implies, and a query of two initials (`my`,
 * `xp`) is answered and ranked from them alone. Without them, `my` read all 204 000 poems of the
 * 50 MB corpus (175 ms).
 *
 * A snapshot saves the slots, the text and title tables, and the pinyin tables when complete
 * (`char-index-io.ts`); after a load without them they are written again, in slot order
 * (`addReadings`).
 */

/** A pinyin reading as the index looks it up: its character classes and units (see `PinyinMatcher`). */
export interface IndexedReading {
  classes: readonly string[];
  units: readonly string[];
}

/** What the index knows of one character in every section, by section id (see `termCounts`). */
export interface CharCounts {
  /** The character's count in each section's text, as `estimateCount` gives it (0: absent or, for a reading, not known). */
  counts: Uint8Array;
  /** Non-zero where the section's folded title holds the character. */
  inTitle: Uint8Array;
}

/** A section as the character index reads it. */
export interface CharSection {
  id: number;
  norm: string;
  normTitle: string;
}

export class CharIndex {
  #text = new PostingTable();
  #titles = new PostingTable();
  /** Made on first use: building the pinyin tables takes about 60 ms, which a reload need not wait for. */
  #readingTables: ReadingTables | null = null;
  /** Slot → section id; -1 once removed. */
  #ids: number[] = [];
  #slots = new SlotOf();
  #removed = 0;
  /** Largest section id ever added: the length of by-id arrays. */
  #maxId = -1;
  readonly #units = new DistinctUnits();
  /** Slots below it have their pinyin tables written; a slot's are written in slot order. */
  #readingsDone = 0;
  /**
   * While true, a section added gets no pinyin pairs: they are written later by
   * {@link addReadings} (an import leaves them to the worker's idle time: see `SectionIndex`).
   */
  readingsDeferred = false;
  /** Bumped by every change, so that cached class bitsets are known to be stale. */
  #version = 0;
  readonly #classCache = new RecentBitsets(24);
  /**
   * Sections longer than `TF_WINDOW`: their counts are scaled, so counts of several characters
   * cannot be summed into a reading's.
   */
  #longIds = new Set<number>();

  get #readings(): ReadingTables {
    return (this.#readingTables ??= new ReadingTables());
  }

  /** Sections indexed (removed ones excluded). */
  get size(): number {
    return this.#slots.size;
  }

  /** Slots held by removed sections; `rebuild` when this grows large. */
  get stale(): number {
    return this.#removed;
  }

  /** True once every slot's pinyin tables are written (see {@link addReadings}). */
  get readingsComplete(): boolean {
    return this.#readingsDone === this.#ids.length;
  }

  /**
   * Records the characters of a section's folded text and title, and its pinyin pairs unless
   * they are deferred or older slots still wait for theirs (an imported index: see {@link addReadings}).
   */
  add(s: CharSection): void {
    if (this.#slots.has(s.id)) this.remove(s.id);
    this.#version++;
    const slot = this.#ids.push(s.id) - 1;
    this.#slots.set(s.id, slot);
    if (s.id > this.#maxId) this.#maxId = s.id;
    const { norm } = s;
    if (norm.length > TF_WINDOW) this.#longIds.add(s.id);
    else this.#longIds.delete(s.id);
    const { units, counted } = this.#units;
    let distinct = this.#units.of(norm, TF_WINDOW);
    for (let k = 0; k < distinct; k++) this.#text.append(units[k]!, slot, scaledCount(counted[units[k]!]!, norm.length, TF_CAP, TF_WINDOW));
    distinct = this.#units.of(s.normTitle, 0);
    for (let k = 0; k < distinct; k++) this.#titles.append(units[k]!, slot, 1);
    if (this.#readingsDone === slot && !this.readingsDeferred) this.addReadings(1, () => s);
  }

  /**
   * Writes the pinyin tables of the next slots waiting for them, about `maxChars` of text.
   * @param sectionOf the section of a live slot's id
   * @returns true when none is left
   */
  addReadings(maxChars: number, sectionOf: (id: number) => CharSection | undefined): boolean {
    for (let done = 0; this.#readingsDone < this.#ids.length && done < maxChars; this.#readingsDone++) {
      const id = this.#ids[this.#readingsDone]!;
      const s = id === -1 ? undefined : sectionOf(id);
      if (s) this.#readings.add(this.#readingsDone, s.norm, s.normTitle);
      done += s?.norm.length ?? 0;
    }
    this.#version++;
    return this.readingsComplete;
  }

  /** Trims every table to what it holds (see `PostingTable.trim`); a snapshot is saved after it. */
  trim(): void {
    for (const _ of this.trimInSlices());
  }

  /** {@link trim}, pausing (`yield`) between steps (see `PostingTable.trimInSlices`). */
  *trimInSlices(): Generator<void> {
    // Pinyin tables still being written keep their room (a trim would be undone by the next append).
    const readings = this.readingsComplete ? this.#readings.tables : [];
    for (const table of [this.#text, this.#titles, ...readings]) {
      yield* table.trimInSlices(this.#ids.length);
      yield;
    }
  }

  /** Drops the room the slot tables keep to grow (see `SlotOf.fit`). */
  fit(): void {
    this.#ids = this.#ids.slice();
    this.#slots.fit();
  }

  /**
   * The slots, the text and title tables, and the pinyin tables once written for every slot, as
   * chunks for a snapshot (see `char-index-io.ts`).
   */
  export(): [string, Uint8Array][] {
    return finish(this.exportInSlices());
  }

  /** {@link export}, pausing (`yield`) between steps (see `exportTableInSlices`). */
  exportInSlices(): Generator<void, [string, Uint8Array][]> {
    return saveCharacters(this.#ids, this.#maxId, this.#text, this.#titles, this.readingsComplete ? this.#readings : null);
  }

  /**
   * Replaces the index with what {@link export}ed chunks hold, once `readCharacters` has read and
   * checked them; its pinyin tables are taken later ({@link takeReadings}), or written again
   * (`addReadings`).
   */
  import(saved: SavedCharacters): void {
    this.clear();
    ({ ids: this.#ids, slots: this.#slots, removed: this.#removed, maxId: this.#maxId, longIds: this.#longIds, text: this.#text, titles: this.#titles } = saved);
  }

  /** Slots so far (removed ones included): what saved pinyin tables must cover. */
  get slotCount(): number {
    return this.#ids.length;
  }

  /**
   * Takes pinyin tables saved with the index it {@link import}ed (`readReadings`), in place of any
   * written since; refused (false) once a slot was added.
   */
  takeReadings(tables: ReadingTables, slots: number): boolean {
    if (slots !== this.#ids.length) return false;
    this.#version++;
    this.#readingTables = tables;
    this.#readingsDone = slots;
    return true;
  }

  /** Forgets a section. */
  remove(id: number): void {
    const slot = this.#slots.get(id);
    if (slot === undefined) return;
    this.#version++;
    this.#slots.delete(id);
    this.#ids[slot] = -1;
    this.#removed++;
  }

  /** Replaces the content with the given sections, dropping stale slots. */
  rebuild(sections: Iterable<CharSection>): void {
    this.clear();
    for (const s of sections) this.add(s);
  }

  clear(): void {
    this.#version++;
    this.#text = new PostingTable();
    this.#titles = new PostingTable();
    this.#readingTables = null;
    this.#readingsDone = 0;
    this.#ids = [];
    this.#longIds = new Set();
    this.#slots = new SlotOf();
    this.#removed = 0;
    this.#maxId = -1;
  }

  /** Ids of the sections containing the code unit, in the order they were added. */
  sectionsWith(code: number): number[] {
    return this.#idsIn(this.#text, code);
  }

  /** Ids of the sections whose folded title contains the code unit. */
  titlesWith(code: number): number[] {
    return this.#idsIn(this.#titles, code);
  }

  #idsIn(table: PostingTable, key: number): number[] {
    const out = IdCollector.start();
    table.forEach(key, (slot) => {
      const id = this.#ids[slot]!;
      if (id !== -1) out.add(id);
    });
    return out.take();
  }

  /**
   * {@link sectionsWith} and the code unit's count in each section by id (as `termCounts` gives
   * them), in one reading of its list: a common character's list was read once for its sections
   * and again for its counts.
   */
  sectionsAndCounts(code: number): { ids: number[]; counts: Uint8Array } {
    const ids = IdCollector.start();
    const counts = new Uint8Array(this.#maxId + 1);
    this.#text.forEach(code, (slot, count) => {
      const id = this.#ids[slot]!;
      if (id === -1) return;
      ids.add(id);
      counts[id] = count;
    });
    return { ids: ids.take(), counts };
  }

  /** Code units in the text of at least `min` sections (removed ones not yet dropped count). */
  commonCodes(min: number): number[] {
    const out: number[] = [];
    for (const [code, postings] of this.#text.entries()) if (postings.size >= min) out.push(code);
    return out;
  }

  /**
   * A character's count in every section and whether each title holds it, by section id.
   * @param counts its counts, when `sectionsAndCounts` has read them
   */
  termCounts(code: number, counts = this.#countsById(this.#text, code)): CharCounts {
    return { counts, inTitle: this.#countsById(this.#titles, code) };
  }

  /** Candidates of pinyin readings (see `reading-lookup.ts`). */
  readingCandidates(readings: readonly IndexedReading[]): { ids: number[]; exact: boolean } {
    return readingCandidates(this.#lookup, readings);
  }

  /** Sections whose titles may hold a reading (see `reading-lookup.ts`). */
  readingTitles(readings: readonly IndexedReading[]): number[] {
    return readingTitles(this.#lookup, readings);
  }

  /** A reading's counts and titles, where the tables know them (see `reading-lookup.ts`). */
  readingCounts(readings: readonly IndexedReading[]): CharCounts | undefined {
    return readingCounts(this.#lookup, readings);
  }

  /** What the pinyin lookups read of this index, live (the tables are replaced by a clear or an import). */
  readonly #lookup: CharTables = (() => {
    const index = this;
    return {
      get text() {
        return index.#text;
      },
      get titles() {
        return index.#titles;
      },
      get readings() {
        return index.#readings;
      },
      get readingsComplete() {
        return index.readingsComplete;
      },
      get maxId() {
        return index.#maxId;
      },
      get longIds() {
        return index.#longIds;
      },
      // The last few class bitsets are kept until the index changes: typing `mingyue` asks for
      // `ming`'s class at every keystroke, and one query's readings share classes.
      classBits: (chars: string) => index.#classCache.get(chars, index.#version, () => bitsOf(index.#text, codesOf(chars), index.#text.words)),
      idsOf: (bits: Uint32Array) => index.#idsOf(bits),
      idOf: (slot: number) => index.#ids[slot]!,
      countsById: (table: PostingTable, key: number) => index.#countsById(table, key),
    };
  })();

  #countsById(table: PostingTable, key: number): Uint8Array {
    const counts = new Uint8Array(this.#maxId + 1);
    table.forEach(key, (slot, count) => {
      const id = this.#ids[slot]!;
      if (id !== -1) counts[id] = count;
    });
    return counts;
  }

  #idsOf(bits: Uint32Array): number[] {
    const out = IdCollector.start();
    for (let w = 0; w < bits.length; w++) {
      let word = bits[w]!;
      while (word !== 0) {
        const low = word & -word;
        const id = this.#ids[(w << 5) + 31 - Math.clz32(low)];
        if (id !== undefined && id !== -1) out.add(id);
        word ^= low;
      }
    }
    return out.take();
  }
}
