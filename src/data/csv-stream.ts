// CSV as it is read: decoded chunk by chunk (text-stream.ts), cut after the last line end that is outside quotes,
// and each piece parsed by csv-parse's synchronous parser — rows come in batches, one per piece, with no stream
// machinery or promise per row. A line end is outside quotes when the quote characters before it are even in
// number (a quote inside a quoted field is written twice), so no field is ever cut in two. The delimiter (comma,
// semicolon, tab) is taken from the header line.
import { parse } from 'csv-parse/sync';
import { DataError } from './records.js';
import { say } from '../i18n/message.js';
import { openText } from './text-stream.js';
import type { EncodingChoice } from './encoding.js';
import type { Source, SourceHeader, SourceRow } from './source.js';

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/** Text is parsed in pieces of at least this many characters (smaller chunks wait for the next). */
const PIECE = 1 << 18;

export async function openCsv(file: string, name: string, encoding: EncodingChoice): Promise<Source> {
  const text = await openText(file, encoding);
  const pieces = completeLines(text.chunks)[Symbol.asyncIterator]();
  let delimiter = ',';
  let linesBefore = 0;
  const parsePiece = (piece: string): ParsedRecord[] => {
    try {
      const records = parse(piece, { delimiter, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as ParsedRecord[];
      for (const r of records) r.info.lines += linesBefore;
      return records;
    } catch (e) {
      const err = e as { lines?: number; message: string; code?: string };
      if (!err.code?.startsWith('CSV_')) throw e;
      const why = err.message.replace(/^Invalid Record Length: /, '').replace(/\bline \d+/, (m) => `line ${Number(m.slice(5)) + linesBefore}`);
      throw new DataError(name, err.lines === undefined ? undefined : err.lines + linesBefore, undefined, say(`不是有效的 CSV：${why}`, `not valid CSV: ${why}`));
    } finally {
      linesBefore += countLines(piece);
    }
  };

  const first = await pieces.next();
  const firstText = first.done ? '' : first.value.replace(/^\uFEFF/, '');
  delimiter = detectDelimiter(firstText);
  const firstRecords = firstText ? parsePiece(firstText) : [];
  const head = firstRecords.shift();
  if (!head) throw new DataError(name, undefined, undefined, say('文件是空的', 'the file is empty'));
  // Excel leaves empty trailing header cells when a sheet once had wider rows.
  let width = head.record.length;
  while (width > 0 && head.record[width - 1]!.trim() === '') width--;
  const headers: SourceHeader[] = head.record.slice(0, width).map((h, i) => ({ name: h.trim(), col: i + 1, line: head.info.lines }));
  for (const h of headers) if (h.name === '') throw new DataError(name, h.line, h.col, say(`第 ${h.col} 列没有表头`, `column ${h.col} has no header`));

  const rowsOf = (records: ParsedRecord[]): SourceRow[] => {
    const out: SourceRow[] = [];
    for (const { record, info } of records) {
      if (!record.some((c) => c.trim() !== '')) continue;
      if (record.length !== width) {
        let extra = 0;
        for (let i = record.length - 1; i >= width && record[i]!.trim() === ''; i--) extra++;
        if (record.length < width || record.length - extra > width) {
          const cells = record.length > width ? record.length - extra : record.length;
          throw new DataError(name, info.lines, record.length < width ? record.length + 1 : width + 1, say(`这一行有 ${cells} 个单元格，但表头有 ${width} 列`, `row has ${cells} cells but the header has ${width}`));
        }
      }
      out.push({ line: info.lines, values: record.length === width ? record : record.slice(0, width) });
    }
    return out;
  };

  async function* batches(): AsyncGenerator<SourceRow[]> {
    let any = false;
    const firstRows = rowsOf(firstRecords);
    if (firstRows.length) {
      any = true;
      yield firstRows;
    }
    for (let n = await pieces.next(); !n.done; n = await pieces.next()) {
      const rows = rowsOf(parsePiece(n.value));
      if (!rows.length) continue;
      any = true;
      yield rows;
    }
    if (!any) throw new DataError(name, head!.info.lines, undefined, say('文件只有表头，没有数据行', 'the file has a header but no data rows'));
  }
  return { file: name, encoding: text.encoding, headers, batches: batches(), progress: text.progress };
}

/** The text in pieces that each end at a line end outside quotes (the last piece: wherever the text ends). */
async function* completeLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let pending = '';
  let quotes = 0; // quote characters in `pending` before `scanned`
  let scanned = 0;
  let cut = -1; // just after the last line end outside quotes seen so far
  for await (const chunk of chunks) {
    pending += chunk;
    // From quote to quote: a line end between them counts when the quotes so far are even.
    for (let i = scanned; ; ) {
      const q = pending.indexOf('"', i);
      const end = q === -1 ? pending.length : q;
      if ((quotes & 1) === 0 && end > i) {
        const nl = pending.lastIndexOf('\n', end - 1);
        if (nl >= i) cut = nl + 1;
      }
      if (q === -1) break;
      quotes++;
      i = q + 1;
    }
    scanned = pending.length;
    if (cut >= PIECE) {
      const piece = pending.slice(0, cut);
      pending = pending.slice(cut);
      quotes = 0;
      for (let i = pending.indexOf('"'); i !== -1; i = pending.indexOf('"', i + 1)) quotes++;
      scanned = pending.length;
      cut = -1;
      yield piece;
    }
  }
  if (pending) yield pending;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function detectDelimiter(text: string): string {
  const end = text.search(/\r?\n|$/);
  const firstLine = text.slice(0, end);
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}
