// Terminal comparison: per entity, the indicators whose result changed, then the counts of each change.
import Table from './cli-table.js';
import { Chalk, type ChalkInstance } from 'chalk';
import type { RenderOptions, Report, Sink } from '../types.js';
import type { Change, ChangeRow, Snapshot } from '../../engine/compare.js';
import { CHANGES } from '../../engine/compare.js';
import { CHANGE_WORDS } from '../compare-words.js';
import { formatNumber } from '../../data/values.js';
import { pushTo } from '../../util/group.js';
import { widths } from './check.js';
import { wrap } from './wrap.js';

export const WORDS = {
  zh: {
    change: CHANGE_WORDS.zh,
    status: { pass: '达标', fail: '未达标', missing: '缺数据', manual: '待核查', pending: '未到期', waived: '已豁免', na: '不适用' } as Record<string, string>,
    head: ['编号', '指标', '变化', '之前', '之后', '数值变化', '差距变化'],
    noChange: '两次提交的结果完全相同：无变化。',
    title: (id: string) => `比较（${id}）`,
    tier: (t: string) => `［${t}］`,
  },
  en: {
    change: CHANGE_WORDS.en,
    status: { pass: 'pass', fail: 'fail', missing: 'missing', manual: 'manual', pending: 'not yet due', waived: 'waived', na: 'n/a' } as Record<string, string>,
    head: ['id', 'indicator', 'change', 'before', 'after', 'value change', 'gap change'],
    noChange: 'The two submissions give the same results: no change.',
    title: (id: string) => `Comparison (${id})`,
    tier: (t: string) => ` [${t}]`,
  },
};

function painter(chalk: ChalkInstance): Record<Change, (s: string) => string> {
  return { 'newly-passing': chalk.green.bold, improved: chalk.green, unchanged: chalk.gray, regressed: chalk.red, 'newly-failing': chalk.red.bold, added: chalk.cyan, removed: chalk.yellow };
}

export function compare(report: Extract<Report, { kind: 'compare' }>, options: RenderOptions, sink: Sink): void {
  const { comparison } = report;
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const t = WORDS[options.lang];
  const name = (options.lang === 'en' && comparison.standard.titleEn) || comparison.standard.title;
  const out = [chalk.bold(`${t.title(comparison.standard.id)} ${name}`)];
  const changed = comparison.rows.filter((r) => r.change !== 'unchanged');
  if (changed.length === 0) out.push('', t.noChange);
  const byEntity = new Map<string, ChangeRow[]>();
  for (const r of changed) pushTo(byEntity, (r.new ?? r.old)!.path.join(' › '), r);
  const tiers = new Set(comparison.rows.map((r) => (r.new ?? r.old)!.tier));
  for (const [entity, rows] of byEntity) {
    out.push('', chalk.bold(entity), rowsTable(rows, options, chalk, tiers.size > 1));
  }
  out.push('');
  const paint = painter(chalk);
  for (const s of comparison.summary) {
    const parts = CHANGES.filter((c) => s.counts[c] > 0).map((c) => paint[c](`${s.counts[c]} ${t.change[c]}`));
    out.push(`${chalk.bold(s.path.join(' › '))}  ${parts.join(' · ')}`);
  }
  sink.write(`${out.join('\n')}\n`);
}

function side(s: Snapshot | undefined, lang: 'zh' | 'en'): string {
  if (!s) return '—';
  return `${WORDS[lang].status[s.status] ?? s.status}${s.actual ? `\n${s.actual}` : ''}`;
}

export function delta(n: number | undefined, unit?: string, lang: 'zh' | 'en' = 'zh'): string {
  if (n === undefined || n === 0) return '';
  const shown = Math.abs(n) >= 1 ? +n.toFixed(2) : +n.toPrecision(2);
  const u = unit === '%' ? (lang === 'en' ? ' pp' : ' 个百分点') : unit ? ` ${unit}` : '';
  return `${n > 0 ? '+' : ''}${formatNumber(shown)}${u}`;
}

function rowsTable(rows: ChangeRow[], options: RenderOptions, chalk: ChalkInstance, showTier: boolean): string {
  const t = WORDS[options.lang];
  const colWidths = widths(options.width, [8], [0.2, 0.11, 0.2, 0.2, 0.11, 0.11]);
  const table = new Table({ head: t.head.map((h) => chalk.bold(h)), colWidths, style: { head: [], border: [] } });
  const fit = (text: string, i: number) => wrap(text, colWidths[i]! - 2);
  const paint = painter(chalk);
  for (const r of rows) {
    const s = (r.new ?? r.old)!;
    const unit = (r.new?.gap ?? r.old?.gap)?.unit;
    table.push([
      s.indicator,
      fit(`${s.title}${showTier ? t.tier(s.tier) : ''}`, 1),
      paint[r.change](fit(t.change[r.change], 2)),
      fit(side(r.old, options.lang), 3),
      fit(side(r.new, options.lang), 4),
      fit(delta(r.valueDelta, unit, options.lang), 5),
      fit(delta(r.gapDelta, unit, options.lang), 6),
    ]);
  }
  return table.toString();
}
