// The languages dabiao speaks. Chinese is the default whatever the machine's locale; DABIAO_LANG or --lang
// choose English.
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(s: string | undefined): s is Lang {
  return s === 'zh' || s === 'en';
}
