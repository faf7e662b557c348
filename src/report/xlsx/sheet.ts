// Writing a workbook as it goes: exceljs's streaming WorkbookWriter zips each sheet into the sink row by row, so
// a million results never become one structure in memory. Sheets are written one after another (each committed
// before the next opens, since the zip takes its entries in turn), and rows are committed as they are added.
import { Writable } from 'node:stream';
import type { AddWorksheetOptions, Style, Worksheet, stream } from 'exceljs';
import type { Sink } from '../types.js';
import { HEADER_STYLE, LABEL_STYLE, TITLE_STYLE, numberStyle } from './styles.js';

type CellStyle = Partial<Style>;

/** A cell: text, a number, nothing, or either with a style of its own (a status word on its colour). */
export type Cell = string | number | null | undefined | { value: string | number; style: CellStyle };

export interface Column {
  header: string;
  /** Width in characters (a Chinese character counts about two). Not 9: exceljs drops a column of its default
   *  width from <cols>, and Excel then shows it at 8.43. */
  width: number;
}

type WorkbookWriter = stream.xlsx.WorkbookWriter;

/** Opens a streaming workbook on the sink, lets `build` add its sheets, and waits until the last byte is out. */
export async function writeWorkbook(sink: Sink, build: (book: Book) => Promise<void>): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      try {
        sink.write(chunk);
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
  // No shared strings: the table of them would hold every distinct text of the report in memory until the end.
  // Text is written in each cell instead (t="str" with the text as the value, never an <f> formula element).
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'dabiao';
  wb.lastModifiedBy = 'dabiao';
  const book = new Book(wb);
  await build(book);
  filterNames(wb, book.filters);
  await wb.commit();
}

/**
 * Excel marks each filtered range with a hidden name, _xlnm._FilterDatabase, local to its sheet; exceljs writes
 * only the <autoFilter> element, which Excel accepts but LibreOffice ignores without the name (exceljs issue 2778).
 * The streaming writer renders its defined names from a private `_definedNames.model`; this gives it the names.
 * (Were that field ever gone, the filters would still be there for Excel.)
 */
function filterNames(wb: WorkbookWriter, filters: { sheet: number; name: string; ref: string }[]): void {
  const holder = wb as unknown as { _definedNames?: { model: unknown } };
  if (!holder._definedNames || !filters.length) return;
  const model = filters.map((f) => ({ name: '_xlnm._FilterDatabase', localSheetId: f.sheet, ranges: [`'${f.name.replace(/'/g, "''")}'!${f.ref}`] }));
  holder._definedNames = { model };
}

export class Book {
  private readonly names = new SheetNames();
  private readonly reserved = new Set<string>();
  private sheets = 0;
  /** Each table's filtered range: its sheet (0-based, in order), name and $A$1:$S$450. */
  readonly filters: { sheet: number; name: string; ref: string }[] = [];
  constructor(private readonly wb: WorkbookWriter) {}

  private add(name: string, options: Partial<AddWorksheetOptions>): Worksheet {
    const ws = this.wb.addWorksheet(name, options);
    this.sheets++;
    return ws;
  }

  /** Settles a sheet's name before the sheet is written (so a summary can name the sheets that follow it):
   *  as Excel allows it, unique in this workbook (see SheetNames). Pass the name returned to summary() or table(). */
  reserve(wanted: string): string {
    const name = this.names.take(wanted);
    this.reserved.add(name);
    return name;
  }

  private name(wanted: string): string {
    return this.reserved.delete(wanted) ? wanted : this.names.take(wanted);
  }

  /** A sheet of label/value lines and small tables, not filtered. */
  summary(name: string, widths: number[]): SummarySheet {
    const ws = this.add(this.name(name), { pageSetup: PAGE });
    ws.columns = widths.map((width) => ({ width }));
    return new SummarySheet(ws);
  }

  /** A table: a frozen header row with an autofilter over it, then one row per add(); past Excel's last row it
   *  goes on in a sheet of the same name numbered (2), (3)… */
  table(name: string, columns: Column[], maxRows = MAX_ROWS): TableSheet {
    const first = this.name(name);
    const open = (k: number) => {
      const sheet = this.sheets;
      const ws = this.add(k === 1 ? first : this.names.take(first), { views: [FROZEN], pageSetup: { ...PAGE, printTitlesRow: '1:1' } });
      return { ws, filtered: (ref: string) => void this.filters.push({ sheet, name: ws.name, ref }) };
    };
    return new TableSheet(open, columns, maxRows);
  }
}

const FROZEN = { state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' } as const;

const PAGE = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } as const;

/**
 * How much to write between turns of the event loop. exceljs hands a sheet's XML to the zip without back-pressure:
 * whatever the zip has not yet deflated waits in memory. Yielding after every ~16 KB of cell text lets the zip keep
 * up (measured: 300,000 results write in constant memory; yielding every 500 rows instead, ~350 KB at a time, let
 * ~200 MB pile up).
 */
const YIELD_AFTER = 16 * 1024;

abstract class Sheet {
  protected next = 1;
  /** Roughly how many bytes of XML were written since the last yield. */
  private written = 0;
  constructor(protected ws: Worksheet) {}

