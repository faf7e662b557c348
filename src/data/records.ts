// What every reader produces: rows of cells with the positions an error message must name.
import type { Message } from '../i18n/message.js';
import type { Lang } from '../i18n/lang.js';

export interface Cell {
  /** The header as written in the file. */
  header: string;
  value: unknown;
  line: number;
  /** 1-based column; for JSON, the position of the value. */
  col: number;
}

export interface RawRow {
  file: string;
  line: number;
  cells: Cell[];
}

export interface RawTable {
  file: string;
  encoding?: string;
  headers: { name: string; col: number; line: number }[];
  rows: RawRow[];
}

/** file, file:line or file:line:col: the start of every message about a place in the input. */
export function place(file: string, line?: number, col?: number): string {
  return `${file}${line !== undefined ? `:${line}` : ''}${col !== undefined ? `:${col}` : ''}`;
}

/** Bad data: stops the run. `message` is the English line (for stack traces and tests); `text` gives either. */
export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly col: number | undefined,
    readonly detail: Message,
  ) {
    super(`${place(file, line, col)}: ${detail.en}`);
    this.name = 'DataError';
  }

  /** The whole line, file:line:col first, in one language. */
  text(lang: Lang): string {
    return `${place(this.file, this.line, this.col)}: ${this.detail[lang]}`;
  }
}

export interface DataWarning {
  file: string;
  line?: number;
  col?: number;
  message: Message;
}

export function formatWarning(w: DataWarning, lang: Lang): string {
  return `${place(w.file, w.line, w.col)}: ${w.message[lang]}`;
}
