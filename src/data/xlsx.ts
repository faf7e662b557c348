// Excel workbooks (.xlsx) → rows, one sheet at a time, without loading the sheet whole.
//
// How it reads. The zip is opened through its central directory (unzipper's Open), not in one pass from the
// front: the streaming pass of exceljs's WorkbookReader loses parts now and then (exceljs issue #3064: it then
// fails with "Cannot read properties of undefined (reading 'sheets')"; seen here in 1 read in 100 of a two-sheet
// workbook on Node 20), meets styles.xml after the sheets in files from some writers (so percent formats would be
// unknown), and spills every sheet to a temporary file. Here the parts are read in the order they are needed —
// relationships, workbook, styles, shared strings, then only the chosen sheet — and each is handed, as text, to
// the parsers of exceljs's streaming WorkbookReader: its worksheet parser still turns the sheet into rows one at a
// time. Text is decoded with a StringDecoder before exceljs sees it: exceljs decodes each 16 KB chunk on its own
// and so breaks a Chinese character that straddles two chunks (exceljs issues #2063, #2084).
//
// Limits. A workbook whose parts would unpack to more than `maxInflatedBytes` (MAX_XLSX_INFLATED_BYTES, 1 GiB,
// by default) in all is refused from the sizes in its zip directory, before anything is unpacked. Every part is
// counted as it is unpacked, and one that yields more bytes than the directory declared is refused on the spot:
// a zip that lies about its sizes cannot unpack past the limit either. A sheet may have at most
// MAX_XLSX_MERGED_RANGES merged ranges.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { File as ZipEntry } from 'unzipper';
import { DataError, type RawTable } from './records.js';
import type { Source, SourceHeader, SourceRow } from './source.js';
import { didYouMean } from '../util/suggest.js';
import { say, type Message } from '../i18n/message.js';

export const MAX_XLSX_INFLATED_BYTES = 1024 ** 3;
export const MAX_XLSX_MERGED_RANGES = 1_000_000;

export type XlsxValue = string | number | boolean | null;

export interface XlsxRow {
  /** The Excel row number. */
  line: number;
  /** Index i is column i + 1 (A = 0); blanks are null, and blanks at the end of a row may be left out. */
  cells: XlsxValue[];
}

export interface XlsxOptions {
  /** A sheet name, or a 1-based position among the visible sheets; default: the first visible sheet. */
  sheet?: string | number;
  /** Refuse a workbook whose parts unpack to more than this; default MAX_XLSX_INFLATED_BYTES. */
  maxInflatedBytes?: number;
}

/** The names of a workbook's worksheets in tab order (hidden ones too; chart and macro sheets are not worksheets). */
export async function sheetNames(file: string, opts: Pick<XlsxOptions, 'maxInflatedBytes'> = {}): Promise<string[]> {
  const book = await openWorkbook(file, opts.maxInflatedBytes);
  try {
    return book.sheets.map((s) => s.name);
  } finally {
    book.close();
  }
}

/**
 * The rows of one sheet. The first row yielded is the header — one row of the sheet, or two combined (see
 * `headerNames`) — and its `line` is the header's last row. Then every data row that has a value of its own.
 * Every cell inside a merged range reads as the range's top-left cell. Values: numbers stay numbers, except that a
 * number formatted as a percentage becomes its percent text (0.881 → "88.1%"); a formula gives its saved result;
 * rich text its plain text; a date its ISO text (2024-05-01, or 2024-05-01T08:30:00 with a time); a blank null.
 */
export async function* readXlsxRows(file: string, opts: XlsxOptions = {}): AsyncGenerator<XlsxRow> {
  yield* sheetRows(file, opts, () => undefined);
}

