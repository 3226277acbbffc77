import { scaledCount } from '../rank/occurrences.ts';
import { TF_CAP, TF_WINDOW } from '../rank/rank.ts';
import { LETTERS } from '../tokenize/readings.ts';
import { PairTokenizer } from '../tokenize/tokenize.ts';
import { DistinctUnits } from './distinct-units.ts';
import { ReadingPairs, SYLLABLE_KEYS, SyllablePairs } from './reading-pairs.ts';
import type { IngestedFile } from '../types.ts';

/**
 * The keys a section is indexed under, each kind visited once per distinct key: its hashed
 * character pairs (the pair index), its code units and its title's (the character index, with
 * the counts ranking reads), and its pinyin pairs (the reading tables). Computed from the text
 * ({@link TextKeys}), or read from what the parsing worker computed ({@link GivenKeys}): at 50 MB
 * they were 1.4 s of the indexer's 8.8 s in Chromium, and the parsing worker was idle most of
 * the time (DESIGN.md, decision 81). Counts are as the tables store them (`scaledCount`).
 */
export interface SectionKeys {
  pairs(visit: (key: number) => void): void;
  chars(visit: (key: number, count: number) => void): void;
  titleChars(visit: (key: number) => void): void;
  letters(visit: (key: number, count: number) => void): void;
  titleLetters(visit: (key: number) => void): void;
  syllables(visit: (key: number) => void): void;
}

/** A section's keys, walked from its folded text and title when asked for (nothing allocated per section). */
export class TextKeys implements SectionKeys {
  /** @param tokenizer its pair tokenizer (shared with the pair index, which reads queries with it) */
  constructor(readonly tokenizer = new PairTokenizer()) {}

  readonly #units = new DistinctUnits();
  readonly #letters = new ReadingPairs();
  readonly #syllables = new SyllablePairs();
  #norm = '';
  #normTitle = '';

  /** This, walking `norm` and `normTitle` from now on. */
  of(norm: string, normTitle: string): this {
    this.#norm = norm;
    this.#normTitle = normTitle;
    return this;
  }

  pairs(visit: (key: number) => void): void {
    this.tokenizer.forEachBucket(this.#norm, visit);
  }

  chars(visit: (key: number, count: number) => void): void {
    const norm = this.#norm;
    const { units, counted } = this.#units;
    const distinct = this.#units.of(norm, TF_WINDOW);
    for (let k = 0; k < distinct; k++) visit(units[k]!, scaledCount(counted[units[k]!]!, norm.length, TF_CAP, TF_WINDOW));
  }

  titleChars(visit: (key: number) => void): void {
    const { units } = this.#units;
    const distinct = this.#units.of(this.#normTitle, 0);
    for (let k = 0; k < distinct; k++) visit(units[k]!);
  }

  letters(visit: (key: number, count: number) => void): void {
    const length = this.#norm.length;
    this.#letters.walk(this.#norm, TF_WINDOW, (key, counted) => visit(key, scaledCount(counted, length, TF_CAP, TF_WINDOW)));
  }

  titleLetters(visit: (key: number) => void): void {
    this.#letters.walk(this.#normTitle, 0, visit);
  }

  syllables(visit: (key: number) => void): void {
    this.#syllables.walk(this.#norm, visit);
  }
}

/** One kind of key of a file's sections: section k's are `keys[at[k]]` up to `keys[at[k + 1]]`, counted alike when the kind counts. */
export interface KeyRuns {
  keys: Uint16Array;
  counts: Uint8Array | null;
  at: Uint32Array;
}

/** Every key of a file's sections, in section order (see {@link fileKeys}): typed arrays, posted without a copy per section. */
export interface FileKeys {
  pairs: KeyRuns;
  chars: KeyRuns;
  titleChars: KeyRuns;
  letters: KeyRuns;
  titleLetters: KeyRuns;
  syllables: KeyRuns;
}

const KINDS = ['pairs', 'chars', 'titleChars', 'letters', 'titleLetters', 'syllables'] as const;
/** The kinds with counts. */
const COUNTED = new Set<string>(['chars', 'letters']);
/** Keys of each kind are below these (any 16-bit value for pairs and code units). */
const LIMITS: Record<(typeof KINDS)[number], number> = { pairs: 0x10000, chars: 0x10000, titleChars: 0x10000, letters: LETTERS * LETTERS, titleLetters: LETTERS * LETTERS, syllables: SYLLABLE_KEYS };

/** Grows a kind's runs as sections are walked. */
class RunsBuilder {
  keys = new Uint16Array(256);
  counts: Uint8Array | null;
  readonly at: Uint32Array;
  #size = 0;
  #section = 0;

  constructor(sections: number, counted: boolean) {
    this.at = new Uint32Array(sections + 1);
    this.counts = counted ? new Uint8Array(256) : null;
  }

