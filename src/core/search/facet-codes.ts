/**
 * Each section's facet values (source, year, folder) as small integers, set when the section is
 * added: counting the facets of a query is then three array reads and increments per matching
 * section. Counting by the strings themselves (a map update per section and kind) cost a query
 * matching all 204 000 sections of the 50 MB corpus about 35 ms.
 */

/** The facet kinds, in the order of their codes. */
export const FACET_KINDS = ['source', 'year', 'folder'] as const;
const KINDS = FACET_KINDS.length;

/** The year a date starts with, or '' when it does not start with four digits. */
export function yearOf(date: string): string {
  return /^\d{4}/.test(date) ? date.slice(0, 4) : '';
}

/** Values and their codes, for one kind; code 0 is '' (no value). */
class Dictionary {
  readonly values: string[] = [''];
  readonly #codes = new Map<string, number>([['', 0]]);

  code(value: string): number {
    if (value === '') return 0;
    let code = this.#codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.#codes.set(value, code);
    }
    return code;
  }

  find(value: string): number | undefined {
    return this.#codes.get(value);
  }
}

export class FacetCodes {
  readonly #dictionaries = Array.from({ length: KINDS }, () => new Dictionary());
  /**
   * Per section id, its code of each kind: `codes[id * 3 + kind]`. Two bytes a code until a kind
   * has more values than that holds (at 50 MB of poems, 9 459 authors: 1.6 MB less).
   */
  #codes: Uint16Array | Int32Array = new Uint16Array(KINDS * 1024);

  /** The code of a folder, to give every section of a file (see {@link set}). */
  folderCode(folder: string): number {
    return this.#dictionaries[2]!.code(folder);
  }

  /**
   * Records a section's values; its file's folder is given as its code, looked up once per file
   * (a restore records 204 000 sections at 50 MB: a lookup less each is 10 % of the restore).
   * @returns the source as this dictionary holds it: one string for every section that names it
   *   (storage gives each record its own copy: 2.8 MB of 9 459 authors' names at 50 MB of poems)
   */
  set(id: number, source: string, date: string, folderCode: number): string {
    const at = id * KINDS;
    const sources = this.#dictionaries[0]!;
    const code = sources.code(source);
    const year = date === '' ? 0 : this.#dictionaries[1]!.code(yearOf(date));
    // Rarely needed: a test of length and of one OR per section (a restore sets 204 000 at 50 MB).
    if (at + KINDS > this.#codes.length || (code | year | folderCode) > 0xffff) this.#makeRoom(at + KINDS, code | year | folderCode);
    this.#codes[at] = code;
    this.#codes[at + 1] = year;
    this.#codes[at + 2] = folderCode;
    return sources.values[code]!;
  }

  /** Grows the codes to `length` at least (doubling), four bytes a code once one is `largest`. */
  #makeRoom(length: number, largest: number): void {
    const wide = largest > 0xffff || this.#codes instanceof Int32Array;
    if (length <= this.#codes.length && wide === this.#codes instanceof Int32Array) return;
    const size = length <= this.#codes.length ? this.#codes.length : Math.max(this.#codes.length * 2, length);
    const grown = wide ? new Int32Array(size) : new Uint16Array(size);
    grown.set(this.#codes);
    this.#codes = grown;
  }

  /** Drops the room for ids from `ids` on (the codes double as they grow; they grow again when needed). */
  fit(ids: number): void {
    if (this.#codes.length > ids * KINDS) this.#codes = this.#codes.slice(0, Math.max(1, ids) * KINDS);
  }

  /** The codes of every section, `table[id * kinds + k]` (0 beyond: an unknown section), to read many at once. */
  get table(): Uint16Array | Int32Array {
    return this.#codes;
  }

  /** How many kinds each section has a code of. */
  readonly kinds = KINDS;

  /** The code of section `id` for kind `k` (0 for an unknown section). */
  code(id: number, k: number): number {
    return this.#codes[id * KINDS + k] ?? 0;
  }

  /** The values of kind `k`, by code. */
  values(k: number): readonly string[] {
    return this.#dictionaries[k]!.values;
  }

  /** The code of `value` for kind `k`, if any section has it. */
  find(k: number, value: string): number | undefined {
    return this.#dictionaries[k]!.find(value);
  }
}
