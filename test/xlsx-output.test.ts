// The Excel output (--format xlsx): each workbook is written by the CLI with -o into a temporary folder, opened
// again with exceljs, and held against the JSON of the same run — sheets, one row per result with the same
// status, numbers as numbers with their units beside them, a frozen and filtered header, coloured status cells,
// one sheet per responsible unit, text that looks like a formula kept as text, English with --lang en.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { dabiao, ROOT } from './helpers.js';
import { refuseBinaryToTerminal } from '../src/cli/output.js';
import { UsageError } from '../src/cli/errors.js';
import { BINARY } from '../src/report/index.js';
import { sanitiseSheetName, SheetNames, writeWorkbook } from '../src/report/xlsx/sheet.js';
import { STATUS_STYLE } from '../src/report/xlsx/styles.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-xlsx-out-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const CHECK = ['check', '-s', 'gongshu-53', '--level', '区,街道', 'fixtures/gongshu-district.csv'];
const GAPS = ['gaps', '-s', 'wenzhou-72', '--by', 'owner', '--as-of', '2020-12', 'fixtures/wenzhou-2017-baseline.csv'];
const COMPARE = ['compare', '-s', 'wenzhou-72', 'fixtures/wenzhou-2017-baseline.csv', 'fixtures/wenzhou-2019.csv'];

// Each workbook is one CLI run (and its JSON another), a few seconds each on a busy machine.
const HOOK_TIMEOUT = 120_000;

const STATUS_ZH: Record<string, string> = { pass: '达标', fail: '未达标', missing: '缺数据', manual: '待核查', pending: '未到期', waived: '已豁免', na: '不适用' };
const FILL: Record<string, string> = Object.fromEntries(Object.entries(STATUS_STYLE).map(([k, s]) => [k, (s.fill as ExcelJS.FillPattern).fgColor!.argb!]));