  readonly push = (key: number, count = 1): void => {
    if (this.#size === this.keys.length) {
      this.keys = grown(this.keys);
      if (this.counts) this.counts = grown(this.counts);
    }
    this.keys[this.#size] = key;
    if (this.counts) this.counts[this.#size] = count;
    this.#size++;
  };

  endSection(): void {
    this.at[++this.#section] = this.#size;
  }

  runs(): KeyRuns {
    return { keys: this.keys.slice(0, this.#size), counts: this.counts?.slice(0, this.#size) ?? null, at: this.at };
  }
}

function grown<T extends Uint8Array | Uint16Array>(a: T): T {
  const out = new (a.constructor as new (n: number) => T)(a.length * 2);
  out.set(a);
  return out;
}

/** The keys of a file's folded sections, as `TextKeys` walks them: what the parsing worker sends with a file. */
export function fileKeys(sections: readonly { norm: string; normTitle: string }[], walker: TextKeys): FileKeys {
  const built = Object.fromEntries(KINDS.map((kind) => [kind, new RunsBuilder(sections.length, COUNTED.has(kind))])) as Record<(typeof KINDS)[number], RunsBuilder>;
  for (const s of sections) {
    const keys = walker.of(s.norm, s.normTitle);
    for (const kind of KINDS) {
      keys[kind](built[kind].push);
      built[kind].endSection();
    }
  }
  return Object.fromEntries(KINDS.map((kind) => [kind, built[kind].runs()])) as unknown as FileKeys;
}

/**
 * True when `keys` are well formed for `sections` sections: each kind's runs cover them in order,
 * counted where the kind counts, with keys its table has. Keys that are not are not used (the
 * sections are then walked from their text): they come from another worker.
 */
export function fitKeys(keys: FileKeys, sections: number): boolean {
  return KINDS.every((kind) => {
    const runs = keys[kind] as KeyRuns | undefined;
    if (!runs || runs.at.length !== sections + 1 || runs.at[0] !== 0 || runs.at[sections] !== runs.keys.length) return false;
    if (COUNTED.has(kind) !== (runs.counts !== null) || (runs.counts && runs.counts.length !== runs.keys.length)) return false;
    for (let k = 0; k < sections; k++) if (runs.at[k]! > runs.at[k + 1]!) return false;
    const limit = LIMITS[kind];
    if (limit < 0x10000) for (const key of runs.keys) if (key >= limit) return false;
    return true;
  });
}

/** Section k's keys of a file's {@link FileKeys} (checked by {@link fitKeys}). */
export class GivenKeys implements SectionKeys {
  #k = 0;

  constructor(readonly file: FileKeys) {}

  /** This, reading section `k`'s keys from now on. */
  at(k: number): this {
    this.#k = k;
    return this;
  }

  #visit({ keys, counts, at }: KeyRuns, visit: (key: number, count: number) => void): void {
    for (let i = at[this.#k]!, end = at[this.#k + 1]!; i < end; i++) visit(keys[i]!, counts ? counts[i]! : 1);
  }

  pairs(visit: (key: number) => void): void {
    this.#visit(this.file.pairs, visit);
  }

  chars(visit: (key: number, count: number) => void): void {
    this.#visit(this.file.chars, visit);
  }

  titleChars(visit: (key: number) => void): void {
    this.#visit(this.file.titleChars, visit);
  }

  letters(visit: (key: number, count: number) => void): void {
    this.#visit(this.file.letters, visit);
  }

  titleLetters(visit: (key: number) => void): void {
    this.#visit(this.file.titleLetters, visit);
  }

  syllables(visit: (key: number) => void): void {
    this.#visit(this.file.syllables, visit);
  }
}

/**
 * Most characters a file may have for its keys to be computed where it is read: the keys take
 * about six bytes a character, posted whole (a 60 MB file's are walked by the indexer instead).
 */
export const MAX_KEYED_CHARS = 1 << 22;

/** The walker of {@link withKeys}, made once: its tables take about a megabyte, to make and to fill. */
let walker: TextKeys | undefined;

/** The file with its sections' keys (see {@link fileKeys}), when its sections are folded and it is not too long. */
export function withKeys(file: IngestedFile): IngestedFile {
  if (file.chars > MAX_KEYED_CHARS || !file.sections.every((s) => s.folded)) return file;
  return { ...file, keys: fileKeys(file.sections.map((s) => s.folded!), (walker ??= new TextKeys())) };
}

/** The buffers of a file's keys, to transfer rather than copy. */
export function keyBuffers(keys: FileKeys): ArrayBuffer[] {
  return KINDS.flatMap((kind) => {
    const { keys: k, counts, at } = keys[kind];
    return [k.buffer, at.buffer, ...(counts ? [counts.buffer] : [])] as ArrayBuffer[];
  });
}
