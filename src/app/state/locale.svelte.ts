/**
 * The interface language: chosen from the browser's languages on the first visit, switchable,
 * remembered. Every message is read through `t` (i18n/messages.ts), which follows this state,
 * so switching redraws the interface without a reload.
 */
import en from '../i18n/en.ts';
import { isLocale, pickLocale, type Locale } from '../i18n/locales.ts';
import type { Messages } from '../i18n/types.ts';
import zhHans from '../i18n/zh-Hans.ts';
import zhHantHK from '../i18n/zh-Hant-HK.ts';
import zhHantTW from '../i18n/zh-Hant-TW.ts';
import { readSaved, save } from './saved.ts';

const STORAGE_KEY = 'souwen.locale';

/** One catalogue per language (each about 10 KB; all are bundled, so switching is instant). */
const CATALOGUES: Readonly<Record<Locale, Messages>> = { 'zh-Hans': zhHans, 'zh-Hant-TW': zhHantTW, 'zh-Hant-HK': zhHantHK, en };

function initial(): Locale {
  const saved = readSaved(STORAGE_KEY);
  return isLocale(saved) ? saved : pickLocale(globalThis.navigator?.languages ?? []);
}

class LocaleState {
  locale = $state<Locale>(initial());
  readonly messages = $derived(CATALOGUES[this.locale]);

  set(locale: Locale): void {
    this.locale = locale;
    save(STORAGE_KEY, locale);
  }
}

/** The page's interface language. */
export const locale = new LocaleState();
