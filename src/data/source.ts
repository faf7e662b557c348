// What every reader produces: a header and rows, read as the file is read. A row's values line up with the
// header; a value's position (line, column) is worked out only when a message needs it.

export interface SourceHeader {
  name: string;
  line: number;
  /** 1-based column. */
  col: number;
}

export interface SourceRow {
  line: number;
  /** One per header, in the header's order; a missing cell is undefined. */
  values: unknown[];
  /** Where value i is, when it is not at (line, the header's column) — as in JSON. */
  at?: (i: number) => { line: number; col: number };
}

export interface Source {
  /** As the user named it ("<stdin>" for "-"). */
  file: string;
  encoding?: string;
  headers: SourceHeader[];
  /** The rows in batches, as they are read (a batch per piece of the file: no promise per row). */
  batches: AsyncIterable<SourceRow[]>;
  /** Bytes read so far and in all, for a progress bar (total 0 when unknown). */
  progress?: () => { done: number; total: number };
}

/** Where value i of a row is. */
export function positionOf(source: Source, row: SourceRow, i: number): { line: number; col: number } {
  return row.at ? row.at(i) : { line: row.line, col: source.headers[i]?.col ?? i + 1 };
}
