import { Index } from 'flexsearch';
import { FOLD_VERSION } from '../normalize/normalize.ts';
import { IdCollector, intersect } from './id-sets.ts';
import { PairTokenizer, PAIR_BUCKETS } from '../tokenize/tokenize.ts';
import { SlotOf } from './slot-of.ts';
import { VarintPostings } from './varint-postings.ts';

/**
 * Chunks a snapshot is split into, by pair bucket: each holds a sixteenth of the postings (about
 * 2 MB at 50 MB of text), so that saving gives searches a turn between chunks and no single
 * IndexedDB value grows with the library.
 */
const SHARDS = 16;
const KEYS_PER_SHARD = PAIR_BUCKETS / SHARDS;

/** The chunk of the slot → section id table. */
const SLOTS_CHUNK = 'slots';
const shardChunk = (s: number) => `pairs/${s}`;
/** FlexSearch's chunks are named by its own keys, after this prefix. */
const LATIN_CHUNK = 'latin/';

/**
 * The FlexSearch index of Latin pairs: one resolution slot (ranking is ours), and FlexSearch's
 * encoder replaced by the staged pairs (see `SearchIndex.#withStaged`).
 */
const LATIN_OPTIONS = { tokenize: 'strict', resolution: 1 } as const;

/** What FlexSearch is given as content; it only has to be non-empty. */
const STAGED = 'staged';

/**
 * Identifies everything that decides the content of a persisted index. A stored index whose
 * hash differs was built by other code and must be rebuilt, not imported.
 */
export const INDEX_CONFIG_HASH = `pairs-h${PAIR_BUCKETS}|rice-slots-v2|shards-${SHARDS}|latin-flexsearch-0.8|${JSON.stringify(LATIN_OPTIONS)}|fold-v${FOLD_VERSION}`;

/** A piece of a saved index: its name and bytes (see {@link SearchIndex.export}). */
export type IndexChunk = [key: string, data: Uint8Array];

/**
 * The pair index of the library, in two parts: pairs of printable ASCII (Latin words, numbers,
 * code) in a FlexSearch index keyed by the pair itself, and every other pair of adjacent
 * characters of folded text, hashed (`tokenize.ts`), as delta-varint lists of slots
 * (`VarintPostings`). A term's candidates are the sections holding every key of it in both: a
 * superset, verified by the caller.
 *
 * @remarks A section gets the next slot when added; removing it marks its slot free, and
 * `compact` drops free slots by numbering the live ones again. Han pairs left FlexSearch: at
 * 50 MB of poems it held their postings in about three times the memory, saved them as 114 MB of
 * text and took 0.3–0.6 s to read them back, where these lists are 25 MB of bytes read back as
 * views in 10 ms. Latin pairs are few and their keys exact, which FlexSearch keeps well
 * (DESIGN.md, decision 58).
 */
export class SearchIndex {
  readonly #tokenizer = new PairTokenizer();
  #postings = new VarintPostings(PAIR_BUCKETS);
  /**
   * Pairs for the FlexSearch call in progress: FlexSearch calls `encode` synchronously inside
   * `add` and `search`, so staging the pairs just before hands them over as they are.
   */
  #staged: string[] = [];
  readonly #encode = (): string[] => this.#staged;
  #latin = this.#createLatin();
  #latinLoose = false;
  /** Slot → section id, -1 once removed; `#slotCount` slots are used. */
  #ids = new Int32Array(1024);
  #slotCount = 0;
  /** Section id → its slot. */
  #slotOf = new SlotOf();
  #stale = 0;
  /** Lists have grown by appends since the last compaction or import (they may hold spare room). */
  #loose = false;

  #createLatin(): Index {
    return new Index({ ...LATIN_OPTIONS, encode: this.#encode });
  }

  #withStaged<T>(terms: string[], call: () => T): T {
    this.#staged = terms;
    try {
      return call();
    } finally {
      this.#staged = [];
    }
  }

  /** Indexes a section's folded text (again, if it was indexed). */
  add(id: number, normalized: string): void {
    this.remove(id);
    const slot = this.#slotCount++;
    if (slot >= this.#ids.length) this.#ids = grown(this.#ids, slot + 1);
    this.#ids[slot] = id;
    this.#slotOf.set(id, slot);
    const postings = this.#postings;
    this.#tokenizer.forEachBucket(normalized, (bucket) => postings.append(bucket, slot));
    this.#loose = true;
    const latin = this.#tokenizer.latinPairs(normalized);
    if (latin.length > 0) {
      this.#withStaged(latin, () => this.#latin.add(id, STAGED));
      this.#latinLoose = true;
    }
  }

  /** Removes a section; its slot stays in the lists until `compact`. */
  remove(id: number): void {
    const slot = this.#slotOf.get(id);
    if (slot === undefined) return;
    this.#ids[slot] = -1;
    this.#slotOf.delete(id);
    this.#stale++;
    this.#latin.remove(id);
  }

  /**
   * Ids of the sections that contain every pair bucket of a folded term (no whitespace), in the
   * order they were indexed: a superset of the sections containing the term, to be verified by
   * the caller. `null` when the index cannot narrow it (a single character): every section is a
   * candidate.
   */
  candidates(term: string): number[] | null {
    if (term.length < 2) return null;
    const latin = this.#tokenizer.latinPairs(term);
    const hashed = this.#hashedCandidates(term);
    if (latin.length === 0) return hashed ?? [];
    const found = this.#withStaged(latin, () => this.#latin.search(STAGED, { limit: Number.MAX_SAFE_INTEGER })) as number[];
    return hashed ? intersect(hashed, found) : found;
  }

  /** The sections holding every hashed pair of a term, in slot order; null when it has none. */
  #hashedCandidates(term: string): number[] | null {
    // Shortest list first: the rest only filter it.
    const buckets = this.#tokenizer.buckets(term).sort((a, b) => this.#postings.count(a) - this.#postings.count(b));
    if (buckets.length === 0) return null;
    let slots = this.#postings.slots(buckets[0]!);
    for (let k = 1; k < buckets.length && slots.length > 0; k++) slots = this.#postings.keep(buckets[k]!, slots);
    const out = IdCollector.start();
    for (const slot of slots) {
      const id = this.#ids[slot]!;
      if (id !== -1) out.add(id);
    }
    return out.take();
  }

