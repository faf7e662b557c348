// CSV text → RawTable. Delimiter (comma, semicolon, tab) is taken from the header line.
import { parse } from 'csv-parse/sync';
import { DataError, type RawTable } from './records.js';
import { say } from '../i18n/message.js';

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
    // csv-parse's own explanation stays as it wrote it, in English.
    const why = err.message.replace(/^Invalid Record Length: /, '');
    throw new DataError(file, err.lines, undefined, say(`不是有效的 CSV：${why}`, `not valid CSV: ${why}`));
  }
  const [head, ...rest] = records;
  if (!head) throw new DataError(file, undefined, undefined, say('文件是空的', 'the file is empty'));
  // Excel leaves empty trailing header cells when a sheet once had wider rows.
  let width = head.record.length;
  while (width > 0 && head.record[width - 1]!.trim() === '') width--;
  const headers = head.record.slice(0, width).map((name, i) => ({ name: name.trim(), col: i + 1, line: head.info.lines }));
  headers.forEach((h) => {
    if (h.name === '') throw new DataError(file, h.line, h.col, say(`第 ${h.col} 列没有表头`, `column ${h.col} has no header`));
  });

  const rows = rest
    .filter((r) => r.record.some((c) => c.trim() !== ''))
    .map(({ record, info }) => {
      const extra = record.slice(width);
      if (record.length < width || extra.some((c) => c.trim() !== '')) {
        const cells = record.length - (record.length > width ? countTrailingEmpty(extra) : 0);
        throw new DataError(
          file,
          info.lines,
          record.length < width ? record.length + 1 : width + 1,
          say(`这一行有 ${cells} 个单元格，但表头有 ${width} 列`, `row has ${cells} cells but the header has ${width}`),
        );
      }
      return {
        file,
        line: info.lines,
        cells: headers.map((h, i) => ({ header: h.name, value: record[i], line: info.lines, col: h.col })),
      };
    });
  if (rows.length === 0) throw new DataError(file, head.info.lines, undefined, say('文件只有表头，没有数据行', 'the file has a header but no data rows'));
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