/** One sheet as a Source: the header, then the data rows as the sheet is read. */
export async function openXlsx(file: string, name: string, opts: XlsxOptions = {}): Promise<Source> {
  let sheet = '';
  const rows = sheetRows(file, opts, (n) => (sheet = n));
  const first = await rows.next();
  if (first.done) throw new DataError(name, undefined, undefined, say(`工作表“${sheet}”是空的`, `sheet "${sheet}" is empty`));
  const head = first.value;
  const names = head.cells.map((v) => (v === null ? '' : String(v)));
  let width = names.length;
  while (width > 0 && names[width - 1] === '') width--;
  // Columns left of the table (a margin column A) are skipped; a gap inside the header is an error, as in CSV.
  let start = 0;
  while (start < width && names[start] === '') start++;
  const headers: SourceHeader[] = [];
  for (let i = start; i < width; i++) {
    if (names[i] === '') {
      const col = columnLetter(i + 1);
      throw new DataError(name, head.line, i + 1, say(`工作表“${sheet}”：${col} 列没有表头`, `sheet "${sheet}": column ${col} has no header`));
    }
    headers.push({ name: names[i]!, col: i + 1, line: head.line });
  }
  async function* data(): AsyncGenerator<SourceRow[]> {
    let any = false;
    let batch: SourceRow[] = [];
    for await (const row of { [Symbol.asyncIterator]: () => rows }) {
      row.cells.forEach((v, i) => {
        const outside = i >= width || i < start;
        if (outside && v !== null && String(v).trim() !== '') {
          const ref = `${columnLetter(i + 1)}${row.line}`;
          const q = quote(v);
          throw new DataError(name, row.line, i + 1, say(`工作表“${sheet}”单元格 ${ref}：有值（${q.zh}），但所在列没有表头`, `sheet "${sheet}", cell ${ref}: has a value (${q.en}) but its column has no header`));
        }
      });
      any = true;
      batch.push({ line: row.line, values: headers.map((h) => row.cells[h.col - 1] ?? null) });
      if (batch.length >= 1024) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
    if (!any) throw new DataError(name, head.line, undefined, say(`工作表“${sheet}”只有表头，没有数据行`, `sheet "${sheet}" has a header but no data rows`));
  }
  return { file: name, headers, batches: data() };
}

/** One sheet as the same RawTable the CSV reader gives: header cells, then one row per data row. */
export async function readXlsx(file: string, opts: XlsxOptions = {}): Promise<RawTable> {
  const source = await openXlsx(file, file, opts);
  const rows: RawTable['rows'] = [];
  for await (const batch of source.batches) for (const row of batch) {
    rows.push({ file, line: row.line, cells: source.headers.map((h, i) => ({ header: h.name, value: row.values[i], line: row.line, col: h.col })) });
  }
  return { file, headers: source.headers, rows };
}

function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// ---------------------------------------------------------------------------------------------------------------
// The header.
//
// Rows above the header that hold a single value (a title, merged across the table or not; a unit note) are
// skipped: a header has at least an entity column and one item. The header is the first row with two values or
// more. It is two rows when a merged range starting in it reaches into the row below (a name such as 名称 merged
// down over both rows), or spans several columns that all have a value of their own in the row below (a group
// such as 开放时间 over 图书馆 | 文化馆). In a two-row header each column is named by its lower cell; by its
// upper cell where the lower one is blank or merged from above; and by "上层 下层" (upper, a space, lower) where
// the lower name alone would occur in more than one column — so 开放时间 图书馆 and 藏书 图书馆, but plain
// 图书馆 when it is the only one. A merged range that reaches a third row is an error: a header has one row or two.
// Line breaks typed inside a header cell are dropped between Chinese characters and read as a space elsewhere.

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
  value?: XlsxValue;
}

/** Names for a two-row header, per the rule above. */
function headerNames(upper: XlsxValue[], lower: XlsxValue[]): string[] {
  const width = Math.max(upper.length, lower.length);
  const up = (i: number) => headerText(upper[i] ?? null);
  const low = (i: number) => headerText(lower[i] ?? null);
  const fromLower = (i: number) => low(i) !== '' && low(i) !== up(i);
  const count = new Map<string, number>();
  for (let i = 0; i < width; i++) if (fromLower(i)) count.set(low(i), (count.get(low(i)) ?? 0) + 1);
  return Array.from({ length: width }, (_, i) => {
    if (!fromLower(i)) return up(i);
    if (up(i) === '' || count.get(low(i)) === 1) return low(i);
    return `${up(i)} ${low(i)}`;
  });
}

function headerText(v: XlsxValue): string {
  if (v === null) return '';
  const CJK = '\\u3000-\\u9fff\\uff00-\\uffef';
  return String(v)
    .replace(new RegExp(`(?<=[${CJK}])[ \\t]*\\r?\\n\\s*(?=[${CJK}])`, 'g'), '')
    .replace(/\s*\r?\n\s*/g, ' ')
    .trim();
}

