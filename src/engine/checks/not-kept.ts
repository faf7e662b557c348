import type { Check, Metric } from '../../standard/types.js';
import type { Entity } from '../../data/dataset.js';
import type { Outcome } from '../types.js';

/** A check on a metric the standard does not keep at this entity's level does not apply to it. */
export function notKept(metric: Metric, entity: Entity, check: Check): Outcome {
  return { status: 'na', target: { kind: 'check', check }, reasons: [{ code: 'not-kept', metric: metric.key, level: entity.level }], check };
}
