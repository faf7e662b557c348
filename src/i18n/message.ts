// A message dabiao writes about its input — an error or a warning — in both languages at once. The code that
// finds a problem says it in Chinese and English (`say`); the CLI picks one when it prints (`render(m, lang)`,
// which is `m[lang]`), so the data and rule-file layers never need to know the language. User values stay
// quoted: “…” in Chinese, "…" in English.
import type { Lang } from './lang.js';

export interface Message {
  readonly zh: string;
  readonly en: string;
}

export function say(zh: string, en: string): Message {
  return { zh, en };
}

export function render(m: Message | string, lang: Lang): string {
  return typeof m === 'string' ? m : m[lang];
}
