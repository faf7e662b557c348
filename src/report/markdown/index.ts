// Markdown: the summary and the gap list, grouped like the terminal table, for pasting into a ticket or a wiki.
import { gathered } from '../../engine/evaluate.js';
import type { Formatter, RenderOptions, Report, Sink } from '../types.js';
import type { Result } from '../../engine/types.js';
import type { GapItem } from '../../engine/gaps.js';
import { CHANGES } from '../../engine/compare.js';
import { words, type Words } from '../../i18n/words.js';
import { formatMonth } from '../../standard/deadlines.js';
import { resultRow } from '../rows.js';
import { CHANGE_WORDS } from '../compare-words.js';
import { pushTo } from '../../util/group.js';

/** A table cell: pipes escaped, markup neutralised, line breaks kept. */
export function cell(text: unknown): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

function table(sink: Sink, head: string[], rows: Iterable<unknown[]>): void {
  sink.write(`| ${head.map(cell).join(' | ')} |\n|${head.map(() => ' --- |').join('')}\n`);
  for (const r of rows) sink.write(`| ${r.map(cell).join(' | ')} |\n`);
  sink.write('\n');
}

const WORDS = {
  zh: {
    summary: '汇总', gapList: '差距清单', entity: '对象', tier: '目标层级', none: '全部达标或不适用。', asOf: '截至',
    head: ['编号', '指标', '结果', '实际', '目标', '差距', '责任单位 / 时限'], unassigned: '未分配', pending: '未到期', waived: '已豁免',
    changes: '变化', changeHead: ['编号', '指标', '变化', '之前', '之后'], noChange: '两次提交的结果完全相同：无变化。',
  },
  en: {
    summary: 'Summary', gapList: 'Gap list', entity: 'entity', tier: 'tier', none: 'Everything passes or does not apply.', asOf: 'as of',
    head: ['id', 'indicator', 'result', 'actual', 'target', 'gap', 'responsible / deadline'], unassigned: 'Unassigned', pending: 'Not yet due', waived: 'Waived',
    changes: 'Changes', changeHead: ['id', 'indicator', 'change', 'before', 'after'], noChange: 'The two submissions give the same results: no change.',
  },
};

function resultCells(r: Result, w: Words): unknown[] {
  const x = resultRow(r, w.standard, w);
  return [x.indicator, x.title, x.status, x.actual, x.target, x.gap, [x.responsible, x.deadline].filter(Boolean).join(w.lang === 'en' ? '; ' : '；')];
}

function title(report: Extract<Report, { kind: 'check' | 'gaps' }>, w: Words, sink: Sink): void {
  const { standard, asOf } = report.evaluation;
  const t = WORDS[w.lang];
  const name = (w.lang === 'en' && standard.titleEn) || standard.title;
  sink.write(`# ${cell(name)} (${standard.id})${asOf ? ` — ${t.asOf} ${formatMonth(asOf)}` : ''}\n\n`);
}

async function check(report: Extract<Report, { kind: 'check' }>, options: RenderOptions, sink: Sink): Promise<void> {
  const evaluation = await gathered(report.evaluation);
  const w = words(evaluation.standard, options.lang);
  const t = WORDS[options.lang];
  title(report, w, sink);
  sink.write(`## ${t.summary}\n\n`);
  const statuses = ['pass', 'fail', 'missing', 'manual', 'pending', 'waived', 'na'] as const;
  table(sink, [t.entity, t.tier, ...statuses.map((s) => w.status(s))], evaluation.summary.map((s) => [s.entity, w.tier(s.tier), ...statuses.map((k) => s.counts[k])]));
  sink.write(`## ${t.gapList}\n\n`);
  const byEntity = new Map<string, Result[]>();
  for (const r of evaluation.results) if (r.status !== 'pass' && r.status !== 'na') pushTo(byEntity, r.path.join(' › '), r);
  if (byEntity.size === 0) sink.write(`${t.none}\n`);
  for (const [entity, rows] of byEntity) {
    sink.write(`### ${cell(entity)}\n\n`);
    const byCategory = new Map<string, Result[]>();
    for (const r of rows) pushTo(byCategory, w.category(r.indicator), r);
    for (const [category, list] of byCategory) {
      sink.write(`#### ${cell(category)}\n\n`);
      table(sink, t.head, list.map((r) => resultCells(r, w)));
    }
  }
}

function gaps(report: Extract<Report, { kind: 'gaps' }>, options: RenderOptions, sink: Sink): void {
  const w = words(report.evaluation.standard, options.lang);
  const t = WORDS[options.lang];
  title(report, w, sink);
  const head = [t.entity, ...t.head];
  const cells = (it: GapItem, lead = false) => [it.result.path.join(' › '), `${it.result.indicator.id}${lead ? '▲' : ''}`, ...resultCells(it.result, w).slice(1)];
  if (report.gaps.items.length === 0) sink.write(`${t.none}\n\n`);
  for (const g of report.gaps.groups) {
    sink.write(`## ${cell(g.key === undefined ? t.unassigned : report.gaps.groupBy === 'owner' ? w.term(g.key) : g.key)}\n\n`);
    table(sink, head, g.items.map((x) => cells(x.item, x.lead)));
  }
  for (const [name, items] of [[t.pending, report.gaps.pending], [t.waived, report.gaps.waived]] as const) {
    if (!items.length) continue;
    sink.write(`## ${name}\n\n`);
    table(sink, head, items.map((x) => cells(x)));
  }
}

function compare(report: Extract<Report, { kind: 'compare' }>, options: RenderOptions, sink: Sink): void {
  const { comparison } = report;
  const t = WORDS[options.lang];
  const words = CHANGE_WORDS[options.lang];
  sink.write(`# ${cell((options.lang === 'en' && comparison.standard.titleEn) || comparison.standard.title)} (${comparison.standard.id})\n\n## ${t.summary}\n\n`);
  table(sink, [t.entity, ...CHANGES.map((c) => words[c])], comparison.summary.map((s) => [s.path.join(' › '), ...CHANGES.map((c) => s.counts[c])]));
  const changed = comparison.rows.filter((r) => r.change !== 'unchanged');
  sink.write(`## ${t.changes}\n\n`);
  if (!changed.length) {
    sink.write(`${t.noChange}\n`);
    return;
  }
  const side = (s: typeof changed[number]['old']) => (s ? [s.status, s.actual].filter(Boolean).join(' · ') : '—');
  table(sink, [t.entity, ...t.changeHead], changed.map((r) => {
    const s = (r.new ?? r.old)!;
    return [s.path.join(' › '), s.indicator, s.title, words[r.change], side(r.old), side(r.new)];
  }));
}

export const markdown: Formatter = { check, gaps, compare };
