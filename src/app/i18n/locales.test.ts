import { describe, expect, it } from 'vitest';
import { pickLocale } from './locales.ts';

describe('pickLocale', () => {
  it.each([
    [['zh-CN', 'zh', 'en'], 'zh-Hans'],
    [['zh-TW', 'en-US'], 'zh-Hant-TW'],
    [['zh-Hant'], 'zh-Hant-TW'],
    [['zh-HK', 'zh-TW'], 'zh-Hant-HK'],
    [['zh-Hant-HK'], 'zh-Hant-HK'],
    [['zh-MO'], 'zh-Hant-HK'],
    [['zh-SG'], 'zh-Hans'],
    [['en-US', 'zh-CN'], 'en'],
    [['fr-FR', 'zh-TW'], 'zh-Hant-TW'],
    [['fr-FR', 'de'], 'en'],
    [[], 'zh-Hans'],
  ])('%j → %s', (languages, locale) => {
    expect(pickLocale(languages)).toBe(locale);
  });
});