  protected put(cells: Cell[], style?: CellStyle): void {
    const row = this.ws.getRow(this.next++);
    cells.forEach((c, i) => {
      const { value, style: own } = c !== null && typeof c === 'object' ? c : { value: c, style: undefined };
      if (value === undefined || value === null || value === '') {
        if (own || style) row.getCell(i + 1).style = (own ?? style)!;
        return;
      }
      const cell = row.getCell(i + 1);
      this.written += 40;
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) return;
        cell.value = value;
        cell.style = own ?? style ?? numberStyle(value);
      } else {
        cell.value = plainText(value);
        this.written += 3 * value.length;
        if (own ?? style) cell.style = (own ?? style)!;
      }
    });
    row.commit();
  }

  protected async pace(): Promise<void> {
    if (this.written < YIELD_AFTER) return;
    this.written = 0;
    await new Promise((resolve) => setImmediate(resolve));
  }

  end(): void {
    this.ws.commit();
  }
}

export class SummarySheet extends Sheet {
  title(text: string): void {
    this.put([text], TITLE_STYLE);
  }

  line(label: string, ...values: Cell[]): void {
    this.put([{ value: label, style: LABEL_STYLE }, ...values]);
  }

  header(cells: Cell[]): void {
    this.put(cells.map((c) => (typeof c === 'string' ? { value: c, style: HEADER_STYLE } : c)));
  }

  row(cells: Cell[]): void {
    this.put(cells);
  }

  blank(): void {
    this.next++;
  }
}

/** The most rows an Excel sheet holds. */
export const MAX_ROWS = 1_048_576;

type Opened = { ws: Worksheet; filtered: (ref: string) => void };

export class TableSheet extends Sheet {
  private part = 1;
  private filtered: (ref: string) => void;
  constructor(
    private readonly open: (part: number) => Opened,
    private readonly columns: Column[],
    private readonly maxRows = MAX_ROWS,
  ) {
    const first = open(1);
    super(first.ws);
    this.filtered = first.filtered;
    this.start();
  }

  private start(): void {
    this.ws.columns = this.columns.map((c) => ({ width: c.width }));
    this.next = 1;
    this.put(this.columns.map((c) => ({ value: c.header, style: HEADER_STYLE })));
  }

  async add(cells: Cell[]): Promise<void> {
    if (this.next > this.maxRows) {
      this.end();
      ({ ws: this.ws, filtered: this.filtered } = this.open(++this.part));
      this.start();
    }
    this.put(cells);
    await this.pace();
  }

  override end(): void {
    const last = { row: Math.max(1, this.next - 1), column: this.columns.length };
    this.ws.autoFilter = { from: { row: 1, column: 1 }, to: last };
    this.filtered(`$A$1:$${columnLetters(last.column)}$${last.row}`);
    super.end();
  }
}

/** 1 → A, 27 → AA. */
function columnLetters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// Characters XML 1.0 cannot hold (a stray control character in a data file would make the workbook unreadable),
// and the most a cell can hold.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const MAX_CELL = 32767;

/**
 * Text for a cell. exceljs writes a string as a string cell — `<c t="str"><v>…</v></c>`, never an `<f>` formula
 * element; only a value object `{ formula }` makes a formula, and none is ever written here — so text that looks
 * like a formula (=HYPERLINK(…), +1, -1, @SUM, a leading tab) stays the text it is, as the tests check. Nothing
 * is prefixed to neutralise it (as CSV must be): the cell's type already says it is text, and an auditor filtering
 * on the text finds what the data says.
 */
export function plainText(s: string): string {
  // A carriage return becomes a line feed, as an XML reader would make it anyway (Excel breaks lines at LF).
  const clean = s.replace(NOT_XML, '').replace(/\r\n?/g, '\n');
  return clean.length > MAX_CELL ? `${clean.slice(0, MAX_CELL - 1)}…` : clean;
}

/**
 * Sheet names as Excel takes them: at most 31 characters, none of [ ] : * ? / \ (ASCII ones become their
 * full-width forms, which read the same in Chinese), not starting or ending with an apostrophe, not "History",
 * and unique regardless of case (a second 市文广新局 becomes "市文广新局 (2)").
 */
export class SheetNames {
  private readonly taken = new Set<string>();

  take(wanted: string): string {
    const base = sanitiseSheetName(wanted);
    let name = base;
    for (let k = 2; this.taken.has(name.toLowerCase()) || name.toLowerCase() === 'history'; k++) {
      const suffix = ` (${k})`;
      name = `${cut(base, 31 - suffix.length)}${suffix}`;
    }
    this.taken.add(name.toLowerCase());
    return name;
  }
}

const FULL_WIDTH: Record<string, string> = { '[': '［', ']': '］', ':': '：', '*': '＊', '?': '？', '/': '／', '\\': '＼' };

export function sanitiseSheetName(wanted: string): string {
  const s = wanted
    .replace(/[[\]:*?/\\]/g, (c) => FULL_WIDTH[c]!)
    .replace(/[\u0000-\u001F\u007F]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  return cut(s, 31).replace(/'+$/, '').trim() || 'Sheet';
}

/** At most n UTF-16 units, never splitting a character. */
function cut(s: string, n: number): string {
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > n) break;
    out += ch;
  }
  return out;
}
