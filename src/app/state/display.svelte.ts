/**
 * The display script: show document text as written, in Simplified (简体) or in Traditional
 * (繁體). Search is unaffected; only titles, snippets and the reader are converted.
 */
export type DisplayScript = 'original' | 'hans' | 'hant';

const STORAGE_KEY = 'souwen.displayScript';

/** Reads the saved choice; storage may be unavailable (private mode), which means "original". */
function saved(): DisplayScript {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return value === 'hans' || value === 'hant' ? value : 'original';
  } catch {
    return 'original';
  }
}

type Convert = (text: string) => string;
const loading = new Map<DisplayScript, Promise<Convert>>();

/**
 * Loads opencc-js's converter for a script on first use (a separate chunk: the Traditional
 * dictionaries are about 1 MB). A failed load is forgotten, so the next choice retries.
 */
function converterFor(script: Exclude<DisplayScript, 'original'>): Promise<Convert> {
  let promise = loading.get(script);
  if (!promise) {
    promise =
      script === 'hans'
        ? import('opencc-js/t2cn').then((m) => m.Converter({ from: 'tw', to: 'cn' }))
        : import('opencc-js/cn2t').then((m) => m.Converter({ from: 'cn', to: 'tw' }));
    promise.catch(() => loading.delete(script));
    loading.set(script, promise);
  }
  return promise;
}

class DisplayState {
  script = $state<DisplayScript>(saved());
  /** Converts display text; identity until a converter is loaded. */
  convert = $state.raw<Convert>((text) => text);

  constructor() {
    void this.set(this.script);
  }

  async set(script: DisplayScript): Promise<void> {
    this.script = script;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, script);
    } catch {
      // Not persisted; the choice still applies to this page.
    }
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
