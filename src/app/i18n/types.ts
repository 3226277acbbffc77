import type { PipelineErrorCode } from '../../core/errors.ts';
import type { Progress } from '../../shared/protocol.ts';
import type { DisplayScript } from '../state/display.svelte.ts';
import type { LibrarySort } from '../state/library-view.ts';
import type { Theme } from '../state/theme.svelte.ts';
import type { FacetKind } from '../state/url.ts';
import type { Locale } from './locales.ts';

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
    /** The first link of the page, for keyboard users. */
    readonly skipToResults: string;
    /** The phone's tabs: results, and the library with its file count. */
    readonly views: string;
    readonly resultsTab: string;
    readonly libraryTab: (files: number) => string;
  };
  readonly searchBox: { readonly placeholder: string; readonly label: string; readonly recent: string; readonly forgetRecent: string };
  /** The settings menu; each language is named in itself (English, 简体中文). */
  readonly settings: {
    readonly button: string;
    readonly language: string;
    readonly languages: Readonly<Record<Locale, string>>;
    readonly theme: string;
    readonly themes: Readonly<Record<Theme, string>>;
  };
  /** The regional-wording switch. */
  readonly wording: { readonly label: string; readonly title: string };
  /** The display-script picker. */
  readonly script: { readonly label: string; readonly options: Readonly<Record<DisplayScript, string>> };
  /** The service worker's news. */
  readonly update: {
    readonly waiting: string;
    readonly reload: string;
    readonly later: string;
    readonly offlineReady: string;
    readonly gotIt: string;
  };
  /** `hintTouch` replaces `hint` on touch screens, which cannot drag files. */
  readonly drop: { readonly chooseFiles: string; readonly chooseFolder: string; readonly hint: string; readonly hintTouch: string; readonly release: string };
  /** What an empty library shows. */
  readonly empty: { readonly heading: string; readonly intro: string; readonly samples: string; readonly samplesHint: string };
  readonly importPanel: {
    readonly running: string;
    /** Files done of all, and bytes done of all (formatted). */
    readonly progress: (filesDone: number, filesTotal: number, bytesDone: string, bytesTotal: string) => string;
    readonly reading: string;
    /** What the import is doing now. */
    readonly phases: Readonly<Record<Progress['phase'], string>>;
    /** The rate (formatted bytes per second) and the seconds left. */
    readonly pace: (rate: string, secondsLeft: number) => string;
    readonly details: string;
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
    /** A file's articles, size (formatted), name and the date it was added (formatted). */
    readonly fileMeta: (sections: number, size: string, name: string, added: string) => string;
    readonly sortLabel: string;
    readonly sorts: Readonly<Record<LibrarySort, string>>;
    readonly byFolder: string;
    /** A folder's heading ('' is the top level) and its file count. */
    readonly folder: (folder: string, files: number) => string;
    readonly selectAll: string;
    readonly selectLabel: (title: string) => string;
    readonly removeSelected: (files: number) => string;
    readonly remove: string;
    readonly removeLabel: (path: string) => string;
    /** Files deleted: the one file's name, or null and how many. */
    readonly removed: (name: string | null, files: number) => string;
    readonly undo: string;
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
    /** The match marked now, of all marked. */
    readonly counter: (current: number, total: number) => string;
    /** Between the parts of the line under the title (file · source · date). */
    readonly separator: string;
  };
  readonly results: {
    readonly error: string;
    readonly none: (query: string) => string;
    /** Articles found, of them by wording and by pinyin, and the search time. */
    readonly count: (total: number, wording: number, pinyin: number, ms: number) => string;
    readonly pinyinDivider: string;
    readonly more: (remaining: number) => string;
    /** What to try when nothing was found. */
    readonly tryWording: string;
    readonly tryShorter: string;
    readonly tryNoFilters: string;
    readonly tryAllFiles: string;
    readonly tryPinyin: string;
    readonly sortLabel: string;
    readonly sort: { readonly relevance: string; readonly date: string };
    readonly exportMarkdown: string;
    readonly exportCsv: string;
    readonly exportHeadings: { readonly title: string; readonly source: string; readonly date: string; readonly link: string; readonly snippet: string };
    /** Searching within one file (its title), and the way back to all. */
    readonly inFile: (title: string) => string;
    readonly allFiles: string;
  };
  /** The facets' names, and the name of files at the top level. */
  readonly facets: { readonly names: Readonly<Record<FacetKind, string>>; readonly topFolder: string };
  /** One hit's badges and notes. */
  readonly hit: {
    readonly pinyin: string;
    readonly pinyinTitle: string;
    /** Before the other region's words that matched (shown as document text). */
    readonly wordingLabel: string;
    readonly wordingTitle: string;
    readonly alsoIn: (fileNames: string) => string;
    readonly copyLink: (title: string) => string;
    readonly copyLinkTitle: string;
    readonly linkCopied: string;
    readonly linkNotCopied: (link: string) => string;
  };
  readonly help: { readonly summary: string; readonly rows: readonly HelpRow[]; readonly footer: string };
  /** Why a file was skipped. */
  readonly skip: {
    readonly reasons: Readonly<Record<PipelineErrorCode, string>>;
    /** A refused encoding, with what the pipeline says it looks like (`Korean (EUC-KR)`). */
    readonly foreignEncoding: (detail: string) => string;
  };
}
