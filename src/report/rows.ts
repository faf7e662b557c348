// One flat row per result, in the words of the report's language: what CSV, Markdown and spreadsheets show.
import type { Result } from '../engine/types.js';
import type { Standard } from '../standard/types.js';
import { resultDuty } from '../engine/duty.js';
import { unitOf } from '../engine/units.js';
import type { Words } from '../i18n/words.js';

export interface ResultRow {
  entity: string;
  path: string;
  level: string;
  indicator: string;
  title: string;
  tier: string;
  status: string;
  statusCode: string;
  value: number | string | undefined;
  unit: string | undefined;
  actual: string;
  target: string;
  gapAmount: number | undefined;
  gapUnit: string | undefined;
  gapPercent: number | undefined;
  gap: string;
  responsible: string;
  deadline: string;
  tasks: string;
}

/** The unit a result's value is in, when it is a single metric's number. */
function valueUnit(r: Result, standard: Standard): string | undefined {
  if (typeof r.value !== 'number') return undefined;
  if (r.actual?.kind === 'value') return unitOf(standard.metrics.find((m) => m.key === (r.actual as { metric: string }).metric));
  if (r.actual?.kind === 'number') return r.actual.unit;
  if (r.actual?.kind === 'tally') return '%';
  return undefined;
}

export function resultRow(r: Result, standard: Standard, w: Words): ResultRow {
  const duty = resultDuty(standard, r);
  const sep = w.lang === 'en' ? ', ' : '、';
  return {
    entity: r.entity,
    path: r.path.join(' › '),
    level: w.level(r.level),
    indicator: r.indicator.id,
    title: w.title(r.indicator),
    tier: w.tier(r.tier),
    status: w.status(r.status),
    statusCode: r.status,
    value: typeof r.value === 'number' ? r.value : typeof r.value === 'boolean' ? (r.value ? (w.lang === 'en' ? 'yes' : '是') : w.lang === 'en' ? 'no' : '否') : r.value,
    unit: valueUnit(r, standard),
    actual: r.actual ? w.actual(r.actual) : '',
    target: w.target(r.target),
    gapAmount: r.gap?.amount,
    gapUnit: r.gap ? (r.gap.steps ? (w.lang === 'en' ? 'grades' : '级') : r.gap.unit) : undefined,
    gapPercent: r.gap?.unit !== '%' ? r.gap?.percent : undefined,
    gap: w.gap(r),
    responsible: w.units(duty.units),
    deadline: duty.deadlines.map((d) => w.deadline(d)).join(sep),
    tasks: duty.tasks.map((t) => w.task(t)).join(sep),
  };
}

export const ROW_HEADERS: Record<'zh' | 'en', Record<keyof ResultRow, string>> = {
  zh: {
    entity: '对象', path: '路径', level: '层级', indicator: '指标编号', title: '指标', tier: '目标层级', status: '结果', statusCode: '结果代码',
    value: '数值', unit: '单位', actual: '实际', target: '目标', gapAmount: '差距', gapUnit: '差距单位', gapPercent: '差距百分比',
    gap: '差距说明', responsible: '责任单位', deadline: '完成时限', tasks: '子任务',
  },
  en: {
    entity: 'entity', path: 'path', level: 'level', indicator: 'indicator', title: 'title', tier: 'tier', status: 'result', statusCode: 'status',
    value: 'value', unit: 'unit', actual: 'actual', target: 'target', gapAmount: 'gap', gapUnit: 'gap unit', gapPercent: 'gap %',
    gap: 'gap text', responsible: 'responsible', deadline: 'deadline', tasks: 'sub-tasks',
  },
};
