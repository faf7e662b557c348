// CSV: UTF-8 with a BOM (so Excel shows Chinese), one row per result (or gap, or change), written with
// csv-stringify row by row. Any text cell that a spreadsheet would run as a formula is neutralised.
import { stringify } from 'csv-stringify/sync';
import type { Formatter, RenderOptions, Report, Sink } from '../types.js';
import { words } from '../../i18n/words.js';
import { resultRow, ROW_HEADERS, type ResultRow } from '../rows.js';
import { CHANGE_WORDS } from '../compare-words.js';
import type { Outcome } from '../../engine/types.js';

/** OWASP CSV injection: a cell starting with = + - @ (or tab / CR) gets a leading apostrophe. Numbers stay numbers. */
export function neutralise(cell: unknown): unknown {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function writer(sink: Sink) {
  let first = true;
  return (cells: unknown[]) => {
    sink.write(`${first ? '\uFEFF' : ''}${stringify([cells.map(neutralise)], { record_delimiter: '\r\n' })}`);
    first = false;
  };
}

const COLUMNS: (keyof ResultRow)[] = ['entity', 'path', 'level', 'indicator', 'title', 'tier', 'status', 'statusCode', 'value', 'unit', 'actual', 'target', 'gapAmount', 'gapUnit', 'gapPercent', 'gap', 'responsible', 'deadline', 'tasks'];

async function check(report: Extract<Report, { kind: 'check' }>, options: RenderOptions, sink: Sink): Promise<void> {
  const w = words(report.evaluation.standard, options.lang);
  const row = writer(sink);
  // --all-failures: one more column, every member that falls short (the gap text names the first few).
  const members = options.allFailures ? [options.lang === 'en' ? 'members short' : '未达标成员'] : [];
  row([...COLUMNS.map((c) => ROW_HEADERS[options.lang][c]), ...members]);
  for await (const r of report.evaluation.results) {
    const x = resultRow(r, report.evaluation.standard, w);
    row([...COLUMNS.map((c) => x[c] ?? ''), ...(options.allFailures ? [membersShort(r).join(options.lang === 'en' ? ', ' : '、')] : [])]);
  }
}

function gaps(report: Extract<Report, { kind: 'gaps' }>, options: RenderOptions, sink: Sink): void {
  const { standard } = report.evaluation;
  const w = words(standard, options.lang);
  const en = options.lang === 'en';
  const row = writer(sink);
  row([en ? 'group' : '分组', en ? 'lead' : '牵头', en ? 'overdue' : '逾期', ...COLUMNS.map((c) => ROW_HEADERS[options.lang][c])]);
  const unassigned = en ? 'Unassigned' : '未分配';
  for (const g of report.gaps.groups) {
    for (const { item, lead } of g.items) {
      const x = resultRow(item.result, standard, w);
      row([g.key === undefined ? unassigned : w.term(g.key), lead ? '▲' : '', item.overdue ? (en ? 'yes' : '是') : '', ...COLUMNS.map((c) => x[c] ?? '')]);
    }
  }
  const sections = [[en ? 'not yet due' : '未到期', report.gaps.pending], [en ? 'waived' : '已豁免', report.gaps.waived]] as const;
  for (const [name, items] of sections) {
    for (const item of items) {
      const x = resultRow(item.result, standard, w);
      row([name, '', '', ...COLUMNS.map((c) => x[c] ?? '')]);
    }
  }
}

function compare(report: Extract<Report, { kind: 'compare' }>, options: RenderOptions, sink: Sink): void {
  const en = options.lang === 'en';
  const row = writer(sink);
  row(en ? ['entity', 'path', 'indicator', 'title', 'tier', 'change', 'status before', 'status after', 'value before', 'value after', 'value change', 'gap change', 'actual before', 'actual after'] : ['对象', '路径', '指标编号', '指标', '目标层级', '变化', '之前结果', '之后结果', '之前数值', '之后数值', '数值变化', '差距变化', '之前实际', '之后实际']);
  for (const r of report.comparison.rows) {
    const s = (r.new ?? r.old)!;
    const v = (x: unknown) => (typeof x === 'number' || typeof x === 'string' ? x : '');
    row([s.entity, s.path.join(' › '), s.indicator, s.title, s.tier, CHANGE_WORDS[options.lang][r.change], r.old?.status ?? '', r.new?.status ?? '', v(r.old?.value), v(r.new?.value), r.valueDelta ?? '', r.gapDelta ?? '', r.old?.actual ?? '', r.new?.actual ?? '']);
  }
}

export const csv: Formatter = { check, gaps, compare };

/** Every member named as falling short anywhere in a result's outcome, once each, in order. */
function membersShort(o: Outcome): string[] {
  const names = new Set<string>();
  const stack: Outcome[] = [o];
  while (stack.length) {
    const x = stack.shift()!;
    for (const n of x.shortfall ?? []) names.add(n);
    stack.push(...(x.parts ?? []));
  }
  return [...names];
}
