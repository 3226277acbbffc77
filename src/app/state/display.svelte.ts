/**
 * The display script: show document text as written, in Simplified (简体), or in Traditional as
 * written in Taiwan (繁體·台灣) or Hong Kong (繁體·香港). Search is unaffected; only titles,
 * snippets, sources and the reader are converted. Whatever is shown carries the `lang` of its
 * script, so that Traditional text is drawn with Traditional glyph shapes.
 */
import { readSaved, save } from './saved.ts';

export const DISPLAY_SCRIPTS = ['original', 'hans', 'hant-tw', 'hant-hk'] as const;
export type DisplayScript = (typeof DISPLAY_SCRIPTS)[number];
/** A text's own script, as the engine tells it (absent when it shows neither). */
export type TextScript = 'hans' | 'hant' | undefined;

const STORAGE_KEY = 'souwen.displayScript';

/** Reads the saved choice ('hant' was the one Traditional choice before there were two). */
function saved(): DisplayScript {
  const value = readSaved(STORAGE_KEY);
  if (value === 'hant') return 'hant-tw';
  return (DISPLAY_SCRIPTS as readonly string[]).includes(value ?? '') ? (value as DisplayScript) : 'original';
}

type Convert = (text: string) => string;
const loading = new Map<DisplayScript, Promise<Convert>>();

/** opencc-js's locales for each converted display script. */
const TARGETS = { hans: ['tw', 'cn'], 'hant-tw': ['cn', 'tw'], 'hant-hk': ['cn', 'hk'] } as const;

/**
 * Loads opencc-js's converter for a script on first use (a separate chunk: the Traditional
 * dictionaries are about 1 MB). A failed load is forgotten, so the next choice retries.
 */
function converterFor(script: Exclude<DisplayScript, 'original'>): Promise<Convert> {
  let promise = loading.get(script);
  if (!promise) {
    const [from, to] = TARGETS[script];
    promise = script === 'hans' ? import('opencc-js/t2cn').then((m) => m.Converter({ from, to })) : import('opencc-js/cn2t').then((m) => m.Converter({ from, to }));
    promise.catch(() => loading.delete(script));
    loading.set(script, promise);
  }
  return promise;
}

/** The `lang` of document text in each display script. */
const LANG_OF: Readonly<Record<Exclude<DisplayScript, 'original'>, string>> = { hans: 'zh-Hans', 'hant-tw': 'zh-Hant-TW', 'hant-hk': 'zh-Hant-HK' };

class DisplayState {
  script = $state<DisplayScript>(saved());
  /** Converts display text; identity until a converter is loaded. */
  convert = $state.raw<Convert>((text) => text);

  constructor() {
    void this.set(this.script);
  }

  /**
   * The `lang` of a document text as shown: the display script's, or when shown as written the
   * text's own script (`zh` when it shows neither, as in a text of Latin letters and digits).
   */
  lang(own: TextScript): string {
    if (this.script !== 'original') return LANG_OF[this.script];
    return own === 'hans' ? 'zh-Hans' : own === 'hant' ? 'zh-Hant' : 'zh';
  }

  async set(script: DisplayScript): Promise<void> {
    this.script = script;
    save(STORAGE_KEY, script);
    if (script === 'original') {
      this.convert = (text) => text;
      return;
    }
    const convert = await converterFor(script);
    if (this.script === script) this.convert = convert;
  }
}

/** The one display setting of the page. */
export const display = new DisplayState();
