// CSV text → RawTable. Delimiter (comma, semicolon, tab) is taken from the header line.
import { parse } from 'csv-parse/sync';
import { DataError, type RawTable } from './records.js';

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

export function readCsv(text: string, file: string): RawTable {
  const body = text.replace(/^\uFEFF/, '');
  let records: ParsedRecord[];
  try {
    records = parse(body, {
      delimiter: detectDelimiter(body),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as ParsedRecord[];
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw new DataError(file, err.lines, undefined, `not valid CSV: ${err.message.replace(/^Invalid Record Length: /, '')}`);
  }
  const [head, ...rest] = records;
  if (!head) throw new DataError(file, undefined, undefined, 'the file is empty');
  // Excel leaves empty trailing header cells when a sheet once had wider rows.
  let width = head.record.length;
  while (width > 0 && head.record[width - 1]!.trim() === '') width--;
  const headers = head.record.slice(0, width).map((name, i) => ({ name: name.trim(), col: i + 1, line: head.info.lines }));
  headers.forEach((h) => {
    if (h.name === '') throw new DataError(file, h.line, h.col, `column ${h.col} has no header`);
  });

  const rows = rest
    .filter((r) => r.record.some((c) => c.trim() !== ''))
    .map(({ record, info }) => {
      const extra = record.slice(width);
      if (record.length < width || extra.some((c) => c.trim() !== '')) {
        throw new DataError(
          file,
          info.lines,
          record.length < width ? record.length + 1 : width + 1,
          `row has ${record.length - (record.length > width ? countTrailingEmpty(extra) : 0)} cells but the header has ${width}`,
        );
      }
      return {
        file,
        line: info.lines,
        cells: headers.map((h, i) => ({ header: h.name, value: record[i], line: info.lines, col: h.col })),
      };
    });
  if (rows.length === 0) throw new DataError(file, head.info.lines, undefined, 'the file has a header but no data rows');
  return { file, headers, rows };
}

function countTrailingEmpty(cells: string[]): number {
  let n = 0;
  for (let i = cells.length - 1; i >= 0 && cells[i]!.trim() === ''; i--) n++;
  return n;
}

function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}