async function* sheetRows(file: string, opts: XlsxOptions, onSheet: (name: string) => void): AsyncGenerator<XlsxRow> {
  const book = await openWorkbook(file, opts.maxInflatedBytes);
  try {
    const sheet = pickSheet(book.sheets, opts.sheet, file);
    onSheet(sheet.name);
    const where = (line: number, col: number) => say(`工作表“${sheet.name}”单元格 ${columnLetter(col)}${line}`, `sheet "${sheet.name}", cell ${columnLetter(col)}${line}`);
    await book.loadStylesAndStrings();
    const merges = await book.scanMerges(sheet);
    const fill = mergeFiller(merges);

    let header: XlsxRow | undefined;
    let upper: { row: XlsxRow; own: boolean[] } | undefined;
    let yielded = false;
    let sawValues = false;
    for await (const raw of book.rows(sheet)) {
      const cells: XlsxValue[] = Array.from(raw.cells, (c, i) => {
        try {
          return c === undefined ? null : cellValue(c, book.date1904);
        } catch (e) {
          if (e instanceof CellError) {
            const at = where(raw.line, i + 1);
            throw new DataError(file, raw.line, i + 1, say(`${at.zh}：${e.detail.zh}`, `${at.en}: ${e.detail.en}`));
          }
          throw e;
        }
      });
      const own = cells.map((v) => v !== null && !(typeof v === 'string' && v.trim() === ''));
      const hasOwn = own.some(Boolean);
      sawValues ||= hasOwn;
      fill(raw.line, cells);
      if (header) {
        if (hasOwn) yield { line: raw.line, cells };
        continue;
      }
      if (upper) {
        const two = upper.row.line + 1 === raw.line && isTwoRowHeader(merges, upper.row.line, own);
        if (two) {
          header = { line: raw.line, cells: headerNames(upper.row.cells, cells) };
          checkHeaderDepth(merges, upper.row.line, 2, file, sheet.name);
          yield header;
          yielded = true;
          continue;
        }
        header = { line: upper.row.line, cells: upper.row.cells.map(headerText) };
        checkHeaderDepth(merges, upper.row.line, 1, file, sheet.name);
        yield header;
        yielded = true;
        if (hasOwn) yield { line: raw.line, cells };
        continue;
      }
      if (own.filter(Boolean).length < 2) continue; // blank, or a title above the header
      upper = { row: { line: raw.line, cells }, own };
    }
    if (!header && upper) {
      checkHeaderDepth(merges, upper.row.line, 1, file, sheet.name);
      yield { line: upper.row.line, cells: upper.row.cells.map(headerText) };
      yielded = true;
    }
    if (!yielded) {
      const n = sheet.name;
      throw new DataError(
        file,
        undefined,
        undefined,
        sawValues
          ? say(`工作表“${n}”没有表头行：没有哪一行有两个或更多的值`, `sheet "${n}" has no header row: no row holds two values or more`)
          : say(`工作表“${n}”是空的`, `sheet "${n}" is empty`),
      );
    }
  } finally {
    book.close();
  }
}

function isTwoRowHeader(merges: Merge[], top: number, lowerOwn: boolean[]): boolean {
  return merges.some((m) => {
    if (m.top !== top) return false;
    if (m.bottom > top) return true;
    if (m.right === m.left) return false;
    for (let c = m.left; c <= m.right; c++) if (!lowerOwn[c - 1]) return false;
    return true;
  });
}

function checkHeaderDepth(merges: Merge[], top: number, rows: number, file: string, sheet: string): void {
  const deep = merges.find((m) => m.top >= top && m.top < top + rows && m.bottom >= top + rows);
  if (deep) {
    const range = `${columnLetter(deep.left)}${deep.top}:${columnLetter(deep.right)}${deep.bottom}`;
    throw new DataError(
      file,
      deep.top,
      deep.left,
      say(
        `工作表“${sheet}”：表头经合并单元格 ${range} 延伸到第 ${deep.bottom} 行；表头只能有一行或两行——请取消合并，或删去多余的行`,
        `sheet "${sheet}": the header reaches row ${deep.bottom} through merged cells ${range}; a header has one row or two — unmerge the cells or delete the extra rows`,
      ),
    );
  }
}

