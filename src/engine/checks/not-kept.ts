import type { Check, Metric } from '../../standard/types.js';
import type { Entity } from '../../data/dataset.js';
import type { Context, Outcome } from '../types.js';
import { levelName } from '../evaluate-check.js';

/** A check on a metric the standard does not keep at this entity's level does not apply to it. */
export function notKept(metric: Metric, entity: Entity, ctx: Context, target: string, check: Check): Outcome {
  return { status: 'na', target, reasons: [{ code: 'not-applicable', reason: `${metric.label}不在${levelName(ctx, entity.level)}层级统计` }], check };
}
