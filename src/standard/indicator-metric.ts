// Which data item a column headed with an indicator id (GS-13, WZ-G02) fills, for an entity at a given level.
// The answer depends on the level: WZ-G02 is a rate for the city but a yes/no for a county.
import type { Check, Indicator, Metric } from './types.js';
import { walkChecks } from './walk.js';

/** Metrics a check reads when judged at an entity of `level` (a roll-up over that level reads its member check). */
export function metricsReadAt(check: Check, level: string, metrics: Map<string, Metric>): string[] {
  const kept = (key: string | undefined) => (key !== undefined && metrics.get(key)?.levels.includes(level) ? [key] : []);
  const union = (checks: Check[]) => [...new Set(checks.flatMap((c) => metricsReadAt(c, level, metrics)))];
  switch (check.kind) {
    case 'compare':
    case 'status':
    case 'grade':
    case 'manual':
      return kept(check.metric);
    case 'each':
    case 'share':
    case 'count':
      return check.level === level ? metricsReadAt(check.check, level, metrics) : kept(check.given);
    case 'sum':
    case 'mean':
      // A row at the roll-up's own level gives its part of the total or average (the shows one street got).
      return check.level === level ? kept(check.metric) : kept(check.given);
    case 'all':
    case 'any':
    case 'either':
      return union(check.of);
    case 'cases':
      // The value measured, not the conditions that pick the band (population picks the floor-area band).
      return union([...check.cases.map((c) => c.then), ...(check.otherwise ? [check.otherwise] : [])]);
    case 'stages':
      return union(check.stages.map((s) => s.check));
    default:
      return [];
  }
}

/**
 * The metrics an indicator-id column fills at `level`: the indicator's declared metric where it is kept at that
 * level; else the one metric its check reads there; else, when every metric it reads there is a yes/no, all of
 * them (one answer for the whole indicator). Empty when the column cannot be read as one value.
 */
export function indicatorMetricsAt(indicator: Indicator, level: string, metrics: Map<string, Metric>): string[] {
  if (indicator.metric && metrics.get(indicator.metric)?.levels.includes(level)) return [indicator.metric];
  const read = metricsReadAt(indicator.check, level, metrics);
  if (read.length === 1) return read;
  // 是 under GS-01 answers each of its yes/no facilities; never a part a person must judge.
  const judged = manualMetrics(indicator.check);
  if (read.length > 1 && read.every((k) => metrics.get(k)?.type === 'boolean' && !judged.has(k))) return read;
  return [];
}

function manualMetrics(check: Check): Set<string> {
  const found = new Set<string>();
  walkChecks(check, [], (c) => {
    if (c.kind === 'manual' && c.metric) found.add(c.metric);
  });
  return found;
}
