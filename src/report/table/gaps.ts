// Terminal gap list: one section per responsible unit (or indicator, or entity), each a table of what falls
// short, then what is not yet due, what is waived, and waivers that expired or were not used.
import Table from './cli-table.js';
import { Chalk, type ChalkInstance } from 'chalk';
import type { RenderOptions, Report, Sink } from '../types.js';
import type { GapGroupBy, GapItem } from '../../engine/gaps.js';
import type { Waiver } from '../../engine/types.js';
import { words, type Words } from '../../i18n/words.js';
import { statusCell, titleLine, widths } from './check.js';
import { wrap } from './wrap.js';

export const WORDS = {
  zh: {
    by: { owner: '按责任单位', indicator: '按指标', entity: '按对象' } as Record<GapGroupBy, string>,
    heading: (n: number, p: number, wv: number) => `差距清单 · ${n} 项待处理${p ? ` · ${p} 项未到期` : ''}${wv ? ` · ${wv} 项已豁免` : ''}`,
    unassigned: '未分配（责任分解表未列责任单位）',
    lead: (l: number, o: number) => `牵头 ${l} 项${o ? `，配合 ${o} 项` : ''}`,
    count: (n: number) => `${n} 项`,
    head: ['编号', '对象', '结果', '指标 / 目标', '实际', '差距', '责任单位 / 时限'],
    pending: '未到期（以 --as-of 为准，暂不计为未达标）',
    waived: '已豁免',
    waiver: (x: Waiver) => `豁免：${x.reason}（批准：${x.by}，有效期至 ${x.expires}；${x.file}:${x.line}）`,
    expired: '已过期的豁免（已忽略，相关项目按实际结果列出）',
    unused: '未使用的豁免（所涉项目并无差距）',
    none: '没有需要处理的差距。',
    leadMark: '▲ 牵头',
  },
  en: {
    by: { owner: 'by responsible unit', indicator: 'by indicator', entity: 'by entity' } as Record<GapGroupBy, string>,
    heading: (n: number, p: number, wv: number) => `Gap list · ${n} to act on${p ? ` · ${p} not yet due` : ''}${wv ? ` · ${wv} waived` : ''}`,
    unassigned: 'Unassigned (no responsible unit in the responsibility table)',
    lead: (l: number, o: number) => `leads ${l}${o ? `, supports ${o}` : ''}`,
    count: (n: number) => `${n} item${n === 1 ? '' : 's'}`,
    head: ['id', 'entity', 'result', 'indicator / target', 'actual', 'gap', 'responsible / deadline'],
    pending: 'Not yet due (as of --as-of; not counted as failing)',
    waived: 'Waived',
    waiver: (x: Waiver) => `waived: ${x.reason} (approved by ${x.by}, until ${x.expires}; ${x.file}:${x.line})`,
    expired: 'Expired waivers (ignored; the items they covered are listed as they stand)',
    unused: 'Unused waivers (nothing they cover falls short)',
    none: 'Nothing to act on.',
    leadMark: '▲ lead',
  },
};

export function gaps(report: Extract<Report, { kind: 'gaps' }>, options: RenderOptions, sink: Sink): void {
  const { evaluation, gaps: list } = report;
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const w = words(evaluation.standard, options.lang);
  const t = WORDS[options.lang];
  const paren = (s: string) => (options.lang === 'en' ? ` (${s})` : `（${s}）`);
  const out: string[] = [titleLine(evaluation, chalk, options.lang), chalk.bold(`${t.heading(list.items.length, list.pending.length, list.waived.length)}${paren(t.by[list.groupBy])}`)];
  if (list.items.length === 0) out.push('', t.none);
  for (const g of list.groups) {
    const leads = g.items.filter((x) => x.lead).length;
    const title = g.key === undefined ? t.unassigned : `${list.groupBy === 'owner' ? w.term(g.key) : g.key}${paren(list.groupBy === 'owner' ? t.lead(leads, g.items.length - leads) : t.count(g.items.length))}`;
    out.push('', chalk.bold(title));
    out.push(itemsTable(g.items.map((x) => ({ item: x.item, lead: x.lead })), options, chalk, w));
  }
  if (list.pending.length) out.push('', chalk.bold(t.pending), itemsTable(list.pending.map((item) => ({ item, lead: false })), options, chalk, w));
  if (list.waived.length) {
    out.push('', chalk.bold(t.waived), itemsTable(list.waived.map((item) => ({ item, lead: false })), options, chalk, w, (it) => t.waiver(it.result.waived!.waiver)));
  }
  for (const [title, waivers] of [[t.expired, list.expiredWaivers], [t.unused, list.unusedWaivers]] as const) {
    if (!waivers.length) continue;
    out.push('', chalk.bold(title));
    for (const x of waivers) out.push(`  ${x.indicator}${x.entity ? ` ${x.entity}` : ''}: ${t.waiver(x)}`);
  }
  sink.write(`${out.join('\n')}\n`);
}

function itemsTable(rows: { item: GapItem; lead: boolean }[], options: RenderOptions, chalk: ChalkInstance, w: Words, extra?: (it: GapItem) => string): string {
  const t = WORDS[options.lang];
  const colWidths = widths(options.width, [9, 11], [0.13, 0.27, 0.14, 0.25, 0.21]);
  const table = new Table({ head: [t.head[0]!, t.head[2]!, t.head[1]!, ...t.head.slice(3)].map((h) => chalk.bold(h)), colWidths, style: { head: [], border: [] } });
  const fit = (text: string, i: number) => wrap(text, colWidths[i]! - 2);
  for (const { item, lead } of rows) {
    const r = item.result;
    const titleTarget = `${w.title(r.indicator)}\n${chalk.dim(w.target(r.target))}`;
    const gap = [w.gap(r), ...(extra ? [extra(item)] : [])].filter(Boolean).join('\n');
    const units = w.units(item.duty.units);
    const deadline = [item.duty.deadlines.map((d) => w.deadline(d)).join(options.lang === 'en' ? ', ' : '、'), item.duty.tasks.map((x) => w.task(x)).join(options.lang === 'en' ? ', ' : '')].filter(Boolean).join(' ');
    const owner = [units, deadline].filter(Boolean).join('\n');
    table.push([
      `${r.indicator.id}${lead ? '▲' : ''}`,
      statusCell(r, chalk, w),
      fit(r.path.join(' › '), 2),
      fit(titleTarget, 3),
      fit(w.actual(r.actual), 4),
      fit(gap, 5),
      fit(owner, 6),
    ]);
  }
  return table.toString();
}
