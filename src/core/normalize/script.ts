import { foldTable } from './fold-table.ts';

/** The script a text is written in: Simplified (`hans`) or Traditional (`hant`), as BCP 47 names them. */
export type Script = 'hans' | 'hant';

/** Counts of the characters that tell the scripts apart. */
export interface ScriptEvidence {
  /** Characters folding changes (Traditional, or a Taiwan/Hong Kong variant). */
  traditional: number;
  /** Characters whose Traditional form differs (Simplified only). */
  simplified: number;
}

/** Counts the characters of a text that only one script writes (most characters are shared). */
export function scriptEvidence(text: string): ScriptEvidence {
  const { bmp, simplifiedBmp } = foldTable();
  let traditional = 0;
  let simplified = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2e80) continue;
    if (bmp[c] !== 0) traditional++;
    else if (simplifiedBmp[c] === 1) simplified++;
  }
  return { traditional, simplified };
}

/**
 * The scripts of a file's sections, one section at a time: each section's own, and the file's,
 * known once every section is counted, for the sections that show none of their own.
 */
export class FileScript {
  readonly #total: ScriptEvidence = { traditional: 0, simplified: 0 };

  /** Counts a section's text; @returns its own script, if it shows one */
  count(text: string): Script | undefined {
    const evidence = scriptEvidence(text);
    this.#total.traditional += evidence.traditional;
    this.#total.simplified += evidence.simplified;
    return scriptOf(evidence);
  }

  /** The file's script, from every section counted so far. */
  get script(): Script | undefined {
    return scriptOf(this.#total);
  }
}

/**
 * The script of a text by majority of the characters only one script writes; undefined when
 * neither has more (no such character at all, or as many of each).
 * @example scriptOf('請開啟檔案') === 'hant'; scriptOf('文件') === undefined
 */
export function scriptOf(evidence: ScriptEvidence): Script | undefined {
  if (evidence.traditional > evidence.simplified) return 'hant';
  if (evidence.simplified > evidence.traditional) return 'hans';
  return undefined;
}
