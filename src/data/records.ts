// What every reader produces: rows of cells with the positions an error message must name.

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

export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly col: number | undefined,
    readonly detail: string,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}${col !== undefined ? `:${col}` : ''}: ${detail}`);
    this.name = 'DataError';
  }
}

export interface DataWarning {
  file: string;
  line?: number;
  col?: number;
  message: string;
}

export function formatWarning(w: DataWarning): string {
  return `${w.file}${w.line !== undefined ? `:${w.line}` : ''}${w.col !== undefined ? `:${w.col}` : ''}: ${w.message}`;
}
