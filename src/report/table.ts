// Terminal table: one block per entity, rows grouped by category, a summary line per entity and tier.
import Table from 'cli-table3';
import { Chalk, type ChalkInstance } from 'chalk';
import type { Formatter, ReportInput } from './types.js';
import type { Result, Status } from '../engine/types.js';
import type { EntitySummary } from '../engine/evaluate.js';
import { gapText } from './gap.js';
import { levelNameOf } from './common.js';
import { wrap } from './wrap.js';
import { pushTo } from '../util/group.js';

const MARK: Record<Status, string> = { pass: '✓', fail: '✗', missing: '?', manual: '✎', na: '–' };

export function statusPainter(chalk: ChalkInstance): Record<Status, (s: string) => string> {
  return { pass: chalk.green, fail: chalk.red.bold, missing: chalk.yellow, manual: chalk.cyan, na: chalk.gray };
}

export function summaryLine(s: EntitySummary, chalk: ChalkInstance, tierName?: string): string {
  const paint = statusPainter(chalk);
  const parts = (['pass', 'fail', 'missing', 'manual', 'na'] as const)
    .filter((k) => s.counts[k] > 0 || k === 'pass' || k === 'fail')
    .map((k) => paint[k](`${s.counts[k]} ${k}`));
  return `${chalk.bold(s.entity)}${tierName ? `  [${tierName}]` : ''}  ${parts.join(' · ')}`;
}

export const table: Formatter = (input) => {
  const { evaluation } = input;
  const chalk = new Chalk({ level: input.color ? 1 : 0 });
  const { standard, tiers } = evaluation;
  const tierName = (id: string) => standard.tiers.find((t) => t.id === id)?.name ?? id;
  const out: string[] = [];
  out.push(chalk.bold(`${standard.title}（${standard.id}）`) + (evaluation.asOf ? `  截至 ${evaluation.asOf} 年` : ''));

  const byEntity = new Map<string, Result[]>();
  for (const r of evaluation.results) {
    const key = r.path.join('/');
    pushTo(byEntity, key, r);
  }
  for (const rows of byEntity.values()) {
    const first = rows[0]!;
    out.push('');
    out.push(chalk.bold(`${first.path.join(' › ')}（${levelNameOf(standard, first.level)}）`));
    out.push(tiers.length > 1 ? bothTiers(rows, input, chalk, tiers, tierName) : oneTier(rows, input, chalk));
  }
  out.push('');
  for (const s of evaluation.summary) out.push(summaryLine(s, chalk, tiers.length > 1 ? tierName(s.tier) : undefined));

  return `${out.join('\n')}\n`;
};

function widths(total: number, fixed: number[], shares: number[]): number[] {
  const borders = fixed.length + shares.length + 1;
  const rest = Math.max(40, total - borders - fixed.reduce((a, b) => a + b, 0));
  return [...fixed, ...shares.map((s) => Math.max(8, Math.floor(rest * s)))];
}

function statusCell(r: Result, chalk: ChalkInstance): string {
  return statusPainter(chalk)[r.status](`${MARK[r.status]} ${r.status}`);
}

function category(r: Result): string {
  return r.indicator.category.join(' › ');
}

function oneTier(rows: Result[], input: ReportInput, chalk: ChalkInstance): string {
  const { standard } = input.evaluation;
  const colWidths = widths(input.width, [8, 11], [0.22, 0.2, 0.3, 0.28]);
  const t = new Table({
    head: ['编号', '结果', '指标', '实际', '目标', '差距'].map((h) => chalk.bold(h)),
    colWidths,
    style: { head: [], border: [] },
  });
  const fit = (texts: string[]) => texts.map((x, i) => wrap(x, colWidths[i + 2]! - 2));
  let last = '';
  for (const r of rows) {
    if (category(r) !== last) {
      last = category(r);
      t.push([{ colSpan: 6, content: chalk.dim(last) }]);
    }
    t.push([r.indicator.id, statusCell(r, chalk), ...fit([r.indicator.title, r.actual ?? '—', r.target, gapText(r, (id) => levelNameOf(standard, id))])]);
  }
  return t.toString();
}

function bothTiers(rows: Result[], input: ReportInput, chalk: ChalkInstance, tiers: string[], tierName: (id: string) => string): string {
  const { standard } = input.evaluation;
  const shareEach = 0.62 / tiers.length;
  const fixed = [8, ...tiers.map(() => 11)];
  const flexible = widths(input.width - fixed.slice(1).reduce((a, b) => a + b, 0), [8], [0.2, 0.18, ...tiers.map(() => shareEach)]);
  const colWidths = [8, flexible[1]!, flexible[2]!, ...tiers.flatMap((_, k) => [11, flexible[3 + k]!])];
  const head = ['编号', '指标', '实际', ...tiers.flatMap((t) => [t, `${tierName(t)}：目标 / 差距`])];
  const t = new Table({ head: head.map((h) => chalk.bold(wrap(h, colWidths[head.indexOf(h)]! - 2))), colWidths, style: { head: [], border: [] } });
  const w = (i: number) => colWidths[i]! - 2;
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
      const gap = gapText(r, (id) => levelNameOf(standard, id));
      const width = w(4 + 2 * k);
      return [statusCell(r, chalk), gap ? `${wrap(r.target, width)}\n${chalk.dim(wrap(gap, width))}` : wrap(r.target, width)];
    });
    t.push([r0.indicator.id, wrap(r0.indicator.title, w(1)), wrap(r0.actual ?? '—', w(2)), ...cells]);
  }
  return t.toString();
}
