// The Excel reader: the XLSX twin of the Gongshu CSV, sheet choice, merged headers, cell values, broken files and
// zip bombs. Small workbooks are written at test time with exceljs into a temporary folder.
import { afterAll, describe, expect, it, vi } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readCsv } from '../src/data/csv.js';
import { buildDataset } from '../src/data/dataset.js';
import { DataError, type RawTable } from '../src/data/records.js';
import { MAX_XLSX_INFLATED_BYTES, percentText, readXlsx, readXlsxRows, sheetNames, type XlsxOptions, type XlsxRow } from '../src/data/xlsx.js';
import { evaluate } from '../src/engine/evaluate.js';
import { readStandard } from '../src/cli/io.js';
import { ROOT } from './helpers.js';

const TWIN = path.join(ROOT, 'fixtures/gongshu-district.xlsx');
const CSV = path.join(ROOT, 'fixtures/gongshu-district.csv');
const BROKEN = path.join(ROOT, 'fixtures/broken');

// exceljs takes a second or two to load, and these tests share two cores with the CLI tests.
vi.setConfig({ testTimeout: 30_000 });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-xlsx-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
let n = 0;

/** A workbook written by exceljs; `build` fills it. */
async function book(build: (wb: ExcelJS.Workbook) => void, name = `t${++n}.xlsx`): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** A one-sheet workbook from rows of values. */
const sheet = (rows: unknown[][], setup?: (ws: ExcelJS.Worksheet) => void) =>
  book((wb) => {
    const ws = wb.addWorksheet('表1');
    ws.addRows(rows);
    setup?.(ws);
  });

async function rowsOf(file: string, opts: XlsxOptions = {}): Promise<XlsxRow[]> {
  const rows: XlsxRow[] = [];
  for await (const r of readXlsxRows(file, opts)) rows.push(r);
  return rows;
}

async function errorOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (e) {
    if (e instanceof DataError) return e.message;
    throw e;
  }
  throw new Error('expected an error');
}

describe('the XLSX twin of gongshu-district.csv', () => {
  const csv = readCsv(fs.readFileSync(CSV, 'utf8'), 'gongshu-district.csv');
  const twin = readXlsx(TWIN);

  it('has the same headers, on the same row and columns', async () => {
    const x = await twin;
    expect(x.headers).toEqual(csv.headers);
  });

  it('has the same rows and values, value by value', async () => {
    const x = await twin;
    // CSV gives text; the workbook numbers. "1,650,000" and 1650000 are the same value; a blank is '' or null.
    const norm = (v: unknown) => {
      if (v === undefined || v === null || v === '') return null;
      if (typeof v === 'string' && /^-?\d{1,3}(,\d{3})+$|^-?\d+(\.\d+)?$/.test(v)) return Number(v.replace(/,/g, ''));
      return v;
    };
    expect(x.rows.map((r) => r.line)).toEqual(csv.rows.map((r) => r.line));
    x.rows.forEach((row, i) => {
      const expected = csv.rows[i]!.cells.map((c) => ({ ...c, value: norm(c.value) }));
      expect(row.cells.map((c) => ({ ...c, value: norm(c.value) }))).toEqual(expected);
    });
    const values = x.rows.flatMap((r) => r.cells.map((c) => c.value));
    expect(values.filter((v) => typeof v === 'number').length).toBeGreaterThan(100);
  });

  it('reads percent-formatted numbers, a formula, rich text and merged parents as the CSV has them', async () => {
    const x = await twin;
    const cell = (entity: string, header: string) => x.rows.find((r) => r.cells[0]!.value === entity)!.cells.find((c) => c.header === header)!.value;
    expect(cell('拱墅区', '社区多功能运动场覆盖率')).toBe('50%'); // 0.5, formatted 0%
    expect(cell('拱墅区', 'hd_tv_coverage')).toBe('58.5%'); // 0.585, formatted 0.0%
    expect(cell('拱墅区', 'GS-52')).toBe('88.1%'); // =ROUND(0.8814,3), saved result 0.881, formatted 0.0%
    expect(cell('拱墅区', 'volunteer_ratio')).toBe('3‰'); // 3, formatted 0"‰"
    expect(cell('拱墅区', '业务人员占比（最低的区级公共文化机构）')).toBe('８５％'); // text stays text
    expect(cell('拱墅区', '总藏书量')).toBe(1650000);
    expect(cell('米市巷街道', '综合文化站每周开放时间')).toBe(56); // =7*8
    expect(cell('拱墅区', '文物建筑门票减免依据')).toBe('拱墅区文物建筑门票减免实施办法（拱文旅〔2023〕12号）');
    expect(cell('珠儿潭社区', 'parent')).toBe('米市巷街道'); // third row under a merged cell
  });

  it('gives the same verdicts and warnings as the CSV', async () => {
    const std = await readStandard('gongshu-53');
    const run = (table: RawTable) => {
      const dataset = buildDataset(std, [{ ...table, file: 'gongshu' }]);
      const { results } = evaluate(std, dataset, { tiers: std.tiers.map((t) => t.id), levels: std.levels.map((l) => l.id) });
      return {
        warnings: dataset.warnings,
        results: results.map((r) => JSON.stringify({ ...r, indicator: r.indicator.id })),
      };
    };
    const a = run(csv);
    const b = run(await twin);
    expect(a.results.length).toBeGreaterThan(500);
    expect(b).toEqual(a);
  });

  it('is never modified by reading it', async () => {
    const hash = () => crypto.createHash('sha256').update(fs.readFileSync(TWIN)).digest('hex');
    const before = { hash: hash(), mtime: fs.statSync(TWIN).mtimeMs };
    await readXlsx(TWIN);
    expect({ hash: hash(), mtime: fs.statSync(TWIN).mtimeMs }).toEqual(before);
  });
});

