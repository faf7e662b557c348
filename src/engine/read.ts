// Reading a metric's value for an entity, computing a derived ratio from its parts when it is not supplied.
import type { Metric } from '../standard/types.js';
import type { Entity } from '../data/dataset.js';
import type { Value } from '../data/values.js';
import type { Context, Reason } from './types.js';

export type Read = { value: Value } | { missing: Reason[] } | { na: true };

export function read(entity: Entity, key: string, ctx: Context): Read {
  const metric = ctx.metrics.get(key)!;
  if (!metric.levels.includes(entity.level)) return { na: true };
  const direct = entity.values.get(key);
  if (direct) return { value: direct };
  const ratio = metric.derive?.ratio;
  if (ratio) {
    const num = read(entity, ratio.numerator, ctx);
    const den = read(entity, ratio.denominator, ctx);
    if ('value' in num && 'value' in den && num.value.kind === 'number' && den.value.kind === 'number' && den.value.value !== 0) {
      return { value: { kind: 'number', value: (num.value.value / den.value.value) * ratio.per } };
    }
    const parts = [num, den].flatMap((r) => ('missing' in r ? r.missing : []));
    return { missing: [missing(metric), ...parts] };
  }
  return { missing: [missing(metric)] };
}

function missing(metric: Metric): Reason {
  return { code: 'missing-value', metric: metric.key, label: metric.label };
}
