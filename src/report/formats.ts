// The output formats and the kinds of report each renders, as plain data: the commands read this to offer their
// --format choices without loading any formatter (index.ts holds the formatters; a test keeps the two agreeing).
import type { ReportKind } from './types.js';

export const FORMATS = ['table', 'json', 'csv', 'markdown', 'html', 'xlsx', 'junit', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export const FORMAT_KINDS: Record<Format, readonly ReportKind[]> = {
  table: ['check', 'gaps', 'compare'],
  json: ['check', 'gaps', 'compare'],
  csv: ['check', 'gaps', 'compare'],
  markdown: ['check', 'gaps', 'compare'],
  html: ['check', 'gaps', 'compare'],
  xlsx: ['check', 'gaps', 'compare'],
  junit: ['check', 'gaps'],
  github: ['check', 'gaps'],
};

/** Formats that write bytes, not text: never to a terminal. */
export const BINARY: ReadonlySet<Format> = new Set<Format>(['xlsx']);

/** The formats that can render a kind of report. */
export function formatsFor(kind: ReportKind): Format[] {
  return FORMATS.filter((f) => FORMAT_KINDS[f].includes(kind));
}
