// Terminal table: one block per entity, rows grouped by category, a summary line per entity and tier.
import Table from './cli-table.js';
import { Chalk, type ChalkInstance } from 'chalk';
import type { RenderOptions, Report, Sink } from '../types.js';
import type { Result, Status } from '../../engine/types.js';
import type { EntitySummary, Evaluation } from '../../engine/evaluate.js';
import { wrap } from './wrap.js';
import { words, type Words } from '../../i18n/words.js';
import { formatMonth, type Month } from '../../standard/deadlines.js';
import type { Standard } from '../../standard/types.js';
import type { Lang } from '../../i18n/lang.js';
import { resultDuty } from '../../engine/duty.js';
import { pushTo } from '../../util/group.js';

type Input = { evaluation: Evaluation } & RenderOptions;

const MARK: Record<Status, string> = { pass: '✓', fail: '✗', missing: '?', manual: '✎', pending: '…', waived: '⊘', na: '–' };

export function statusPainter(chalk: ChalkInstance): Record<Status, (s: string) => string> {
  return { pass: chalk.green, fail: chalk.red.bold, missing: chalk.yellow, manual: chalk.cyan, pending: chalk.blue, waived: chalk.magenta, na: chalk.gray };
}

export function summaryLine(s: EntitySummary, chalk: ChalkInstance, w: Words, tierName?: string): string {
  const paint = statusPainter(chalk);
  const parts = (['pass', 'fail', 'missing', 'manual', 'pending', 'waived', 'na'] as const)
    .filter((k) => s.counts[k] > 0 || k === 'pass' || k === 'fail')
    .map((k) => paint[k](`${s.counts[k]} ${w.status(k)}`));
  return `${chalk.bold(s.entity)}${tierName ? `  [${tierName}]` : ''}  ${parts.join(' · ')}`;
}

export const HEAD = {
  zh: { owners: '责任单位 / 时限', id: '编号', status: '结果', title: '指标', actual: '实际', target: '目标', gap: '差距', asOf: (m: Month) => (m.month === 12 ? `截至 ${m.year} 年` : `截至 ${m.year} 年 ${m.month} 月`), tierHead: (t: string) => `${t}：目标 / 差距` },
  en: { owners: 'responsible / deadline', id: 'id', status: 'result', title: 'indicator', actual: 'actual', target: 'target', gap: 'gap', asOf: (m: Month) => (m.month === 12 ? `as of ${m.year}` : `as of ${formatMonth(m)}`), tierHead: (t: string) => `${t}: target / gap` },
};

/** The report's first line: the standard's title and id, and the month judged. */
export function titleLine(evaluation: Evaluation, chalk: ChalkInstance, lang: Lang): string {
  const { standard } = evaluation;
  const title = (lang === 'en' && standard.titleEn) || standard.title;
  return chalk.bold(lang === 'en' ? `${title} (${standard.id})` : `${title}（${standard.id}）`) + (evaluation.asOf ? `  ${HEAD[lang].asOf(evaluation.asOf)}` : '');
}

export async function check(report: Extract<Report, { kind: 'check' }>, options: RenderOptions, sink: Sink): Promise<void> {
  const { evaluation } = report;
  const input: Input = { evaluation, ...options };
  const chalk = new Chalk({ level: input.color ? 1 : 0 });
  const { standard, tiers } = evaluation;
  const w = words(standard, input.lang);
  sink.write(`${titleLine(evaluation, chalk, input.lang)}\n`);
  // Results come entity by entity: each entity's block is drawn and written before the next is read.
  let rows: Result[] = [];
  const flush = () => {
    if (!rows.length) return;
    const first = rows[0]!;
    const heading = input.lang === 'en' ? `${first.path.join(' › ')} (${w.level(first.level)})` : `${first.path.join(' › ')}（${w.level(first.level)}）`;
    sink.write(`\n${chalk.bold(heading)}\n${tiers.length > 1 ? bothTiers(rows, input, chalk, w, tiers) : oneTier(rows, input, chalk, w)}\n`);
    rows = [];
  };
  for await (const r of evaluation.results) {
    if (rows.length && r.path.join('/') !== rows[0]!.path.join('/')) flush();
    rows.push(r);
  }
  flush();
  sink.write('\n');
  for (const s of evaluation.summary) sink.write(`${summaryLine(s, chalk, w, tiers.length > 1 ? w.tier(s.tier) : undefined)}\n`);
}

