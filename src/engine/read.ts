// Reading a metric's value for an entity, computing a derived ratio from its parts when it is not supplied.
import type { Metric } from '../standard/types.js';
import type { Entity } from '../data/dataset.js';
import type { Value } from '../data/values.js';
import type { Context, Reason } from './types.js';
import { partition } from './members.js';

export type Read = { value: Value } | { missing: Reason[] } | { na: true };

export function read(entity: Entity, key: string, ctx: Context): Read {
  const metric = ctx.metrics.get(key)!;
  if (!metric.levels.includes(entity.level)) return { na: true };
  const direct = entity.values.get(key);
  if (direct) return { value: direct };
  const summed = metric.additive ? sumOfChildren(entity, metric, ctx) : undefined;
  if (summed) return summed;
  const ratio = metric.derive?.ratio;
  if (ratio) {
    const num = read(entity, ratio.numerator, ctx);
    const den = read(entity, ratio.denominator, ctx);
    if ('value' in num && 'value' in den && num.value.kind === 'number' && den.value.kind === 'number') {
      // A share of nothing (no eligible schools) does not apply; it is not missing data.
      if (den.value.value === 0) return { na: true };
      return { value: { kind: 'number', value: (num.value.value / den.value.value) * ratio.per } };
    }
    const parts = [num, den].flatMap((r) => ('missing' in r ? r.missing : []));
    return { missing: [missing(metric), ...parts] };
  }
  return { missing: [missing(metric)] };
}

function missing(metric: Metric): Reason {
  return { code: 'missing-value', metric: metric.key };
}

/**
 * A total from the children, when every child that should have it does and the standard's list of places shows
 * none is absent (a county's population is not the sum of the two townships a file happens to list).
 */
function sumOfChildren(entity: Entity, metric: Metric, ctx: Context): Read | undefined {
  const children = entity.children.filter((c) => metric.levels.includes(c.level));
  if (children.length === 0) return entity.leaves ? sumOfLeaves(entity, metric, ctx) : undefined;
  const level = children[0]!.level;
  if (children.some((c) => c.level !== level)) return undefined;
  const part = partition(entity, { level }, undefined, ctx);
  if (!part || part.absentMembers.length > 0 || part.absentBlocks.length > 0) return undefined;
  if (!ctx.standard.places.some((p) => p.level === level)) return undefined;
  let total = 0;
  for (const c of children) {
    const r = read(c, metric.key, ctx);
    if (!('value' in r) || r.value.kind !== 'number') return undefined;
    total += r.value.value;
  }
  return { value: { kind: 'number', value: total } };
}

/** The same total from bottom-level rows counted as they were read: every row gave one, none is absent. */
function sumOfLeaves(entity: Entity, metric: Metric, ctx: Context): Read | undefined {
  const bottom = ctx.standard.levels[ctx.standard.levels.length - 1]!.id;
  const leaves = entity.leaves!;
  const a = leaves.additive.get(metric.key);
  if (!a || a.n !== leaves.rows || !metric.levels.includes(bottom) || !ctx.standard.places.some((p) => p.level === bottom)) return undefined;
  const part = partition(entity, { level: bottom }, undefined, ctx);
  if (!part || part.absentMembers.length > 0) return undefined;
  return { value: { kind: 'number', value: a.sum } };
}