describe('sheets', () => {
  it('lists worksheets in tab order', async () => {
    expect(await sheetNames(TWIN)).toEqual(['拱墅区', '说明']);
  });
  it.each([
    ['the default: the first', undefined, 'entity'],
    ['by name', '说明', '项目'],
    ['by name, in another case and width', '说明 ', '项目'],
    ['by position', 2, '项目'],
    ['by position given as text', '2', '项目'],
    ['by position 1', 1, 'entity'],
  ])('%s', async (_, choice, firstHeader) => {
    const rows = await rowsOf(TWIN, { sheet: choice });
    expect(rows[0]!.cells[0]).toBe(firstHeader);
  });
  it.each([
    ['an unknown name lists the sheets, with a suggestion', '拱墅去', `${TWIN}: no sheet named "拱墅去" (did you mean "拱墅区"?); its sheets: 1 "拱墅区", 2 "说明"`],
    ['a position past the last', 3, `${TWIN}: there is no sheet 3: the workbook has 2 sheets (1 "拱墅区", 2 "说明")`],
    ['position 0', 0, `${TWIN}: there is no sheet 0: the workbook has 2 sheets (1 "拱墅区", 2 "说明")`],
  ])('%s', async (_, choice, message) => {
    expect(await errorOf(() => rowsOf(TWIN, { sheet: choice }))).toBe(message);
  });

  it('the first tab is the first sheet, whatever the order of the parts in the zip', async () => {
    const file = await book((wb) => {
      wb.addWorksheet('甲').addRows([['entity', 'x'], ['甲', 1]]);
      wb.addWorksheet('乙').addRows([['entity', 'x'], ['乙', 2]]);
    });
    // Move 乙 (sheet2.xml) to the first tab, as dragging the tab in Excel does.
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    const tabs = xml.match(/<sheet [^>]*\/>/g)!;
    zip.file('xl/workbook.xml', xml.replace(tabs.join(''), [tabs[1], tabs[0]].join('')));
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    expect(await sheetNames(file)).toEqual(['乙', '甲']);
    expect((await rowsOf(file))[1]!.cells).toEqual(['乙', 2]);
    expect((await rowsOf(file, { sheet: 2 }))[1]!.cells).toEqual(['甲', 1]);
  });

  it('hidden sheets are skipped by default and by position, but can be named', async () => {
    const file = await book((wb) => {
      const lists = wb.addWorksheet('下拉选项');
      lists.addRows([['层级', '说明'], ['区', '']]);
      lists.state = 'hidden';
      wb.addWorksheet('数据').addRows([['entity', 'level'], ['拱墅区', '区']]);
    });
    expect((await rowsOf(file))[1]!.cells).toEqual(['拱墅区', '区']);
    expect((await rowsOf(file, { sheet: 1 }))[1]!.cells).toEqual(['拱墅区', '区']);
    expect((await rowsOf(file, { sheet: '下拉选项' }))[0]!.cells).toEqual(['层级', '说明']);
    expect(await errorOf(() => rowsOf(file, { sheet: 2 }))).toContain('the workbook has 1 sheet (1 "数据", "下拉选项" (hidden))');
  });

  it('reads the same two-sheet workbook every time (exceljs\'s one-pass reader loses a part now and then)', async () => {
    const file = await book((wb) => {
      wb.addWorksheet('First').addRows([['a', 'b'], [1, 2]]);
      wb.addWorksheet('Second').addRows([['c', 'd'], [3, 4]]);
    });
    for (let i = 0; i < 25; i++) expect(await rowsOf(file, { sheet: 'Second' })).toEqual([{ line: 1, cells: ['c', 'd'] }, { line: 2, cells: [3, 4] }]);
  });
});