/** Fills, row by row, every cell of a merged range with the value of its top-left cell. */
function mergeFiller(merges: Merge[]): (line: number, cells: XlsxValue[]) => void {
  const sorted = [...merges].sort((a, b) => a.top - b.top);
  let next = 0;
  let active: Merge[] = [];
  return (line, cells) => {
    while (next < sorted.length && sorted[next]!.top <= line) active.push(sorted[next++]!);
    if (active.length === 0) return;
    active = active.filter((m) => m.bottom >= line);
    for (const m of active) {
      if (m.top === line) m.value = cells[m.left - 1] ?? null;
      for (let c = m.left; c <= m.right; c++) {
        if (line === m.top && c === m.left) continue;
        while (cells.length < c) cells.push(null);
        cells[c - 1] = m.value ?? null;
      }
    }
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Sheet choice.

interface SheetInfo {
  name: string;
  part: string;
  hidden: boolean;
}

function pickSheet(sheets: SheetInfo[], want: string | number | undefined, file: string): SheetInfo {
  const visible = sheets.filter((s) => !s.hidden);
  if (want === undefined) return visible[0] ?? sheets[0]!;
  const list = (): Message => {
    const hidden = sheets.filter((s) => s.hidden);
    return say(
      [...visible.map((s, i) => `${i + 1}“${s.name}”`), ...hidden.map((s) => `“${s.name}”（隐藏）`)].join('、'),
      [...visible.map((s, i) => `${i + 1} "${s.name}"`), ...hidden.map((s) => `"${s.name}" (hidden)`)].join(', '),
    );
  };
  if (typeof want === 'string') {
    const name = want;
    const exact = sheets.find((s) => s.name === name);
    if (exact) return exact;
    const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase();
    const loose = sheets.filter((s) => norm(s.name) === norm(name));
    if (loose.length === 1) return loose[0]!;
    if (!/^\s*\d+\s*$/.test(name)) {
      const [hint, all] = [didYouMean(name, sheets.map((s) => s.name)), list()];
      throw new DataError(file, undefined, undefined, say(`没有名为“${name}”的工作表${hint.zh}；工作表有：${all.zh}`, `no sheet named "${name}"${hint.en}; its sheets: ${all.en}`));
    }
    want = Number(name);
  }
  if (!Number.isInteger(want) || want < 1 || want > visible.length) {
    const all = list();
    throw new DataError(
      file,
      undefined,
      undefined,
      say(
        `没有第 ${want} 个工作表：工作簿有 ${visible.length} 个工作表（${all.zh}）`,
        `there is no sheet ${want}: the workbook has ${visible.length} sheet${visible.length === 1 ? '' : 's'} (${all.en})`,
      ),
    );
  }
  return visible[want - 1]!;
}

// ---------------------------------------------------------------------------------------------------------------
// Cell values.

/** What is wrong with one cell; the reader adds which sheet and cell. */
class CellError extends Error {
  constructor(readonly detail: Message) {
    super(detail.en);
  }
}

/** The parts of an exceljs Cell this reader uses. */
interface ExcelCell {
  readonly type: number;
  readonly value: unknown;
  readonly result: unknown;
  readonly numFmt?: string;
}

const FORMULA = 6; // exceljs ValueType.Formula

function cellValue(cell: ExcelCell, date1904: boolean): XlsxValue {
  const fmt = cell.numFmt;
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return numberValue(v, fmt, date1904);
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return isoDate(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string | null }[]).map((r) => r.text ?? '').join('') || null;
    if (typeof o.error === 'string') throw new CellError(say(`${o.error} 是 Excel 错误值，不是数值；请改正或清空这个单元格`, `${o.error} is an Excel error, not a value; correct the cell or clear it`));
    // A formula's saved result. A shared formula's other cells come through exceljs as a plain {formula: '', result}.
    if (cell.type === FORMULA || 'formula' in o || 'sharedFormula' in o || 'result' in o) {
      const formula = typeof o.formula === 'string' && o.formula !== '' ? ` =${o.formula}` : '';
      const theFormula = formula ? `公式${formula} ` : '公式';
      const r = cell.type === FORMULA ? cell.result : o.result;
      if (r === undefined || r === null) {
        throw new CellError(
          say(`${theFormula}没有保存计算结果；请用 Excel 或 WPS 打开工作簿并重新保存`, `the formula${formula} has no saved result; open the workbook in Excel or WPS and save it again`),
        );
      }
      if (typeof r === 'number' && Number.isNaN(r)) throw new CellError(say(`${theFormula}的结果是 Excel 错误值，不是数值`, `the formula${formula} gives an Excel error, not a value`));
      if (typeof r === 'number') return numberValue(r, fmt, date1904);
      if (typeof r === 'string') return r === '' ? null : r;
      if (typeof r === 'boolean') return r;
      if (r instanceof Date) return isoDate(r);
      if (typeof r === 'object' && typeof (r as { error?: unknown }).error === 'string') {
        const error = (r as { error: string }).error;
        throw new CellError(say(`${theFormula}的结果是 ${error}，这是 Excel 错误值，不是数值`, `the formula${formula} gives ${error}, an Excel error, not a value`));
      }
    }
    if ('sharedString' in o) throw new CellError(say('引用了工作簿中没有的共享字符串（文件已损坏）', 'refers to a shared string the workbook does not have (the file is damaged)'));
    if (typeof o.text === 'string') return o.text;
  }
  throw new CellError(say('含有 dabiao 读不了的值', 'holds a value dabiao cannot read'));
}

function numberValue(n: number, fmt: string | undefined, date1904: boolean): XlsxValue {
  if (Number.isNaN(n)) throw new CellError(say('含有读不出的数字（文件已损坏）', 'holds a number that cannot be read (the file is damaged)'));
  if (!fmt || fmt === 'General') return n;
  const shown = percentText(n, fmt);
  if (shown !== undefined) return shown;
  // exceljs has already turned numbers with a date format into Dates; formula results it leaves as numbers.
  if (isDateFormat(fmt)) return isoDate(new Date(Math.round((n - (date1904 ? -1462 : 25569)) * 86400000)));
  return n;
}

