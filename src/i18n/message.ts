// A message dabiao writes about its input — an error or a warning — in both languages at once. The code that
// finds a problem says it in Chinese and English (`say`); the CLI picks one when it prints (`render`), so the
// data and rule-file layers never need to know the language. User values stay quoted: “…” in Chinese, "…" in
// English.
import type { Lang } from './lang.js';

export interface Message {
  readonly zh: string;
  readonly en: string;
}

export function say(zh: string, en: string): Message {
  return { zh, en };
}

/** The same text in both languages: a name, a path, a third-party message dabiao cannot translate. */
export function verbatim(text: string): Message {
  return { zh: text, en: text };
}

export function render(m: Message | string, lang: Lang): string {
  return typeof m === 'string' ? m : m[lang];
}

export function isMessage(x: unknown): x is Message {
  return typeof x === 'object' && x !== null && typeof (x as Message).zh === 'string' && typeof (x as Message).en === 'string';
}