  /** Drops the room the slot tables keep to grow (see `SlotOf.fit`). */
  fit(): void {
    if (this.#ids.length > this.#slotCount) this.#ids = this.#ids.slice(0, Math.max(1, this.#slotCount));
    this.#slotOf.fit();
  }

  /** Trims the lists to their bytes and drops removed sections' slots. */
  compact(): void {
    for (const _ of this.compactInSlices());
  }

  /**
   * {@link SearchIndex.compact}, pausing (`yield`) between steps (a worker answers searches
   * meanwhile). Nothing is done when nothing was indexed or removed since.
   */
  *compactInSlices(): Generator<void> {
    if (this.#latinLoose) {
      // FlexSearch's lists grow with room to spare; read back from its export, they are exact.
      const copy = this.#createLatin();
      this.#latin.export((key: string, data: string) => copy.import(key, data));
      this.#latin = copy;
      this.#latinLoose = false;
      yield;
    }
    if (this.#stale > 0) {
      this.#postings.renumber(this.#renumbering());
      this.#stale = 0;
    } else if (this.#loose) yield* this.#postings.trimInSlices();
    this.#loose = false;
    yield;
  }

  /** New slots for the live sections, in order (-1 for removed ones); updates the id tables. */
  #renumbering(): Int32Array {
    const renumber = new Int32Array(this.#slotCount);
    let next = 0;
    for (let slot = 0; slot < this.#slotCount; slot++) {
      const id = this.#ids[slot]!;
      renumber[slot] = id === -1 ? -1 : next;
      if (id !== -1) {
        this.#ids[next] = id;
        this.#slotOf.set(id, next);
        next++;
      }
    }
    this.#slotCount = next;
    return renumber;
  }

  /**
   * Serializes the index as named chunks of bytes, copies of its state.
   * @param between awaited between two chunks (a worker gives searches a turn there)
   */
  async export(between: () => Promise<void> = async () => {}): Promise<IndexChunk[]> {
    const chunks: IndexChunk[] = [[SLOTS_CHUNK, new Uint8Array(this.#ids.slice(0, this.#slotCount).buffer)]];
    const utf8 = new TextEncoder();
    await this.#latin.export((key: string, data: string) => void chunks.push([LATIN_CHUNK + key, utf8.encode(data)]));
    for (let s = 0; s < SHARDS; s++) {
      chunks.push([shardChunk(s), this.#postings.exportRange(s * KEYS_PER_SHARD, (s + 1) * KEYS_PER_SHARD)]);
      await between();
    }
    return chunks;
  }

  /**
   * Replaces the index with one exported by {@link SearchIndex.export} under the same config hash.
   * The lists are views into the chunks' bytes: nothing is parsed or copied.
   * @param idLimit section ids are below it (the library's next id): a larger one is a lie
   * @throws when a chunk is missing or damaged; the index is then empty
   */
  import(chunks: readonly (readonly [string, Uint8Array])[], idLimit = Number.MAX_SAFE_INTEGER): void {
    this.clear();
    try {
      const byKey = new Map(chunks);
      const slots = byKey.get(SLOTS_CHUNK);
      if (!slots || slots.byteLength % 4 !== 0) throw new Error('pair index: no slot table in the snapshot');
      this.#ids = new Int32Array(slots.slice().buffer);
      this.#slotCount = this.#ids.length;
      for (let slot = 0; slot < this.#slotCount; slot++) {
        const id = this.#ids[slot]!;
        if (id === -1) continue;
        if (id < -1 || id >= idLimit || this.#slotOf.has(id)) throw new Error('pair index: damaged slot table in the snapshot');
        this.#slotOf.set(id, slot);
      }
      for (let s = 0; s < SHARDS; s++) {
        const data = byKey.get(shardChunk(s));
        if (!data) throw new Error(`pair index: chunk ${s} missing from the snapshot`);
        this.#postings.importRange(s * KEYS_PER_SHARD, data, this.#slotCount);
      }
      const utf8 = new TextDecoder();
      for (const [key, data] of chunks) if (key.startsWith(LATIN_CHUNK)) this.#latin.import(key.slice(LATIN_CHUNK.length), utf8.decode(data));
    } catch (e) {
      this.clear();
      throw e;
    }
  }

  /** Empties the index. */
  clear(): void {
    this.#postings = new VarintPostings(PAIR_BUCKETS);
    this.#latin = this.#createLatin();
    this.#latinLoose = false;
    this.#ids = new Int32Array(1024);
    this.#slotCount = 0;
    this.#slotOf = new SlotOf();
    this.#stale = 0;
    this.#loose = false;
  }
}

/** A copy of `a` with room for at least `length` elements (doubling), zeros after. */
function grown(a: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.max(length, a.length * 2));
  out.set(a);
  return out;
}
