// Output formats: the one registry that both `check` and the CLI's --format choices read.
import type { Formatter } from './types.js';
import { table } from './table.js';
import { json } from './json.js';

export const FORMATS = ['table', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export const formatters: Record<Format, Formatter> = { table, json };

export type { Formatter, ReportInput } from './types.js';