/**
 * The text a percent format shows, at full precision: 0.881 with "0%" is "88.1%", not the "88%" Excel displays,
 * so that a rounded display cannot make an item pass. An unquoted % scales by 100, as in Excel; a quoted or escaped
 * one ("%" or \%), like ‰ (which Excel never scales), is only a sign after the number: 88.1 with 0.0"%" is "88.1%".
 */
export function percentText(n: number, fmt: string): string | undefined {
  const sections = splitFormat(fmt);
  const section = (n < 0 ? sections[1] : n === 0 ? sections[2] : undefined) ?? sections[0]!;
  let scaled = false;
  let sign: string | undefined;
  for (const t of formatTokens(section)) {
    if (t.literal) {
      if (t.text.includes('%')) sign ??= '%';
      else if (t.text.includes('‰')) sign ??= '‰';
    } else if (t.text.includes('%')) {
      scaled = true;
    } else if (t.text.includes('‰')) {
      sign ??= '‰';
    }
  }
  if (scaled) return `${plainNumber(n * 100)}%`;
  if (sign) return `${plainNumber(n)}${sign}`;
  return undefined;
}

function plainNumber(n: number): string {
  // 0.881 * 100 is 88.10000000000001 in binary floating point; 15 significant digits are what Excel keeps.
  return String(Number(n.toPrecision(15)));
}

function splitFormat(fmt: string): string[] {
  const sections: string[] = [];
  let cur = '';
  for (const t of formatTokens(fmt)) {
    if (!t.literal && t.text === ';') {
      sections.push(cur);
      cur = '';
    } else cur += t.raw;
  }
  sections.push(cur);
  return sections;
}

/** A number format split into quoted strings, escaped characters, [brackets] and the rest, one character each. */
function* formatTokens(fmt: string): Generator<{ text: string; raw: string; literal: boolean }> {
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      const stop = end === -1 ? fmt.length : end;
      yield { text: fmt.slice(i + 1, stop), raw: fmt.slice(i, stop + 1), literal: true };
      i = stop;
    } else if (ch === '\\' && i + 1 < fmt.length) {
      yield { text: fmt[i + 1]!, raw: fmt.slice(i, i + 2), literal: true };
      i++;
    } else if (ch === '[') {
      const end = fmt.indexOf(']', i + 1);
      const stop = end === -1 ? fmt.length : end;
      // Colours and conditions ([Red], [>=100]) say nothing about the value; locale tags ([$-804]) neither.
      yield { text: '', raw: fmt.slice(i, stop + 1), literal: true };
      i = stop;
    } else {
      yield { text: ch, raw: ch, literal: false };
    }
  }
}

function isDateFormat(fmt: string): boolean {
  const bare = [...formatTokens(fmt)].filter((t) => !t.literal).map((t) => t.text).join('');
  return /[ymdhsYMDHS]/.test(bare.replace(/General/gi, '').replace(/[eE][+-]/g, ''));
}

function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new CellError(say('含有读不出的日期', 'holds a date that cannot be read'));
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

function quote(v: XlsxValue): Message {
  const s = String(v);
  const cut = s.length > 40 ? `${s.slice(0, 40)}…` : s;
  return say(`“${cut}”`, JSON.stringify(cut));
}

// ---------------------------------------------------------------------------------------------------------------
// The workbook: its zip directory, its parts, and exceljs's parsers.

/** The members of exceljs's streaming WorkbookReader this module drives (see the top of the file for why). */
interface ExcelReader {
  model?: { sheets?: { name: string; id: number; rId: string; state?: string }[] };
  workbookRels?: { Id: string; Target: string; Type?: string; TargetMode?: string }[];
  properties?: { model?: { date1904?: boolean } };
  _parseRels(stream: Readable): Promise<void>;
  _parseWorkbook(stream: Readable): Promise<void>;
  _parseStyles(stream: Readable): Promise<void>;
  _parseSharedStrings(stream: Readable): AsyncIterable<unknown>;
  _parseWorksheet(chunks: AsyncIterable<string>, sheetNo: string): Iterable<{ eventType: string; value: AsyncIterable<ExcelRow> }>;
}

interface ExcelRow {
  number: number;
  eachCell(callback: (cell: ExcelCell, col: number) => void): void;
}

