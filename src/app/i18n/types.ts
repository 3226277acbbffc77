import type { PipelineErrorCode } from '../../core/errors.ts';
import type { DisplayScript } from '../state/display.svelte.ts';

/** Text with inline code: plain strings and `{ code }` parts (shown in `<code>`). */
export type Rich = readonly (string | { readonly code: string })[];

/** One line of the search help: example queries and what they do. */
export interface HelpRow {
  readonly examples: readonly string[];
  readonly meaning: Rich;
}

/**
 * Every text the interface shows, for one language: the contract a language file satisfies
 * (`export default { … } satisfies Messages`). Strings are shown as they are; functions take
 * the values a message names (counts, file names, sizes already formatted) and return the text.
 * Document text (titles, snippets, file names) is data and never here.
 */
export interface Messages {
  /** BCP 47 tag of the interface language, for `<html lang>`. */
  readonly lang: string;
  /** Joins a short list of names or words (、 in Chinese). */
  readonly list: (items: readonly string[]) => string;
  /** Marks text cut off at the start or end of a snippet. */
  readonly ellipsis: string;
  readonly app: {
    /** The page title. */
    readonly title: string;
    /** The header's logo word and the line beside it. */
    readonly name: string;
    readonly subtitle: string;
    readonly workerRestarted: string;
  };
  readonly searchBox: { readonly placeholder: string; readonly label: string };
  /** The regional-wording switch. */
  readonly wording: { readonly label: string; readonly title: string };
  /** The display-script picker. */
  readonly script: { readonly label: string; readonly ariaLabel: string; readonly options: Readonly<Record<DisplayScript, string>> };
  /** The service worker's news. */
  readonly update: {
    readonly waiting: string;
    readonly reload: string;
    readonly later: string;
    readonly offlineReady: string;
    readonly gotIt: string;
  };
  readonly drop: { readonly chooseFiles: string; readonly chooseFolder: string; readonly hint: string; readonly release: string };
  /** What an empty library shows. */
  readonly empty: { readonly heading: string; readonly intro: string; readonly samples: string; readonly samplesHint: string };
  readonly importPanel: {
    readonly running: string;
    /** Files done of all, and bytes done of all (formatted). */
    readonly progress: (filesDone: number, filesTotal: number, bytesDone: string, bytesTotal: string) => string;
    readonly reading: string;
    readonly cancel: string;
    readonly cancelled: string;
    readonly done: string;
    readonly summary: (indexed: number, skipped: number) => string;
    readonly close: string;
    readonly indexed: (sections: number) => string;
    readonly skipped: (reason: string) => string;
  };
  readonly library: {
    readonly heading: string;
    readonly counts: (files: number, sections: number) => string;
    /** Storage used and available (formatted), and whether the browser promised to keep it. */
    readonly usage: (used: string, quota: string, persisted: boolean) => string;
    readonly memoryOnly: string;
    readonly filterPlaceholder: string;
    readonly filterLabel: string;
    readonly fileMeta: (sections: number, size: string) => string;
    readonly remove: string;
    readonly removeLabel: (path: string) => string;
    readonly notListed: (count: number) => string;
    readonly noMatch: (filter: string) => string;
    readonly backup: string;
    readonly backupTitle: string;
    readonly packing: string;
    readonly clear: string;
    readonly confirmClear: (files: number) => string;
  };
  /** Messages of the library state (import refused, failed or cut short). */
  readonly libraryErrors: {
    readonly loadFailed: (reason: string) => string;
    /** The import limits (files, formatted bytes) and this import's size. */
    readonly tooLarge: (maxFiles: number, maxBytes: string, files: number, bytes: string) => string;
    readonly storageFull: (unsaved: number) => string;
    readonly crashed: (path: string) => string;
    readonly failed: (reason: string) => string;
  };
  readonly reader: {
    readonly back: string;
    readonly showOriginal: string;
    readonly showCleaned: string;
    readonly previous: string;
    readonly next: string;
    readonly sourceLink: string;
    readonly originalNote: string;
  };
  readonly results: {
    readonly error: string;
    readonly none: (query: string) => string;
    /** Articles found, of them by wording and by pinyin, and the search time. */
    readonly count: (total: number, wording: number, pinyin: number, ms: number) => string;
    readonly pinyinDivider: string;
    readonly more: (remaining: number) => string;
  };
  /** One hit's badges and notes. */
  readonly hit: {
    readonly pinyin: string;
    readonly pinyinTitle: string;
    /** The other region's words that matched (already joined and converted for display). */
    readonly wording: (words: string) => string;
    readonly wordingTitle: string;
    readonly alsoIn: (fileNames: string) => string;
  };
  readonly help: { readonly summary: string; readonly rows: readonly HelpRow[]; readonly footer: string };
  /** Why a file was skipped. */
  readonly skip: {
    readonly reasons: Readonly<Record<PipelineErrorCode, string>>;
    /** A refused encoding, with what the pipeline says it looks like (`Korean (EUC-KR)`). */
    readonly foreignEncoding: (detail: string) => string;
  };
}