export function widths(total: number, fixed: number[], shares: number[]): number[] {
  const borders = fixed.length + shares.length + 1;
  const rest = Math.max(40, total - borders - fixed.reduce((a, b) => a + b, 0));
  return [...fixed, ...shares.map((s) => Math.max(8, Math.floor(rest * s)))];
}

export function statusCell(r: Result, chalk: ChalkInstance, w: Words): string {
  return statusPainter(chalk)[r.status](`${MARK[r.status]} ${w.status(r.status)}`);
}

function oneTier(rows: Result[], input: Input, chalk: ChalkInstance, w: Words): string {
  const head = HEAD[input.lang];
  const category = (r: Result) => w.category(r.indicator);
  // A standard with a responsibility table shows who answers for each row.
  const owners = input.evaluation.standard.tasks.length > 0 || input.evaluation.standard.indicators.some((i) => i.responsible);
  const colWidths = owners ? widths(input.width, [8, 11], [0.17, 0.16, 0.25, 0.24, 0.18]) : widths(input.width, [8, 11], [0.22, 0.2, 0.3, 0.28]);
  const t = new Table({
    head: [head.id, head.status, head.title, head.actual, head.target, head.gap, ...(owners ? [head.owners] : [])].map((h) => chalk.bold(h)),
    colWidths,
    style: { head: [], border: [] },
  });
  const fit = (texts: string[]) => texts.map((x, i) => wrap(x, colWidths[i + 2]! - 2));
  let last = '';
  for (const r of rows) {
    if (category(r) !== last) {
      last = category(r);
      t.push([{ colSpan: colWidths.length, content: chalk.dim(last) }]);
    }
    const cells = [w.title(r.indicator), w.actual(r.actual), w.target(r.target), w.gap(r)];
    if (owners) cells.push(ownersText(input.evaluation.standard, r, w));
    t.push([r.indicator.id, statusCell(r, chalk, w), ...fit(cells)]);
  }
  return t.toString();
}

/** Responsible units (▲ lead first) and the deadline that governs. */
export function ownersText(standard: Standard, r: Result, w: Words): string {
  const duty = resultDuty(standard, r);
  const deadline = duty.deadlines.map((d) => w.deadline(d)).join(w.lang === 'en' ? ', ' : '、');
  return [w.units(duty.units), deadline].filter(Boolean).join(w.lang === 'en' ? '; ' : '；');
}

function bothTiers(rows: Result[], input: Input, chalk: ChalkInstance, w: Words, tiers: string[]): string {
  const category = (r: Result) => w.category(r.indicator);
  const h = HEAD[input.lang];
  const shareEach = 0.62 / tiers.length;
  const fixed = [8, ...tiers.map(() => 11)];
  const flexible = widths(input.width - fixed.slice(1).reduce((a, b) => a + b, 0), [8], [0.2, 0.18, ...tiers.map(() => shareEach)]);
  const colWidths = [8, flexible[1]!, flexible[2]!, ...tiers.flatMap((_, k) => [11, flexible[3 + k]!])];
  const head = [h.id, h.title, h.actual, ...tiers.flatMap((t) => [t, h.tierHead(w.tier(t))])];
  const t = new Table({ head: head.map((h) => chalk.bold(wrap(h, colWidths[head.indexOf(h)]! - 2))), colWidths, style: { head: [], border: [] } });
  const cw = (i: number) => colWidths[i]! - 2;
  const byIndicator = new Map<string, Result[]>();
  for (const r of rows) pushTo(byIndicator, r.indicator.id, r);
  let last = '';
  for (const group of byIndicator.values()) {
    const r0 = group[0]!;
    if (category(r0) !== last) {
      last = category(r0);
      t.push([{ colSpan: head.length, content: chalk.dim(last) }]);
    }
    const cells = tiers.flatMap((tier, k) => {
      const r = group.find((x) => x.tier === tier);
      if (!r) return ['', ''];
      const gap = w.gap(r);
      const width = cw(4 + 2 * k);
      const target = w.target(r.target);
      return [statusCell(r, chalk, w), gap ? `${wrap(target, width)}\n${chalk.dim(wrap(gap, width))}` : wrap(target, width)];
    });
    t.push([r0.indicator.id, wrap(w.title(r0.indicator), cw(1)), wrap(w.actual(r0.actual), cw(2)), ...cells]);
  }
  return t.toString();
}
