import { normalizeText, normalizeToDrift } from './normalize.ts';
import { FileScript, type Script } from './script.ts';
import { patchOf } from './text-patch.ts';
import type { ReadSection, Section } from '../types.ts';

/** What folding stores of a section: matching needs no folding after a reload. */
export interface FoldedSection {
  /** `normalize(text).text`. */
  norm: string;
  /** `driftOf(normalize(text).map)`: folded offsets back to the text's ({@link NO_DRIFT} when none). */
  drift: readonly number[];
  /** `normalize(title).text`. */
  normTitle: string;
  /** The section's script, or its file's when the section alone does not show one. */
  script?: Script;
  /**
   * The text as its difference from `norm` (`text-patch.ts`): what memory and storage keep of
   * the text instead of the text. Absent when it could not be made: the text is kept.
   */
  patch?: string;
}

/**
 * The drift of every section whose folding moved no offset: one shared array, not one each
 * (204 084 empty arrays at 50 MB of poems held 3.3 MB).
 */
export const NO_DRIFT: readonly number[] = Object.freeze([]);

/** The drift to keep: {@link NO_DRIFT} for an empty one. */
export const keptDrift = (drift: readonly number[]): readonly number[] => (drift.length === 0 ? NO_DRIFT : drift);

/**
 * Folds the sections of one file (see `normalize`) and tells each one's script. A section too
 * short to show its script (a four-character poem line, a title) takes its file's.
 */
export function foldSections(sections: readonly { text: string; title: string }[]): FoldedSection[] {
  const scripts = sectionScripts(sections);
  return sections.map((s, i) => foldSection(s, scripts[i]));
}

/** Each section's script (its own, else its file's), before any is folded. */
export function sectionScripts(sections: readonly { text: string }[]): (Script | undefined)[] {
  const file = new FileScript();
  const own = sections.map((s) => file.count(s.text));
  return own.map((script) => script ?? file.script);
}

/** One section folded, its script given (see {@link sectionScripts}). */
export function foldSection(s: { text: string; title: string }, script: Script | undefined): FoldedSection {
  const { text: norm, drift: own } = normalizeToDrift(s.text);
  const drift = keptDrift(own);
  const patch = patchOf(s.text, norm, drift);
  return { norm, drift, normTitle: normalizeText(s.title), ...(script ? { script } : {}), ...(patch !== undefined ? { patch } : {}) };
}

/**
 * Sections carrying their folds (`Section.folded`), as the engine would make them, each one's
 * text left out where its patch remakes it (`ReadSection`): the parsing worker folds what it
 * reads, which at 50 MB of poems took 1.5 s off the indexer, and sends no more than it keeps.
 */
export function foldedSections(sections: readonly Section[]): ReadSection[] {
  // Each section's script as well (its own, else its file's): telling it took the indexer 0.15 s.
  const scripts = sectionScripts(sections);
  return sections.map((s, i): ReadSection => {
    const folded = foldSection(s, scripts[i]);
    if (!remadeByPatch(folded)) return { ...s, folded };
    const { text: _remade, ...kept } = s;
    return Object.assign(kept, { folded });
  });
}

const remadeByPatch = (folded: FoldedSection): folded is FoldedSection & { patch: string } => folded.patch !== undefined;