describe('headers', () => {
  it('a title merged across the table is skipped; so is an unmerged one', async () => {
    const merged = await sheet([['拱墅区公共文化服务数据'], ['entity', 'level', '每周开放时间'], ['拱墅区', '区', 60]], (ws) => ws.mergeCells('A1:C1'));
    expect(await rowsOf(merged)).toEqual([{ line: 2, cells: ['entity', 'level', '每周开放时间'] }, { line: 3, cells: ['拱墅区', '区', 60] }]);
    const plain = await sheet([['拱墅区公共文化服务数据'], ['单位：小时'], [], ['entity', '每周开放时间'], ['拱墅区', 60]]);
    expect((await rowsOf(plain))[0]).toEqual({ line: 4, cells: ['entity', '每周开放时间'] });
  });

  // Two header rows: names merged down over both rows, groups merged across their columns.
  //   名称 | 层级 |     开放时间     |       藏书       |        活动
  //        |      | 图书馆 | 文化馆  | 图书馆 | 文化馆  | 演出场次 | 展览次数
  const grouped = () =>
    sheet(
      [
        ['名称', '层级', '开放时间', null, '藏书', null, '活动', null],
        [null, null, '图书馆', '文化馆', '图书馆', '文化馆', '演出场次', '展览次数'],
        ['拱墅区', '区', 60, 63, 1650000, 20000, 30, 10],
      ],
      (ws) => ['A1:A2', 'B1:B2', 'C1:D1', 'E1:F1', 'G1:H1'].forEach((r) => ws.mergeCells(r)),
    );
  it.each([
    [1, '名称', 'merged down: the upper cell'],
    [2, '层级', 'merged down: the upper cell'],
    [3, '开放时间 图书馆', '图书馆 is under two groups: group and name'],
    [4, '开放时间 文化馆', 'likewise'],
    [5, '藏书 图书馆', 'likewise'],
    [6, '藏书 文化馆', 'likewise'],
    [7, '演出场次', 'unique: the lower cell alone'],
    [8, '展览次数', 'unique: the lower cell alone'],
  ])('two header rows, column %i: %s (%s)', async (col, name) => {
    const rows = await rowsOf(await grouped());
    expect(rows[0]!.line).toBe(2);
    expect(rows[0]!.cells[col - 1]).toBe(name);
    expect(rows[1]).toEqual({ line: 3, cells: ['拱墅区', '区', 60, 63, 1650000, 20000, 30, 10] });
  });

  it('as a RawTable, the header is the lower row', async () => {
    const t = await readXlsx(await grouped());
    expect(t.headers[2]).toEqual({ name: '开放时间 图书馆', col: 3, line: 2 });
    expect(t.rows[0]!.cells[2]).toEqual({ header: '开放时间 图书馆', value: 60, line: 3, col: 3 });
  });

  it('a one-row header with a cell merged across two columns names both columns', async () => {
    const file = await sheet([['entity', '备注', null], ['拱墅区', '试点', null]], (ws) => {
      ws.mergeCells('B1:C1');
      ws.mergeCells('B2:C2');
    });
    expect(await rowsOf(file)).toEqual([{ line: 1, cells: ['entity', '备注', '备注'] }, { line: 2, cells: ['拱墅区', '试点', '试点'] }]);
  });

  it('a header of three rows is an error', async () => {
    const file = await sheet([['名称', '开放时间'], [null, '图书馆'], [null, '小时'], ['拱墅区', 60]], (ws) => ws.mergeCells('A1:A3'));
    expect(await errorOf(() => rowsOf(file))).toBe(
      `${file}:1:1: sheet "表1": the header reaches row 3 through merged cells A1:A3; a header has one row or two — unmerge the cells or delete the extra rows`,
    );
  });

  it('line breaks typed in a header cell', async () => {
    const file = await sheet([['entity', '每周开放\n时间', 'weekly\nhours'], ['拱墅区', 60, 60]]);
    expect((await rowsOf(file))[0]!.cells).toEqual(['entity', '每周开放时间', 'weekly hours']);
  });

  it('cells merged down a column read as their top cell; blank rows are skipped', async () => {
    const file = await sheet([['entity', 'level', 'parent'], ['甲社区', '社区', '米市巷街道'], ['乙社区', '社区', null], [], ['丙社区', '社区', null]], (ws) =>
      ws.mergeCells('C2:C5'),
    );
    expect((await rowsOf(file)).map((r) => [r.line, r.cells[2]])).toEqual([[1, 'parent'], [2, '米市巷街道'], [3, '米市巷街道'], [5, '米市巷街道']]);
  });

  it('a margin column left of the table is skipped; a value under no header is an error', async () => {
    const margin = await sheet([[null, 'entity', 'hours'], [null, '拱墅区', 60]]);
    const t = await readXlsx(margin);
    expect(t.headers).toEqual([{ name: 'entity', col: 2, line: 1 }, { name: 'hours', col: 3, line: 1 }]);
    const stray = await sheet([['entity', 'hours'], ['拱墅区', 60, '备注']]);
    expect(await errorOf(() => readXlsx(stray))).toBe(`${stray}:2:3: sheet "表1", cell C2: has a value ("备注") but its column has no header`);
    const gap = await sheet([['entity', null, 'hours'], ['拱墅区', 1, 60]]);
    expect(await errorOf(() => readXlsx(gap))).toBe(`${gap}:1:2: sheet "表1": column B has no header`);
  });

  it('a header without data rows', async () => {
    const file = await sheet([['entity', 'hours']]);
    expect(await errorOf(() => readXlsx(file))).toBe(`${file}:1: sheet "表1" has a header but no data rows`);
  });
});