interface Workbook {
  sheets: SheetInfo[];
  date1904: boolean;
  loadStylesAndStrings(): Promise<void>;
  scanMerges(sheet: SheetInfo): Promise<Merge[]>;
  rows(sheet: SheetInfo): AsyncGenerator<{ line: number; cells: (ExcelCell | undefined)[] }>;
  close(): void;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

async function openWorkbook(file: string, maxInflatedBytes = MAX_XLSX_INFLATED_BYTES): Promise<Workbook> {
  const fail = (detail: Message): never => {
    throw new DataError(file, undefined, undefined, detail);
  };
  await checkMagic(file);

  const [{ default: unzipper }, { default: ExcelJS }] = await Promise.all([import('unzipper'), import('exceljs')]);
  const size = (await fs.promises.stat(file)).size;
  const open = new Set<fs.ReadStream>();
  const source = {
    size: async () => size,
    stream: (offset: number, length?: number) => {
      const s = fs.createReadStream(file, { start: offset, end: length ? offset + length - 1 : undefined });
      open.add(s);
      s.on('close', () => open.delete(s));
      return s;
    },
  };
  const close = () => {
    for (const s of open) s.destroy();
    open.clear();
  };

  try {
    let entries: ZipEntry[];
    try {
      entries = (await unzipper.Open.custom(source)).files;
    } catch (e) {
      return fail(damaged(say(`无法读取其 zip 目录（${brief(e)}）`, `its zip directory cannot be read (${brief(e)})`)));
    }

    // Sizes, from the directory, before anything is unpacked.
    let declared = 0;
    for (const e of entries) {
      if (e.flags & 1) fail(say('设有密码（zip 各部分已加密）；请另存一份不带密码的副本', 'is password-protected (its zip parts are encrypted); save a copy without the password'));
      if (e.type === 'File' && e.compressionMethod !== 0 && e.compressionMethod !== 8) {
        fail(say(`用的是 dabiao 无法解压的 zip 压缩方式 ${e.compressionMethod}；${RESAVE.zh}`, `is packed with zip method ${e.compressionMethod}, which dabiao cannot unpack; ${RESAVE.en}`));
      }
      if (!Number.isFinite(e.uncompressedSize)) fail(damaged(say(`其 zip 目录没有给出 ${e.path} 的大小`, `its zip directory gives no size for ${e.path}`)));
      declared += e.uncompressedSize;
    }
    if (declared > maxInflatedBytes) {
      const [size, limit] = [bytes(declared), bytes(maxInflatedBytes)];
      fail(
        say(
          `拒绝读取：解压后将有 ${size.zh}，超过 dabiao 对一个工作簿的上限 ${limit.zh}（可能是 zip 炸弹，或工作簿太大无法检查；请把工作表另存为 CSV）`,
          `is refused: it would unpack to ${size.en}, more than the ${limit.en} dabiao reads from one workbook (a zip bomb, or a workbook too big to check; save the sheet as CSV instead)`,
        ),
      );
    }

    const byName = new Map(entries.map((e) => [e.path.replace(/^\//, '').toLowerCase(), e]));
    /** A part's bytes as unpacked, counted against what the directory declared (whose sum is within the limit). */
    async function* unpack(partPath: string): AsyncGenerator<Buffer> {
      const entry = byName.get(partPath.toLowerCase());
      if (!entry) return fail(say(`文件已损坏：缺少部件 ${partPath}`, `is damaged: it has no part ${partPath}`));
      const limit = entry.uncompressedSize;
      const stream = entry.stream();
      let n = 0;
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          n += chunk.length;
          if (n > limit) {
            const declared = bytes(limit);
            fail(
              say(
                `拒绝读取：部件 ${partPath} 解压后超过其 zip 目录声明的 ${declared.zh}（文件已损坏，或是 zip 炸弹）`,
                `is refused: its part ${partPath} unpacks to more than the ${declared.en} its zip directory declares (a damaged file or a zip bomb)`,
              ),
            );
          }
          yield chunk;
        }
      } catch (e) {
        if (e instanceof DataError) throw e;
        fail(damaged(say(`部件 ${partPath} 无法解压（${brief(e)}）`, `its part ${partPath} cannot be unpacked (${brief(e)})`)));
      } finally {
        stream.destroy();
      }
    }
    /** A part as text, split only between characters. */
    async function* text(partPath: string): AsyncGenerator<string> {
      const decoder = new StringDecoder('utf8');
      for await (const chunk of unpack(partPath)) {
        const s = decoder.write(chunk);
        if (s) yield s;
      }
      const rest = decoder.end();
      if (rest) yield rest;
    }
    const parse = async <T>(partPath: string, run: () => Promise<T>): Promise<T> => {
      try {
        return await run();
      } catch (e) {
        if (e instanceof DataError) throw e;
        return fail(damaged(say(`部件 ${partPath} 无法读取（${brief(e)}）`, `its part ${partPath} cannot be read (${brief(e)})`)));
      }
    };

    if (!byName.has('xl/workbook.xml')) fail(say('是 zip 文件，但不是 Excel 工作簿（没有 xl/workbook.xml）', 'is a zip file but not an Excel workbook (it has no xl/workbook.xml)'));
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    }) as unknown as ExcelReader;
    const rels = 'xl/_rels/workbook.xml.rels';
    await parse(rels, () => reader._parseRels(Readable.from(text(rels))));
    await parse('xl/workbook.xml', () => reader._parseWorkbook(Readable.from(text('xl/workbook.xml'))));
    const listed = reader.model?.sheets;
    if (!listed) fail(damaged(say('其 xl/workbook.xml 中没有 dabiao 能读懂的工作表列表', 'its xl/workbook.xml lists no sheets in a form dabiao can read')));
    const relTarget = (type: string) => {
      const rel = reader.workbookRels?.find((r) => r.Type === REL + type && r.TargetMode !== 'External');
      return rel && partOf(rel.Target);
    };
    const sheets: SheetInfo[] = [];
    for (const s of listed!) {
      const rel = reader.workbookRels?.find((r) => r.Id === s.rId);
      if (!rel || rel.TargetMode === 'External') continue;
      const isWorksheet = rel.Type ? rel.Type === `${REL}worksheet` : /(^|\/)worksheets\//.test(rel.Target);
      if (isWorksheet) sheets.push({ name: s.name, part: partOf(rel.Target), hidden: s.state === 'hidden' || s.state === 'veryHidden' });
    }
    if (sheets.length === 0) {
      fail(
        listed!.length === 0
          ? say('没有工作表', 'has no worksheets')
          : say(`没有工作表，只有图表或宏表（${listed!.map((s) => `“${s.name}”`).join('、')}）`, `has no worksheets, only chart or macro sheets (${listed!.map((s) => `"${s.name}"`).join(', ')})`),
      );
    }

    return {
      sheets,
      get date1904() {
        return reader.properties?.model?.date1904 === true;
      },
      async loadStylesAndStrings() {
        const styles = relTarget('styles') ?? (byName.has('xl/styles.xml') ? 'xl/styles.xml' : undefined);
        if (styles) await parse(styles, () => reader._parseStyles(Readable.from(text(styles))));
        const strings = relTarget('sharedStrings') ?? (byName.has('xl/sharedstrings.xml') ? 'xl/sharedStrings.xml' : undefined);
        if (strings) {
          await parse(strings, async () => {
            for await (const _ of reader._parseSharedStrings(Readable.from(text(strings)))) void _;
          });
        }
      },
      scanMerges: (sheet) => parse(sheet.part, () => scanMerges(unpack(sheet.part), file, sheet.name)),
      async *rows(sheet) {
        const [event] = [...reader._parseWorksheet(text(sheet.part), '1')];
        if (!event) return;
        const iterator = event.value[Symbol.asyncIterator]();
        for (;;) {
          let step: IteratorResult<ExcelRow>;
          try {
            step = await iterator.next();
          } catch (e) {
            if (e instanceof DataError) throw e;
            return fail(damaged(say(`部件 ${sheet.part}（工作表“${sheet.name}”）无法读取（${brief(e)}）`, `its part ${sheet.part} (sheet "${sheet.name}") cannot be read (${brief(e)})`)));
          }
          if (step.done) return;
          const row = step.value;
          if (!Number.isInteger(row.number) || row.number < 1) {
            fail(damaged(say(`工作表“${sheet.name}”中有一行没有行号`, `sheet "${sheet.name}" has a row without a row number`)));
          }
          const cells: (ExcelCell | undefined)[] = [];
          row.eachCell((cell, col) => {
            cells[col - 1] = cell;
          });
          yield { line: row.number, cells };
        }
      },
      close,
    };
  } catch (e) {
    close();
    throw e;
  }
}

/** The part a workbook relationship points to: relative to xl/, or absolute from the package root. */
function partOf(target: string): string {
  const p = target.startsWith('/') ? target.slice(1) : path.posix.join('xl', target);
  return path.posix.normalize(p);
}

/**
 * The merged ranges of a sheet. They are listed after the cells (<mergeCells> follows <sheetData>) and exceljs's
 * streaming parser skips them, so the sheet's part is unpacked once more beforehand and searched for them: the
 * bytes "mergeCell" first, the one tag's ref only where they occur.
 */
async function scanMerges(chunks: AsyncIterable<Buffer>, file: string, sheet: string): Promise<Merge[]> {
  const merges: Merge[] = [];
  const TAG = /<(?:[\w.-]+:)?mergeCell\s[^>]*?\bref\s*=\s*(["'])\s*([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?\s*\1/g;
  const KEEP = 512; // longer than any mergeCell tag, so one split between two chunks is seen whole in the next round
  let tail = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const buf = tail.length ? Buffer.concat([tail, chunk]) : chunk;
    let consumed = Math.max(0, buf.length - KEEP);
    if (buf.includes('mergeCell')) {
      const s = buf.toString('latin1'); // the tag and its ref are ASCII
      TAG.lastIndex = 0;
      for (let m = TAG.exec(s); m; m = TAG.exec(s)) {
        const left = columnNumber(m[2]!);
        const top = Number(m[3]);
        const right = m[4] ? columnNumber(m[4]) : left;
        const bottom = m[5] ? Number(m[5]) : top;
        merges.push({ top: Math.min(top, bottom), bottom: Math.max(top, bottom), left: Math.min(left, right), right: Math.max(left, right) });
        consumed = Math.max(consumed, TAG.lastIndex);
        if (merges.length > MAX_XLSX_MERGED_RANGES) {
          const most = MAX_XLSX_MERGED_RANGES.toLocaleString('en');
          throw new DataError(
            file,
            undefined,
            undefined,
            say(`工作表“${sheet}”的合并区域超过 ${most} 个；请取消合并单元格，或把工作表另存为 CSV`, `sheet "${sheet}" has more than ${most} merged ranges; unmerge the cells or save the sheet as CSV`),
          );
        }
      }
    }
    tail = Buffer.from(buf.subarray(consumed));
  }
  return merges;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Tells a zip from an OLE compound file (an encrypted workbook or a legacy .xls) or anything else. */
async function checkMagic(file: string): Promise<void> {
  const fail = (detail: Message): never => {
    throw new DataError(file, undefined, undefined, detail);
  };
  const fh = await fs.promises.open(file, 'r');
  let head: Buffer;
  try {
    const { bytesRead, buffer } = await fh.read(Buffer.alloc(8), 0, 8, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  if (head.length === 0) fail(say('文件是空的', 'the file is empty'));
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5 || head[2] === 7)) return;
  if (head.equals(CFB)) {
    const kind = await compoundFileKind(file);
    if (kind === 'encrypted') fail(say('设有密码；请另存一份去掉打开密码的副本，再读那一份', 'is password-protected; save an unprotected copy (remove the password to open it) and read that'));
    if (kind === 'xls') {
      fail(say('是旧版 Excel 97–2003 工作簿（.xls），不是 .xlsx；请用 Excel 或 WPS 打开，另存为 .xlsx 或 CSV', 'is a legacy Excel 97–2003 workbook (.xls), not .xlsx; open it in Excel or WPS and save it as .xlsx or CSV'));
    }
    fail(
      say(
        '是 OLE 复合文件，不是 .xlsx 工作簿：可能是设有密码的工作簿或旧版 .xls；请另存一份不带密码的 .xlsx',
        'is an OLE compound file, not an .xlsx workbook: a password-protected workbook or a legacy .xls; save an unprotected .xlsx copy',
      ),
    );
  }
  fail(say('不是 .xlsx 工作簿（不是 zip 文件）；CSV 文件应以 .csv 为扩展名', 'is not an .xlsx workbook (it is not a zip file); a CSV file should be named .csv'));
}

/**
 * An OLE compound file's kind, from the names of its streams (stored as UTF-16): an encrypted Office document
 * has EncryptionInfo and EncryptedPackage; a legacy workbook has Workbook (or Book, before Excel 97).
 */
async function compoundFileKind(file: string): Promise<'encrypted' | 'xls' | 'unknown'> {
  const names = (list: string[]) => list.map((s) => Buffer.from(s, 'utf16le'));
  const encrypted = names(['EncryptedPackage', 'EncryptionInfo']);
  const xls = names(['Workbook', 'Book\u0000']);
  let sawXls = false;
  let tail = Buffer.alloc(0);
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
    const buf = Buffer.concat([tail, chunk]);
    if (encrypted.some((n) => buf.includes(n))) return 'encrypted';
    if (xls.some((n) => buf.includes(n))) sawXls = true;
    tail = Buffer.from(buf.subarray(Math.max(0, buf.length - 64)));
  }
  return sawXls ? 'xls' : 'unknown';
}

function brief(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const line = message.split('\n')[0]!.trim();
  return line.length > 120 ? `${line.slice(0, 120)}…` : line || 'unknown error';
}

function bytes(n: number): Message {
  if (!Number.isFinite(n)) return say('未知大小', 'an unknown size');
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  if (i === 0) return say(`${n} 字节`, `${n} bytes`);
  const size = `${Number(v.toFixed(1))} ${units[i]}`;
  return say(size, size);
}

const RESAVE = say('请用 Excel 或 WPS 打开并重新保存', 'open it in Excel or WPS and save it again');

/** A workbook that cannot be read as it is: what is wrong, and that saving it again usually mends it. */
function damaged(what: Message): Message {
  return say(`文件已损坏：${what.zh}；${RESAVE.zh}`, `is damaged: ${what.en}; ${RESAVE.en}`);
}
