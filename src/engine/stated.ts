// Figures the data states in words: 达标 / 未达标 (the verdict itself) or 部分 (partly) in a numeric column.
import type { Metric } from '../standard/types.js';
import type { Value } from '../data/values.js';
import type { Actual, Context, Reason, Status } from './types.js';

export interface Stated {
  status: Status;
  actual: Actual;
  value: string;
  reasons: Reason[];
}

/**
 * `everyMember`: the target is "all of them" (100%), which 部分 (partly) already misses. A stated 达标 answers
 * only the line it was stated against — the indicator's own check — not another tier's different target.
 */
export function stated(v: Value, metric: Metric, everyMember: boolean, ctx: Context): Stated | undefined {
  const actual: Actual = { kind: 'value', value: v, metric: metric.key };
  if (v.kind === 'verdict') {
    const value = v.value ? 'met' : 'not-met';
    if (ctx.onBaseCheck) return { status: v.value ? 'pass' : 'fail', actual, value, reasons: [] };
    return { status: 'missing', actual, value, reasons: [{ code: 'stated-other-tier', metric: metric.key, said: v.value }] };
  }
  if (v.kind === 'partial') {
    if (everyMember) return { status: 'fail', actual, value: 'partial', reasons: [{ code: 'partial', metric: metric.key }] };
    return { status: 'missing', actual, value: 'partial', reasons: [{ code: 'partial-unknown', metric: metric.key }] };
  }
  return undefined;
}
