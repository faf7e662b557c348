// The formatters, one per format (formats.ts lists the formats and what each renders), each loaded when it is
// first used: a check written as JSON never loads the Excel writer.
import type { Formatter } from './types.js';
import type { Format } from './formats.js';

export const formatters: Record<Format, () => Promise<Formatter>> = {
  table: async () => (await import('./table/index.js')).table,
  json: async () => (await import('./json/index.js')).json,
  csv: async () => (await import('./csv/index.js')).csv,
  markdown: async () => (await import('./markdown/index.js')).markdown,
  html: async () => (await import('./html/index.js')).html,
  xlsx: async () => (await import('./xlsx/index.js')).xlsx,
  junit: async () => (await import('./junit/index.js')).junit,
  github: async () => (await import('./github/index.js')).github,
};

export type { Formatter, Report, RenderOptions, Sink } from './types.js';
export { stringSink } from './types.js';
export { BINARY, FORMATS, FORMAT_KINDS, formatsFor, type Format } from './formats.js';
