// The workbook of `check`: a summary sheet (standard, --as-of, inputs; counts per entity and tier), then the
// results sheet, one row per result, written as the results come; a waivers sheet when a waivers file was given.
import type { RenderOptions, Report, Sink } from '../types.js';
import type { Actual, Gap, Outcome, Result, Waiver } from '../../engine/types.js';
import { STATUSES } from '../../engine/types.js';
import { gathered, type Evaluation } from '../../engine/evaluate.js';
import type { Duty } from '../../engine/duty.js';
import { resultDuty } from '../../engine/duty.js';
import { formatMonth } from '../../standard/deadlines.js';
import { words, type Words } from '../../i18n/words.js';
import { VERSION } from '../../version.js';
import { writeWorkbook, type Book, type Cell, type Column, type SummarySheet } from './sheet.js';
import { STATUS_STYLE } from './styles.js';
import { xlsxWords, type XlsxWords } from './words.js';

export async function check(report: Extract<Report, { kind: 'check' }>, options: RenderOptions, sink: Sink): Promise<void> {
  // The summary sheet comes first, so the results are read before any sheet is written.
  const evaluation = await gathered(report.evaluation);
  const w = words(evaluation.standard, options.lang);
  const t = xlsxWords(options.lang);
  await writeWorkbook(sink, async (book) => {
    const summary = book.summary(t.sheet.summary, [22, 14, 10, ...STATUSES.map(() => 10), 10]);
    runHeader(summary, evaluation, report.inputs, w, t);
    summary.blank();
    summary.line(t.label.counts);
    summary.header([t.col.entity, t.col.level, t.col.tier, ...STATUSES.map((s) => ({ value: w.status(s), style: STATUS_STYLE[s] })), t.col.total]);
    for (const s of evaluation.summary) {
      const counts = STATUSES.map((k) => s.counts[k]);
      summary.row([s.entity, w.level(s.level), w.tier(s.tier), ...counts, counts.reduce((a, b) => a + b, 0)]);
    }
    warningLines(summary, report.warnings, t);
    summary.end();

    const sheet = book.table(t.sheet.results, resultColumns(t));
    for (const r of evaluation.results) await sheet.add(resultCells(r, resultDuty(evaluation.standard, r), w));
    sheet.end();

    if (evaluation.waivers.length) await waiverSheet(book, t.sheet.waivers, evaluation.waivers.map((u) => ({ waiver: u.waiver, used: u.used })), t, w);
  });
}

/** The lines every summary starts with: the standard, the month judged, the tiers, the inputs, the tool. */
export function runHeader(sheet: SummarySheet, evaluation: Evaluation, inputs: { file: string; encoding?: string }[], w: Words, t: XlsxWords): void {
  const { standard } = evaluation;
  sheet.title(t.title((w.lang === 'en' && standard.titleEn) || standard.title, standard.id));
  sheet.line(t.label.asOf, evaluation.asOf ? formatMonth(evaluation.asOf) : t.label.notGiven);
  sheet.line(t.label.tiers, evaluation.tiers.map((x) => w.tier(x)).join(w.lang === 'en' ? ', ' : '、'));
  inputs.forEach((x, i) => sheet.line(i === 0 ? t.label.inputs : '', `${x.file}${x.encoding ? t.encoding(x.encoding) : ''}`));
  sheet.line(t.label.tool, `dabiao ${VERSION}`);
}

export function warningLines(sheet: SummarySheet, warnings: string[], t: XlsxWords): void {
  if (!warnings.length) return;
  sheet.blank();
  sheet.header([t.col.warning]);
  for (const x of warnings) sheet.row([x]);
}

