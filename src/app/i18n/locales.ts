/**
 * The interface languages and how the first one is chosen. Pure (no DOM), so the choice from
 * `navigator.languages` is unit-tested.
 */

/** Interface languages: 简体中文, 繁體中文 (台灣, 香港) and English. */
export const LOCALES = ['zh-Hans', 'zh-Hant-TW', 'zh-Hant-HK', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language named in itself, the same in every catalogue, so that people find their own. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { 'zh-Hans': '简体中文', 'zh-Hant-TW': '繁體中文（台灣）', 'zh-Hant-HK': '繁體中文（香港）', en: 'English' };

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/**
 * The interface language for a browser's preferred languages, first match wins: zh-TW and
 * zh-Hant → 台灣; zh-HK and zh-MO → 香港; other Chinese → 简体; English → English. A browser that
 * prefers none of these gets English, which more of its users read than Chinese.
 */
export function pickLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const [language = '', ...rest] = tag.toLowerCase().split(/[-_]/);
    if (language === 'en') return 'en';
    if (language !== 'zh') continue;
    if (rest.includes('hk') || rest.includes('mo')) return 'zh-Hant-HK';
    if (rest.includes('tw') || rest.includes('hant')) return 'zh-Hant-TW';
    return 'zh-Hans';
  }
  return languages.length === 0 ? 'zh-Hans' : 'en';
}
