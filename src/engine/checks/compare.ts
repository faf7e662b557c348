import type { CompareCheck } from '../../standard/types.js';
import type { Evaluator } from '../types.js';
import { read } from '../read.js';
import { gapOf, meets } from '../math.js';
import { unitOf } from '../units.js';
import { notKept } from './not-kept.js';
import { stated } from '../stated.js';

export const compare: Evaluator<CompareCheck> = (check, entity, ctx) => {
  const metric = ctx.metrics.get(check.metric)!;
  const target = { kind: 'check', check } as const;
  const r = read(entity, check.metric, ctx);
  if ('na' in r) return notKept(metric, entity, check);
  if ('missing' in r) return { status: 'missing', target, reasons: r.missing, check };
  const said = stated(r.value, metric, metric.type === 'percent' && check.op === '>=' && check.value === 100, ctx);
  if (said) return { ...said, target, check };
  if (r.value.kind !== 'number') return { status: 'missing', target, reasons: [{ code: 'missing-value', metric: metric.key }], check };
  const n = r.value.value;
  const ok = meets(n, check.op, check.value);
  return {
    status: ok ? 'pass' : 'fail',
    target,
    actual: { kind: 'value', value: r.value, metric: metric.key },
    value: n,
    gap: ok ? undefined : gapOf(n, check.op, check.value, unitOf(metric)),
    reasons: [],
    check,
  };
};