describe('cell values', () => {
  const at = new Date(Date.UTC(2024, 4, 1));
  it.each<[string, (c: ExcelJS.Cell) => void, unknown]>([
    ['a number', (c) => (c.value = 63), 63],
    ['a fraction formatted 0.0%', (c) => ((c.value = 0.881), (c.numFmt = '0.0%')), '88.1%'],
    ['a fraction formatted 0%', (c) => ((c.value = 0.5), (c.numFmt = '0%')), '50%'],
    ['more digits than the format shows', (c) => ((c.value = 0.8951), (c.numFmt = '0%')), '89.51%'],
    ['a negative percentage in its own section', (c) => ((c.value = -0.05), (c.numFmt = '0%;[Red]-0%')), '-5%'],
    ['a percent sign in quotes does not scale', (c) => ((c.value = 88.1), (c.numFmt = '0.0"%"')), '88.1%'],
    ['per mille as a sign', (c) => ((c.value = 3), (c.numFmt = '0"‰"')), '3‰'],
    ['thousands separators', (c) => ((c.value = 1650000), (c.numFmt = '#,##0')), 1650000],
    ['a formula: its saved result', (c) => (c.value = { formula: '7*8', result: 56 }), 56],
    ['a formula whose result is 0', (c) => (c.value = { formula: '1-1', result: 0 }), 0],
    ['a formula with a text result', (c) => (c.value = { formula: '"是"', result: '是' }), '是'],
    ['a formula with a percent result', (c) => ((c.value = { formula: '881/1000', result: 0.881 }), (c.numFmt = '0.0%')), '88.1%'],
    ['rich text', (c) => (c.value = { richText: [{ text: '国家', font: { bold: true } }, { text: '一级' }] }), '国家一级'],
    ['true', (c) => (c.value = true), true],
    ['false', (c) => (c.value = false), false],
    ['a date', (c) => (c.value = at), '2024-05-01'],
    ['a date and time', (c) => (c.value = new Date(Date.UTC(2024, 4, 1, 8, 30))), '2024-05-01T08:30:00'],
    ['empty text', (c) => (c.value = ''), null],
  ])('%s', async (_, set, expected) => {
    const file = await sheet([['entity', 'x'], ['拱墅区', null]], (ws) => set(ws.getCell('B2')));
    const [entity, x = null] = (await rowsOf(file))[1]!.cells;
    expect([entity, x]).toEqual(['拱墅区', expected]);
  });

  it('a shared formula: every cell gives its saved result', async () => {
    const file = await sheet([['entity', 'x'], ['甲', null], ['乙', null], ['丙', null]], (ws) => {
      ws.getCell('B2').value = { formula: 'ROW()', result: 2, shareType: 'shared', ref: 'B2:B4' } as ExcelJS.CellFormulaValue;
      ws.getCell('B3').value = { sharedFormula: 'B2', result: 3 };
      ws.getCell('B4').value = { sharedFormula: 'B2', result: 0 };
    });
    expect((await rowsOf(file)).slice(1).map((r) => r.cells[1])).toEqual([2, 3, 0]);
  });

  it.each<[string, (c: ExcelJS.Cell) => void, string]>([
    ['an error value', (c) => (c.value = { error: '#DIV/0!' }), 'sheet "表1", cell B2: #DIV/0! is an Excel error, not a value; correct the cell or clear it'],
    ['a formula whose result is an error', (c) => (c.value = { formula: '1/0', result: { error: '#DIV/0!' } }), 'sheet "表1", cell B2: the formula =1/0 gives an Excel error, not a value'],
    ['a formula never calculated', (c) => (c.value = { formula: 'A2+1' } as ExcelJS.CellFormulaValue), 'sheet "表1", cell B2: the formula =A2+1 has no saved result; open the workbook in Excel or WPS and save it again'],
  ])('%s is an error naming the cell', async (_, set, message) => {
    const file = await sheet([['entity', 'x'], ['拱墅区', null]], (ws) => set(ws.getCell('B2')));
    expect(await errorOf(() => rowsOf(file))).toBe(`${file}:2:2: ${message}`);
  });

  it('Chinese text survives every chunk boundary', async () => {
    const names = Array.from({ length: 1500 }, (_, i) => `拱墅区第${i}号社区文化家园`); // ~70 KB of text: several 16 KB chunks
    const file = await sheet([['entity', '说明'], ...names.map((s) => [s, { formula: '"x"', result: `${s}（公式）` }])]);
    const rows = (await rowsOf(file)).slice(1);
    expect(rows.map((r) => r.cells[0])).toEqual(names);
    expect(rows.map((r) => r.cells[1])).toEqual(names.map((s) => `${s}（公式）`));
  });

  it.each([
    [0.881, '0.0%', '88.1%'],
    [0.585, '0.0%', '58.5%'],
    [1, '0%', '100%'],
    [0, '0%;-0%;"-"', undefined],
    [0, '0%', '0%'],
    [0.5, '[$-804]0%', '50%'],
    [0.5, '0.00_);(0.00)', undefined],
    [12, '0"小时"', undefined],
    [0.5, '0\\%', '0.5%'],
  ])('percentText(%s, %s) is %s', (value, fmt, text) => {
    expect(percentText(value, fmt)).toBe(text);
  });
});

