import type { StatusCheck } from '../../standard/types.js';
import type { Evaluator } from '../types.js';
import { read } from '../read.js';
import { describe } from '../describe.js';
import { levelName } from '../evaluate-check.js';
import { notKept } from './not-kept.js';
import { formatValue } from '../../data/values.js';

export const status: Evaluator<StatusCheck> = (check, entity, ctx) => {
  const metric = ctx.metrics.get(check.metric)!;
  const target = describe(check, ctx.metrics, (id, kind) => levelName(ctx, id, kind));
  const r = read(entity, check.metric, ctx);
  if ('na' in r) return notKept(metric, entity, ctx, target, check);
  if ('missing' in r) return { status: 'missing', target, reasons: r.missing, check };
  const v = r.value;
  const actual = formatValue(v, metric);
  if (v.kind === 'partial') return { status: 'fail', target, actual, value: 'partial', reasons: [{ code: 'partial', label: metric.label }], check };
  const expect = check.expect ?? true;
  const ok = v.kind === 'boolean' && v.value === expect;
  return { status: ok ? 'pass' : 'fail', target, actual, value: v.kind === 'boolean' ? v.value : actual, reasons: [], check };
};
