// A data file (or stdin) → a Source of rows, by its format: CSV and Excel are read as they stream; JSON is read
// whole, so it is refused above MAX_JSON_BYTES with a pointer to CSV.
import fs from 'node:fs';
import path from 'node:path';
import { decode, type EncodingChoice } from './encoding.js';
import { openCsv } from './csv-stream.js';
import { readJson } from './json.js';
import { openXlsx } from './xlsx.js';
import { DataError, type RawTable } from './records.js';
import type { Source, SourceRow } from './source.js';
import { say } from '../i18n/message.js';

import type { InputFormat } from './choices.js';
export { INPUT_FORMATS, type InputFormat } from './choices.js';

/** JSON is parsed whole, with a position for every value: about ten times its size in memory. */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;

export interface OpenOptions {
  inputFormat?: InputFormat;
  encoding: EncodingChoice;
  /** Which sheet of a workbook: a name, or a 1-based position. */
  sheet?: string;
}

export class InputError extends Error {
  constructor(readonly detail: ReturnType<typeof say>) {
    super(detail.en);
    this.name = 'InputError';
  }
}

/** The format a file is read as: --input-format, else its extension. */
export function formatOf(file: string, given?: InputFormat): InputFormat {
  if (given) return given;
  if (file === '-') throw new InputError(say('从标准输入（“-”）读取时需要 --input-format csv|json', 'reading stdin ("-") needs --input-format csv|json'));
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  if (ext === '.json') return 'json';
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.xls' || ext === '.et') {
    throw new InputError(say(`${file}: 是旧版 Excel 格式（${ext}）；请在 Excel 中另存为 .xlsx 或 CSV`, `${file}: an old Excel format (${ext}); save it as .xlsx or CSV from Excel`));
  }
  throw new InputError(
    say(
      ext ? `${file}: 无法从扩展名“${ext}”判断格式；请用 --input-format csv|json|xlsx` : `${file}: 没有扩展名，无法判断格式；请用 --input-format csv|json|xlsx`,
      `${file}: cannot tell the format from "${ext || 'no extension'}"; use --input-format csv|json|xlsx`,
    ),
  );
}

/** Checks what can be checked before reading: the file exists, is a file, and its format is known. */
export function checkInput(file: string, opts: OpenOptions): InputFormat {
  const format = formatOf(file, opts.inputFormat);
  if (file === '-') {
    if (format === 'xlsx') throw new InputError(say('Excel 工作簿不能从标准输入读取；请给出文件路径', 'an Excel workbook cannot be read from stdin; give its path'));
    return format;
  }
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new InputError(say(`${file}: 文件不存在`, `${file}: no such file`));
  }
  if (st.isDirectory()) throw new InputError(say(`${file}: 是文件夹，不是文件`, `${file}: is a folder, not a file`));
  if (format === 'json' && st.size > MAX_JSON_BYTES) {
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
    throw new InputError(
      say(
        `${file}: JSON 文件有 ${mb(st.size)}，超过 ${mb(MAX_JSON_BYTES)} 的上限（JSON 要整个读入内存）；这么大的数据请用 CSV，它边读边查`,
        `${file}: a JSON file of ${mb(st.size)} is over the ${mb(MAX_JSON_BYTES)} limit (JSON is read whole); for data this size use CSV, which is checked as it is read`,
      ),
    );
  }
  return format;
}

/** Opens one input. `encoding` may be overridden for a file found not to be UTF-8 after all (EncodingSwitch). */
export async function openSource(file: string, opts: OpenOptions): Promise<Source> {
  const name = file === '-' ? '<stdin>' : file;
  const format = checkInput(file, opts);
  if (format === 'csv') return openCsv(file, name, opts.encoding);
  if (format === 'xlsx') return openXlsx(file, name, opts.sheet === undefined ? {} : { sheet: /^\d+$/.test(opts.sheet) ? Number(opts.sheet) : opts.sheet });
  const bytes = file === '-' ? fs.readFileSync(0) : fs.readFileSync(file);
  if (bytes.length > MAX_JSON_BYTES) throw new DataError(name, undefined, undefined, say(`JSON 超过 ${MAX_JSON_BYTES / 1024 / 1024} MB 的上限；请用 CSV`, `JSON over the ${MAX_JSON_BYTES / 1024 / 1024} MB limit; use CSV`));
  const { text, encoding } = decode(bytes, opts.encoding);
  return fromTable(readJson(text, name), encoding, bytes.length);
}

/** A table already in memory (JSON) as a Source: values line up with the union of its keys. */
export function fromTable(table: RawTable, encoding: string | undefined, size: number): Source {
  const index = new Map(table.headers.map((h, i) => [h.name, i]));
  async function* batches(): AsyncGenerator<SourceRow[]> {
    const out: SourceRow[] = [];
    for (const row of table.rows) {
      const values: unknown[] = new Array(table.headers.length).fill(undefined);
      const at: { line: number; col: number }[] = table.headers.map(() => ({ line: row.line, col: 1 }));
      for (const c of row.cells) {
        const i = index.get(c.header)!;
        values[i] = c.value;
        at[i] = { line: c.line, col: c.col };
      }
      out.push({ line: row.line, values, at: (i) => at[i]! });
    }
    yield out;
  }
  return { file: table.file, encoding, headers: table.headers, batches: batches(), progress: () => ({ done: size, total: size }) };
}