describe('broken files stop with one line naming the file', () => {
  it.each([
    ['encrypted.xlsx', 'is password-protected; save an unprotected copy (remove the password to open it) and read that'],
    ['legacy.xls', 'is a legacy Excel 97–2003 workbook (.xls), not .xlsx; open it in Excel or WPS and save it as .xlsx or CSV'],
    ['corrupt.xlsx', 'is damaged: its zip directory cannot be read (FILE_ENDED); open it in Excel or WPS and save it again'],
    ['not-a-zip.xlsx', 'is not an .xlsx workbook (it is not a zip file); a CSV file should be named .csv'],
    ['not-a-workbook.xlsx', 'is a zip file but not an Excel workbook (it has no xl/workbook.xml)'],
    ['macro-only.xlsm', 'has no worksheets, only chart or macro sheets ("数据")'],
    ['empty-sheet.xlsx', 'sheet "空表" is empty'],
  ])('%s', async (name, message) => {
    const file = path.join(BROKEN, name);
    const text = await errorOf(() => readXlsx(file));
    expect(text).toBe(`${file}: ${message}`);
    expect(text.split('\n')).toHaveLength(1);
  });
  it('an empty file', async () => {
    const file = path.join(tmp, 'empty.xlsx');
    fs.writeFileSync(file, '');
    expect(await errorOf(() => readXlsx(file))).toBe(`${file}: the file is empty`);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Zip files made byte by byte, for what no zip library will write: sizes that lie, a part of 2 GiB.

interface Part {
  name: string;
  /** The bytes as stored (deflated for method 8). */
  data: Buffer;
  method?: number;
  /** The unpacked size the zip declares. */
  size?: number;
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function zip(parts: Part[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const method = p.method ?? 0;
    const size = p.size ?? p.data.length;
    const crc = method === 0 ? crc32(p.data) : 0; // never checked before a bomb is refused
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x800, 6);
    head.writeUInt16LE(method, 8);
    head.writeUInt16LE(0x21, 12);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(p.data.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x800, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt16LE(0x21, 14);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(p.data.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    local.push(head, name, p.data);
    central.push(dir, name);
    offset += head.length + name.length + p.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, cd, end]);
}

/** The smallest workbook around a given sheet part. */
function workbookWith(sheetPart: Part): Buffer {
  const stored = (name: string, text: string): Part => ({ name, data: Buffer.from(text) });
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zip([
    stored('xl/workbook.xml', `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    stored('xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    sheetPart,
  ]);
}

/** Raw deflate data that unpacks to `mib` MiB of spaces after an XML start tag, made in milliseconds. */
function spacesDeflated(mib: number): Buffer {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH };
  const start = zlib.deflateRawSync(Buffer.from('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'), flush);
  // A full flush empties the compressor's window, so each MiB of spaces can be repeated as it is.
  const mebibyte = zlib.deflateRawSync(Buffer.alloc(1 << 20, 0x20), flush);
  const last = zlib.deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([start, ...Array(mib).fill(mebibyte), last]);
}

describe('zip bombs are refused by size, not by running out of memory', () => {
  const write = (name: string, buf: Buffer) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, buf);
    return file;
  };
  const GiB2 = 2 * 1024 ** 3;

  it('the limit is 1 GiB', () => {
    expect(MAX_XLSX_INFLATED_BYTES).toBe(1024 ** 3);
  });

  it('a sheet that says it unpacks to 2 GiB is refused before anything is unpacked', async () => {
    const data = spacesDeflated(2048);
    expect(data.length).toBeLessThan(4 << 20);
    const file = write('bomb.xlsx', workbookWith({ name: 'xl/worksheets/sheet1.xml', data, method: 8, size: GiB2 }));
    const t = Date.now();
    expect(await errorOf(() => readXlsx(file))).toBe(
      `${file}: is refused: it would unpack to 2 GiB, more than the 1 GiB dabiao reads from one workbook (a zip bomb, or a workbook too big to check; save the sheet as CSV instead)`,
    );
    expect(Date.now() - t).toBeLessThan(2000);
  });

  it('a sheet that lies about its size is stopped as soon as it unpacks past what it declared', async () => {
    const file = write('liar.xlsx', workbookWith({ name: 'xl/worksheets/sheet1.xml', data: spacesDeflated(2048), method: 8, size: 1024 }));
    const rss = process.memoryUsage().rss;
    const t = Date.now();
    expect(await errorOf(() => readXlsx(file))).toBe(
      `${file}: is refused: its part xl/worksheets/sheet1.xml unpacks to more than the 1 KiB its zip directory declares (a damaged file or a zip bomb)`,
    );
    expect(Date.now() - t).toBeLessThan(2000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 << 20);
  });

  it('the limit can be set lower', async () => {
    expect(await errorOf(() => readXlsx(TWIN, { maxInflatedBytes: 10_000 }))).toMatch(/^.*gongshu-district\.xlsx: is refused: it would unpack to [\d.]+ KiB, more than the 9\.8 KiB/);
  });

  it.each([
    ['damaged deflate data', { data: Buffer.from('not deflate data at all, not at all'), method: 8, size: 100 }, 'is damaged: its part xl/worksheets/sheet1.xml cannot be unpacked ('],
    ['an unknown zip method', { data: Buffer.from('x'), method: 12, size: 1 }, 'is packed with zip method 12, which dabiao cannot unpack; open it in Excel or WPS and save it again'],
    ['a sheet that is not XML', { data: Buffer.from('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></sheetData>') }, 'is damaged: its part xl/worksheets/sheet1.xml (sheet "数据") cannot be read ('],
  ])('%s', async (_, part, message) => {
    const file = write('damaged.xlsx', workbookWith({ name: 'xl/worksheets/sheet1.xml', ...part }));
    const text = await errorOf(() => readXlsx(file));
    expect(text.startsWith(`${file}: ${message}`)).toBe(true);
    expect(text.split('\n')).toHaveLength(1);
  });
});
