// Output formats: the one registry that the commands and their --format choices read. A format renders the
// kinds of report it supports (check, gaps, compare); a command offers only the formats that render its kind.
import type { Formatter, ReportKind } from './types.js';
import { table } from './table/index.js';
import { json } from './json/index.js';
import { csv } from './csv/index.js';
import { markdown } from './markdown/index.js';
import { junit } from './junit/index.js';
import { github } from './github/index.js';
import { html } from './html/index.js';
import { xlsx } from './xlsx/index.js';

export const FORMATS = ['table', 'json', 'csv', 'markdown', 'html', 'xlsx', 'junit', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export const formatters: Record<Format, Formatter> = { table, json, csv, markdown, html, xlsx, junit, github };

/** Formats that write bytes, not text: never to a terminal. */
export const BINARY: ReadonlySet<Format> = new Set<Format>(['xlsx']);

/** The formats that can render a kind of report. */
export function formatsFor(kind: ReportKind): Format[] {
  return FORMATS.filter((f) => formatters[f][kind] !== undefined);
}

export type { Formatter, Report, RenderOptions, Sink } from './types.js';
export { stringSink } from './types.js';
