import type { StatusCheck } from '../../standard/types.js';
import type { Evaluator } from '../types.js';
import { read } from '../read.js';
import { notKept } from './not-kept.js';

export const status: Evaluator<StatusCheck> = (check, entity, ctx) => {
  const metric = ctx.metrics.get(check.metric)!;
  const target = { kind: 'check', check } as const;
  const r = read(entity, check.metric, ctx);
  if ('na' in r) return notKept(metric, entity, check);
  if ('missing' in r) return { status: 'missing', target, reasons: r.missing, check };
  const v = r.value;
  const actual = { kind: 'value', value: v, metric: metric.key } as const;
  if (v.kind === 'partial') return { status: 'fail', target, actual, value: 'partial', reasons: [{ code: 'partial', metric: metric.key }], check };
  const expect = check.expect ?? true;
  const ok = v.kind === 'boolean' && v.value === expect;
  return { status: ok ? 'pass' : 'fail', target, actual, value: v.kind === 'boolean' ? v.value : v.kind, reasons: [], check };
};