/** Runs the CLI with --format xlsx -o FILE (exit 0 or 1: some results fail) and opens the workbook. */
async function workbook(args: string[], name: string): Promise<ExcelJS.Workbook> {
  const file = path.join(tmp, name);
  const r = dabiao([...args, '--format', 'xlsx', '-o', file]);
  expect([0, 1], r.stderr).toContain(r.code);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function json(args: string[]): any {
  const r = dabiao([...args, '--format', 'json']);
  expect([0, 1], r.stderr).toContain(r.code);
  return JSON.parse(r.stdout);
}

/** The header row of a table sheet, as column numbers by header text. */
function columns(ws: ExcelJS.Worksheet): Map<string, number> {
  const m = new Map<string, number>();
  ws.getRow(1).eachCell((c, n) => m.set(String(c.value), n));
  return m;
}

function col(ws: ExcelJS.Worksheet, header: string): number {
  const n = columns(ws).get(header);
  if (n === undefined) throw new Error(`no column "${header}" in ${ws.name}: ${[...columns(ws).keys()].join(', ')}`);
  return n;
}

function dataRows(ws: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  for (let i = 2; i <= ws.rowCount; i++) rows.push(ws.getRow(i));
  return rows;
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  return f?.type === 'pattern' ? f.fgColor?.argb : undefined;
}

function expectTableSheet(ws: ExcelJS.Worksheet, width: number): void {
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  let last = '';
  for (let n = width; n > 0; n = Math.floor((n - 1) / 26)) last = String.fromCharCode(65 + ((n - 1) % 26)) + last;
  expect(ws.autoFilter).toBe(`A1:${last}${ws.rowCount}`);
  expect(ws.getRow(1).font?.bold ?? ws.getRow(1).getCell(1).font?.bold).toBe(true);
}

describe('check --format xlsx (gongshu-53, 区 and 街道)', () => {
  let wb: ExcelJS.Workbook;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let report: any;
  beforeAll(async () => {
    wb = await workbook(CHECK, 'check.xlsx');
    report = json(CHECK);
  }, HOOK_TIMEOUT);

  it('has a summary sheet and a results sheet', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual(['摘要', '结果']);
    const summary = wb.getWorksheet('摘要')!;
    expect(String(summary.getCell('A1').value)).toContain('gongshu-53');
    const texts = summary.getColumn(1).values.map(String);
    expect(texts).toContain('输入文件');
    expect(texts).toContain('截至');
  });

  it('counts per entity and tier in the summary match the JSON summary', () => {
    const summary = wb.getWorksheet('摘要')!;
    let header = 0;
    summary.eachRow((row, n) => {
      if (row.getCell(1).value === '对象') header = n;
    });
    expect(header).toBeGreaterThan(0);
    const head = summary.getRow(header).values as unknown[];
    for (const [i, s] of report.summary.entries()) {
      const row = summary.getRow(header + 1 + i);
      expect(row.getCell(1).value).toBe(s.entity);
      for (const status of Object.keys(STATUS_ZH)) {
        const c = head.indexOf(STATUS_ZH[status]);
        expect(row.getCell(c).value, `${s.entity} ${status}`).toBe(s[status]);
      }
    }
  });

  it('has one row per result of the JSON, in order, with the same statuses', () => {
    const ws = wb.getWorksheet('结果')!;
    const rows = dataRows(ws);
    expect(rows.length).toBe(report.results.length);
    const [entity, id, status] = [col(ws, '对象'), col(ws, '编号'), col(ws, '结果')];
    rows.forEach((row, i) => {
      const r = report.results[i];
      expect([row.getCell(entity).value, row.getCell(id).value, row.getCell(status).value]).toEqual([r.entity, r.indicator, STATUS_ZH[r.status]]);
    });
  });

  it('writes values as numbers, with the unit in its own column', () => {
    const ws = wb.getWorksheet('结果')!;
    const [value, unit, gap, gapPct] = [col(ws, '数值'), col(ws, '单位'), col(ws, '差距'), col(ws, '差距占目标（%）')];
    let numbers = 0;
    dataRows(ws).forEach((row, i) => {
      const r = report.results[i];
      const v = row.getCell(value);
      if (typeof r.value === 'number') {
        numbers++;
        expect(v.type).toBe(ExcelJS.ValueType.Number);
        expect(v.value).toBe(r.value);
        expect(v.numFmt).toMatch(/^#,##0/);
      } else expect(v.type).toBe(ExcelJS.ValueType.Null);
      // Numeric columns hold numbers or nothing, never text.
      for (const c of [value, gap, gapPct]) expect([ExcelJS.ValueType.Number, ExcelJS.ValueType.Null]).toContain(row.getCell(c).type);
      if (r.gap?.amount !== undefined) expect(row.getCell(gap).value).toBe(r.gap.amount);
    });
    expect(numbers).toBeGreaterThan(20);
    // A rate stays a number in its unit: 100 beside "%" (GS-03, every street's station open), not 1 or "100%".
    const gs03 = dataRows(ws).find((row) => row.getCell(col(ws, '编号')).value === 'GS-03' && row.getCell(1).value === '拱墅区')!;
    expect(gs03.getCell(value).value).toBe(100);
    expect(gs03.getCell(unit).value).toBe('%');
    const units = new Set(dataRows(ws).map((row) => row.getCell(unit).value).filter(Boolean));
    expect(units.size).toBeGreaterThan(2);
  });

  it('freezes the header row and filters it', () => {
    const ws = wb.getWorksheet('结果')!;
    expectTableSheet(ws, columns(ws).size);
    expect(ws.getColumn(col(ws, '目标')).width).toBeGreaterThan(20);
  });

  it('colours each status cell, and the cell holds the status word too', () => {
    const ws = wb.getWorksheet('结果')!;
    const status = col(ws, '结果');
    const seen = new Set<string>();
    dataRows(ws).forEach((row, i) => {
      const r = report.results[i];
      expect(fillOf(row.getCell(status)), r.status).toBe(FILL[r.status]);
      seen.add(r.status);
    });
    expect(seen.size).toBeGreaterThanOrEqual(4);
    expect(new Set(Object.values(FILL)).size).toBe(7);
  });

  it('lists responsible units with the lead first, deadlines and sub-tasks in their own columns', () => {
    const ws = wb.getWorksheet('结果')!;
    const r = report.results.findIndex((x: { deadline: string | null }) => x.deadline);
    expect(r).toBeGreaterThanOrEqual(0);
    expect(ws.getRow(r + 2).getCell(col(ws, '时限')).value).toBe(report.results[r].deadline);
  });
});

describe('gaps --by owner --format xlsx (wenzhou-72 baseline, as of 2020-12)', () => {
  let wb: ExcelJS.Workbook;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let report: any;
  beforeAll(async () => {
    wb = await workbook(GAPS, 'gaps.xlsx');
    report = json(GAPS);
  }, HOOK_TIMEOUT);

  it('has a summary, the gap list, and one sheet per responsible unit in the order of the JSON groups', () => {
    const units = report.groups.map((g: { key: string | null }) => g.key ?? '未分配');
    expect(units).toContain('未分配');
    expect(wb.worksheets.map((s) => s.name)).toEqual(['摘要', '差距清单', ...units]);
  });

  it('lists every item to act on once in the gap list, with the JSON statuses', () => {
    const ws = wb.getWorksheet('差距清单')!;
    expectTableSheet(ws, columns(ws).size);
    const rows = dataRows(ws);
    expect(rows.length).toBe(report.counts.actionable);
    const all = report.groups.flatMap((g: { items: { indicator: string; status: string }[] }) => g.items);
    for (const row of rows) {
      const id = row.getCell(col(ws, '编号')).value;
      const item = all.find((x: { indicator: string }) => x.indicator === id);
      expect(row.getCell(col(ws, '结果')).value).toBe(STATUS_ZH[item.status]);
      expect(fillOf(row.getCell(col(ws, '结果')))).toBe(FILL[item.status]);
    }
  });

  it('gives each unit the items of its JSON group, the lead marked', () => {
    for (const g of report.groups) {
      const ws = wb.getWorksheet(g.key ?? '未分配')!;
      expectTableSheet(ws, columns(ws).size);
      const rows = dataRows(ws);
      expect(rows.length, ws.name).toBe(g.items.length);
      const role = col(ws, '分工');
      const ids = rows.map((row) => row.getCell(col(ws, '编号')).value);
      expect(ids).toEqual(g.items.map((x: { indicator: string }) => x.indicator));
      const leads = rows.filter((row) => row.getCell(role).value === '▲ 牵头').length;
      expect(leads, ws.name).toBe(g.items.filter((x: { lead: boolean }) => x.lead).length);
      if (g.key === null) expect(rows.every((row) => row.getCell(role).value === null)).toBe(true);
    }
  });

  it('says in the summary which sheet holds which unit, with its counts', () => {
    const ws = wb.getWorksheet('摘要')!;
    const lines = ws.getSheetValues().filter(Boolean) as unknown[][];
    const row = lines.find((x) => x[1] === '市文广新局')!;
    const g = report.groups.find((x: { key: string }) => x.key === '市文广新局');
    expect(row.slice(1, 6)).toEqual(['市文广新局', '市文广新局', g.items.length, g.items.filter((x: { lead: boolean }) => x.lead).length, g.items.filter((x: { lead: boolean }) => !x.lead).length]);
  });

  it('names each filtered range as Excel does (_xlnm._FilterDatabase), so LibreOffice shows the filters too', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(tmp, 'gaps.xlsx')));
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    const names = [...xml.matchAll(/<definedName name="_xlnm\._FilterDatabase" localSheetId="(\d+)">&apos;(.+?)&apos;!(.+?)<\/definedName>/g)].map((m) => [Number(m[1]), m[2], m[3]]);
    const tables = wb.worksheets.slice(1);
    const absolute = (ref: string) => ref.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    expect(names).toEqual(tables.map((ws, i) => [i + 1, ws.name, absolute(ws.autoFilter as string)]));
    // Each table's header row repeats on every printed page.
    expect(xml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;差距清单&apos;!$1:$1</definedName>`);
  });

  it('adds sheets for waived items and for expired or unused waivers, and keeps formula-looking text as text', async () => {
    const waivers = path.join(tmp, 'waivers.yaml');
    fs.writeFileSync(
      waivers,
      fs
        .readFileSync(path.join(ROOT, 'fixtures/wenzhou-waivers.yaml'), 'utf8')
        .replace(/reason: 村（社区）[^\n]*/, `reason: '=HYPERLINK("http://x")'`)
        .replace('approvedBy: 温州市人民政府办公室（温政办函〔2019〕12号）', `approvedBy: '@SUM(1+1)'`)
        .replace('reason: 政府购买公共文化服务目录待省厅统一发布', `reason: '+1-2'`)
        .replace('reason: 县级公共图书馆设置率按原统计口径计算', `reason: '-3'`),
    );
    const file = path.join(tmp, 'gaps-waivers.xlsx');
    const r = dabiao([...GAPS, '--waivers', waivers, '--format', 'xlsx', '-o', file]);
    expect([0, 1], r.stderr).toContain(r.code);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((s) => s.name).slice(-2)).toEqual(['已豁免', '过期或未用的豁免']);

    const waived = book.getWorksheet('已豁免')!;
    expect(dataRows(waived).length).toBe(1);
    const row = waived.getRow(2);
    expect(row.getCell(col(waived, '编号')).value).toBe('WZ-K14');
    expect(row.getCell(col(waived, '原结果')).value).toBe('未达标');
    const reason = row.getCell(col(waived, '豁免理由'));
    expect(reason.type).toBe(ExcelJS.ValueType.String);
    expect(reason.value).toBe('=HYPERLINK("http://x")');
    expect(reason.formula).toBeUndefined();
    expect(row.getCell(col(waived, '批准人')).value).toBe('@SUM(1+1)');
    expect(row.getCell(col(waived, '有效期至')).value).toBe('2021-12-31');

    const other = book.getWorksheet('过期或未用的豁免')!;
    expect(dataRows(other).map((x) => [x.getCell(1).value, x.getCell(col(other, '指标编号')).value, x.getCell(col(other, '豁免理由')).value])).toEqual([
      ['已过期', 'WZ-G40', '+1-2'],
      ['未使用', 'WZ-G02', '-3'],
    ]);

    // In the file itself: no sheet holds a formula element; the text is the cell's value.
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheets.length).toBe(book.worksheets.length);
    for (const f of sheets) expect(await zip.file(f)!.async('string')).not.toMatch(/<f[\s>]/);
    const xml = await Promise.all(sheets.map((f) => zip.file(f)!.async('string')));
    expect(xml.join('')).toMatch(/<c r="[A-Z]+2"[^>]* t="str"><v>=HYPERLINK\(&quot;http:\/\/x&quot;\)<\/v><\/c>/);
  });
});

describe('compare --format xlsx (wenzhou-72, 2017 → 2019)', () => {
  let wb: ExcelJS.Workbook;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let report: any;
  beforeAll(async () => {
    wb = await workbook(COMPARE, 'compare.xlsx');
    report = json(COMPARE);
  }, HOOK_TIMEOUT);

  it('has a summary per entity and a sheet of changed rows', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual(['摘要', '变化']);
    const ws = wb.getWorksheet('变化')!;
    expectTableSheet(ws, columns(ws).size);
    const changed = report.rows.filter((r: { change: string }) => r.change !== 'unchanged');
    expect(dataRows(ws).length).toBe(changed.length);
    const summary = wb.getWorksheet('摘要')!.getSheetValues().filter(Boolean) as unknown[][];
    const counts = summary.find((x) => x[1] === '温州市')!;
    expect(counts.at(-1)).toBe(report.rows.length);
  });

  it('gives both values and both gaps as numbers, and the changes', () => {
    const ws = wb.getWorksheet('变化')!;
    const row = dataRows(ws).find((x) => x.getCell(col(ws, '编号')).value === 'WZ-K02')!;
    const r = report.rows.find((x: { indicator: string }) => x.indicator === 'WZ-K02');
    expect(row.getCell(col(ws, '变化')).value).toBe('改善');
    expect([row.getCell(col(ws, '之前')).value, row.getCell(col(ws, '之后')).value]).toEqual([STATUS_ZH[r.old.status], STATUS_ZH[r.new.status]]);
    expect(fillOf(row.getCell(col(ws, '之后')))).toBe(FILL[r.new.status]);
    for (const [header, value] of [
      ['数值（之前）', r.old.value],
      ['数值（之后）', r.new.value],
      ['数值变化', r.valueDelta],
      ['差距（之前）', r.old.gap.amount],
      ['差距（之后）', r.new.gap.amount],
      ['差距变化', r.gapDelta],
    ] as const) {
      const cell = row.getCell(col(ws, header));
      expect(cell.type, header).toBe(ExcelJS.ValueType.Number);
      expect(cell.value, header).toBe(value);
    }
    expect(row.getCell(col(ws, '差距单位')).value).toBe('个百分点');
    expect(row.getCell(col(ws, '差距变化')).numFmt).toMatch(/^\+/);
  });
});

describe('--lang en', () => {
  it('names the check workbook\'s sheets, headers and statuses in English', async () => {
    const check = await workbook([...CHECK, '--lang', 'en'], 'check-en.xlsx');
    expect(check.worksheets.map((s) => s.name)).toEqual(['Summary', 'Results']);
    const results = check.getWorksheet('Results')!;
    expect([...columns(results).keys()].slice(0, 8)).toEqual(['entity', 'path', 'level', 'id', 'indicator', 'category', 'tier', 'result']);
    expect(new Set(dataRows(results).map((r) => r.getCell(8).value))).toEqual(new Set(['pass', 'fail', 'missing', 'manual', 'n/a']));
    expect(results.getRow(2).getCell(3).value).toBe('district');
  });

  it('names the gaps workbook\'s sheets in English (units keep the names the standard gives them)', async () => {
    const gaps = await workbook([...GAPS, '--lang', 'en'], 'gaps-en.xlsx');
    const names = gaps.worksheets.map((s) => s.name);
    expect(names.slice(0, 2)).toEqual(['Summary', 'Gap list']);
    expect(names.at(-1)).toBe('Unassigned');
    expect(columns(gaps.getWorksheet(names[2]!)!).has('role')).toBe(true);
  });

  it('names the compare workbook\'s sheets and headers in English', async () => {
    const compare = await workbook([...COMPARE, '--lang', 'en'], 'compare-en.xlsx');
    expect(compare.worksheets.map((s) => s.name)).toEqual(['Summary', 'Changes']);
    expect(columns(compare.getWorksheet('Changes')!).has('value before')).toBe(true);
  });
});

describe('where a workbook may go', () => {
  it('is refused on a terminal without -o, and written to a file or a pipe', () => {
    expect(BINARY.has('xlsx')).toBe(true);
    expect(() => refuseBinaryToTerminal('xlsx', undefined, true)).toThrow(UsageError);
    expect(() => refuseBinaryToTerminal('xlsx', undefined, true)).toThrow(/-o FILE/);
    expect(() => refuseBinaryToTerminal('xlsx', 'out.xlsx', true)).not.toThrow();
    expect(() => refuseBinaryToTerminal('xlsx', undefined, false)).not.toThrow();
    expect(() => refuseBinaryToTerminal('table', undefined, true)).not.toThrow();
    expect(() => refuseBinaryToTerminal('json', undefined, true)).not.toThrow();
  });

  it('goes to stdout as bytes when stdout is a pipe', async () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/dabiao.js'), ...COMPARE, '--format', 'xlsx'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    expect(r.status, String(r.stderr)).toBe(0);
    expect(r.stdout.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.stdout as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['摘要', '变化']);
  });
});

describe('sheet names and long tables', () => {
  it('makes names Excel accepts: ≤ 31 characters, no []:*?/\\, unique regardless of case', () => {
    expect(sanitiseSheetName('市文广新局/市财政局')).toBe('市文广新局／市财政局');
    expect(sanitiseSheetName('a[b]c:d*e?f\\g')).toBe('a［b］c：d＊e？f＼g');
    expect(sanitiseSheetName(`'quoted'`)).toBe('quoted');
    expect(sanitiseSheetName('   ')).toBe('Sheet');
    expect(sanitiseSheetName('x'.repeat(40))).toHaveLength(31);
    expect(sanitiseSheetName(`${'文'.repeat(30)}😀`)).toBe('文'.repeat(30));
    const names = new SheetNames();
    expect(['Summary', 'summary', 'History', 'y'.repeat(40), 'y'.repeat(35)].map((x) => names.take(x))).toEqual([
      'Summary',
      'summary (2)',
      'History (2)',
      'y'.repeat(31),
      `${'y'.repeat(27)} (2)`,
    ]);
  });

  it('writes text that starts like a formula, or with a tab or CR, as that text', async () => {
    const texts = ['=HYPERLINK("http://x")', '+1', '-1', '@SUM(A1)', '\t=1+1', '\r=1+1', '=1+1\u0007'];
    const chunks: Buffer[] = [];
    await writeWorkbook({ write: (c) => void chunks.push(Buffer.from(c)) }, async (book) => {
      const sheet = book.table('t', [{ header: 'text', width: 20 }]);
      for (const t of texts) await sheet.add([t]);
      sheet.end();
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const cells = dataRows(wb.getWorksheet('t')!).map((r) => r.getCell(1));
    expect(cells.map((c) => c.type)).toEqual(texts.map(() => ExcelJS.ValueType.String));
    // A control character XML cannot hold is dropped, a CR becomes a line feed; the rest is kept as written.
    expect(cells.map((c) => c.value)).toEqual([...texts.slice(0, 5), '\n=1+1', '=1+1']);
  });

  it('goes on in a numbered sheet past the last row a sheet holds', async () => {
    const chunks: Buffer[] = [];
    await writeWorkbook({ write: (c) => void chunks.push(Buffer.from(c)) }, async (book) => {
      const sheet = book.table('结果', [{ header: 'n', width: 8 }], 3);
      for (let i = 1; i <= 5; i++) await sheet.add([i]);
      sheet.end();
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => [s.name, s.getSheetValues().filter(Boolean).map((r) => (r as unknown[])[1])])).toEqual([
      ['结果', ['n', 1, 2]],
      ['结果 (2)', ['n', 3, 4]],
      ['结果 (3)', ['n', 5]],
    ]);
    expect(wb.getWorksheet('结果 (3)')!.autoFilter).toBe('A1:A2');
  });
});
