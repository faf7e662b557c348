// Figures the data states in words: 达标 / 未达标 (the verdict itself) or 部分 (partly) in a numeric column.
import type { Metric } from '../standard/types.js';
import type { Value } from '../data/values.js';
import type { Context, Reason, Status } from './types.js';

export interface Stated {
  status: Status;
  actual: string;
  reasons: Reason[];
}

/**
 * `everyMember`: the target is "all of them" (100%), which 部分 (partly) already misses. A stated 达标 answers
 * only the line it was stated against — the indicator's own check — not another tier's different target.
 */
export function stated(v: Value, metric: Metric, everyMember: boolean, ctx: Context): Stated | undefined {
  if (v.kind === 'verdict') {
    if (ctx.onBaseCheck) return { status: v.value ? 'pass' : 'fail', actual: v.value ? '达标' : '未达标', reasons: [] };
    return { status: 'missing', actual: v.value ? '达标' : '未达标', reasons: [{ code: 'stated-other-tier', label: metric.label, said: v.value ? '达标' : '未达标' }] };
  }
  if (v.kind === 'partial') {
    if (everyMember) return { status: 'fail', actual: '部分', reasons: [{ code: 'partial', label: metric.label }] };
    return { status: 'missing', actual: '部分', reasons: [{ code: 'partial-unknown', label: metric.label }] };
  }
  return undefined;
}
