// CSV as it is read: decoded chunk by chunk (text-stream.ts), parsed by csv-parse's stream API, checked row by
// row. The delimiter (comma, semicolon, tab) is taken from the header line.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { DataError } from './records.js';
import { say } from '../i18n/message.js';
import { openText } from './text-stream.js';
import type { EncodingChoice } from './encoding.js';
import type { Source, SourceHeader, SourceRow } from './source.js';

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

export async function openCsv(file: string, name: string, encoding: EncodingChoice): Promise<Source> {
  const text = await openText(file, encoding);
  const chunks = text.chunks[Symbol.asyncIterator]();
  const first = await chunks.next();
  const firstText = first.done ? '' : first.value.replace(/^\uFEFF/, '');
  async function* all(): AsyncGenerator<string> {
    if (firstText) yield firstText;
    for (let n = await chunks.next(); !n.done; n = await chunks.next()) yield n.value;
  }
  const parser = Readable.from(all()).pipe(
    parse({ delimiter: detectDelimiter(firstText), relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<ParsedRecord>;
  const next = async (): Promise<ParsedRecord | undefined> => {
    try {
      const r = await records.next();
      return r.done ? undefined : r.value;
    } catch (e) {
      const err = e as { lines?: number; message: string; code?: string };
      if (!err.code?.startsWith('CSV_')) throw e;
      const why = err.message.replace(/^Invalid Record Length: /, '');
      throw new DataError(name, err.lines, undefined, say(`不是有效的 CSV：${why}`, `not valid CSV: ${why}`));
    }
  };
  const head = await next();
  if (!head) throw new DataError(name, undefined, undefined, say('文件是空的', 'the file is empty'));
  // Excel leaves empty trailing header cells when a sheet once had wider rows.
  let width = head.record.length;
  while (width > 0 && head.record[width - 1]!.trim() === '') width--;
  const headers: SourceHeader[] = head.record.slice(0, width).map((h, i) => ({ name: h.trim(), col: i + 1, line: head.info.lines }));
  for (const h of headers) if (h.name === '') throw new DataError(name, h.line, h.col, say(`第 ${h.col} 列没有表头`, `column ${h.col} has no header`));

  async function* rows(): AsyncGenerator<SourceRow> {
    let any = false;
    for (let r = await next(); r; r = await next()) {
      const { record, info } = r;
      if (!record.some((c) => c.trim() !== '')) continue;
      if (record.length !== width) {
        let extra = 0;
        for (let i = record.length - 1; i >= width && record[i]!.trim() === ''; i--) extra++;
        if (record.length < width || record.length - extra > width) {
          const cells = record.length > width ? record.length - extra : record.length;
          throw new DataError(name, info.lines, record.length < width ? record.length + 1 : width + 1, say(`这一行有 ${cells} 个单元格，但表头有 ${width} 列`, `row has ${cells} cells but the header has ${width}`));
        }
      }
      any = true;
      yield { line: info.lines, values: record.length === width ? record : record.slice(0, width) };
    }
    if (!any) throw new DataError(name, head!.info.lines, undefined, say('文件只有表头，没有数据行', 'the file has a header but no data rows'));
  }
  return { file: name, encoding: text.encoding, headers, rows: rows(), progress: text.progress };
}

function detectDelimiter(text: string): string {
  const end = text.search(/\r?\n|$/);
  const firstLine = text.slice(0, end);
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}