export function resultColumns(t: XlsxWords): Column[] {
  const c = t.col;
  return [
    { header: c.entity, width: 14 },
    { header: c.path, width: 24 },
    { header: c.level, width: 8 },
    { header: c.id, width: 10 },
    { header: c.title, width: 28 },
    { header: c.category, width: 16 },
    { header: c.tier, width: 8 },
    { header: c.status, width: 10 },
    { header: c.value, width: 11 },
    { header: c.unit, width: 8 },
    { header: c.actual, width: 30 },
    { header: c.target, width: 40 },
    { header: c.gap, width: 10 },
    { header: c.gapUnit, width: 10 },
    { header: c.gapPercent, width: 10 },
    { header: c.gapText, width: 36 },
    { header: c.units, width: 28 },
    { header: c.deadline, width: 14 },
    { header: c.tasks, width: 12 },
  ];
}

/** One result as a row of the results sheet (and of the gap sheets), in the order of resultColumns. */
export function resultCells(r: Result, duty: Duty, w: Words): Cell[] {
  const sep = w.lang === 'en' ? ', ' : '、';
  const value = typeof r.value === 'number' ? r.value : undefined;
  return [
    r.entity,
    r.path.join(' › '),
    w.level(r.level),
    r.indicator.id,
    w.title(r.indicator),
    w.category(r.indicator),
    w.tier(r.tier),
    statusCell(r, w),
    value,
    value === undefined ? undefined : valueUnit(r.actual, w),
    r.actual ? w.actual(r.actual) : undefined,
    w.target(r.target),
    r.gap?.amount,
    gapUnit(r, w),
    r.gap && !r.gap.steps ? r.gap.percent : undefined,
    w.gap(r),
    w.units(duty.units),
    duty.deadlines.map((d) => w.deadline(d)).join(sep),
    duty.tasks.map((x) => w.task(x)).join(w.lang === 'en' ? ', ' : ''),
  ];
}

export function statusCell(r: { status: Result['status'] }, w: Words): Cell {
  return { value: w.status(r.status), style: STATUS_STYLE[r.status] };
}

/** The unit of a result's value (the number in `value`): the metric's, a computed figure's, % for a share. */
export function valueUnit(a: Actual | undefined, w: Words): string | undefined {
  switch (a?.kind) {
    case 'value':
      return a.value.kind === 'number' ? w.unitOf(a.metric) : undefined;
    case 'number':
      return a.unit;
    case 'tally':
    case 'counted':
      return '%';
    case 'evidenced':
      return valueUnit(a.of, w);
    case 'banded':
      return valueUnit(a.value, w);
    default:
      return undefined;
  }
}

/** The unit of a gap's amount: the target's unit (percentage points for a rate), grades, or the members counted. */
export function gapUnit(o: Outcome, w: Words): string | undefined {
  const g: Gap | undefined = o.gap;
  if (!g) return undefined;
  const t = xlsxWords(w.lang);
  if (g.steps) return t.steps;
  if (g.unit === '%') return t.percentagePoints;
  if (g.unit) return g.unit;
  const c = o.check;
  if (g.entities !== undefined && 'level' in c && typeof c.level === 'string') return w.levels(c.level, 'levelKind' in c ? (c.levelKind as string | undefined) : undefined);
  return undefined;
}

/** Waivers: what each says, and how many results it waived (or that it expired or went unused). */
export async function waiverSheet(book: Book, name: string, rows: { waiver: Waiver; used?: number; state?: string }[], t: XlsxWords, w: Words): Promise<void> {
  const c = t.col;
  const stateful = rows.some((x) => x.state !== undefined);
  const sheet = book.table(name, [
    ...(stateful ? [{ header: c.state, width: 10 }] : []),
    { header: c.indicator, width: 10 },
    { header: c.entity, width: 14 },
    { header: c.tier, width: 8 },
    { header: c.reason, width: 40 },
    { header: c.by, width: 18 },
    { header: c.expires, width: 12 },
    { header: c.source, width: 28 },
    ...(stateful ? [] : [{ header: c.used, width: 10 }]),
  ]);
  for (const { waiver: x, used, state } of rows) {
    await sheet.add([
      ...(stateful ? [state] : []),
      x.indicator,
      x.entity,
      x.tier ? w.tier(x.tier) : undefined,
      x.reason,
      x.by,
      x.expires,
      `${x.file}:${x.line}`,
      ...(stateful ? [] : [used ?? 0]),
    ]);
  }
  sheet.end();
}
