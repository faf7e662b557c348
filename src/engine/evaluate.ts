// The engine: (standard, dataset, options) → results. Pure: no I/O, no printing.
import type { Check, Indicator, Standard } from '../standard/types.js';
import type { Month } from '../standard/deadlines.js';
import type { Dataset, Entity } from '../data/dataset.js';
import type { Context, EvaluateOptions, Result, Status, Waiver } from './types.js';
import { STATUSES } from './types.js';
import { evaluateCheck } from './evaluate-check.js';
import { gate } from './deadline.js';
import { locate } from './locate.js';
import { applyWaivers, type WaiverUse } from './waivers.js';
import { attestationIndex } from './attestations.js';

export interface EntitySummary {
  entity: string;
  level: string;
  tier: string;
  counts: Record<Status, number>;
}

export interface Evaluation {
  standard: Standard;
  tiers: string[];
  asOf?: Month;
  results: Result[];
  summary: EntitySummary[];
  /** Every waiver in force, whether it waived anything. */
  waivers: WaiverUse[];
}

/** The check for a tier: its own, else the tier it inherits from, else the indicator's `check`. */
export function checkFor(indicator: Indicator, tier: string, standard: Standard): Check {
  const seen = new Set<string>();
  let t: string | undefined = tier;
  while (t && !seen.has(t)) {
    seen.add(t);
    const own = indicator.tiers[t];
    if (own) return own;
    t = standard.tiers.find((x) => x.id === t)?.inherits;
  }
  return indicator.check;
}

/** The indicators --only and --indicator leave. */
export function selectIndicators(standard: Standard, options: EvaluateOptions): Indicator[] {
  return standard.indicators.filter(
    (i) =>
      (!options.only?.length || (i.class !== undefined && options.only.includes(i.class))) &&
      (!options.indicators?.length || options.indicators.includes(i.id)),
  );
}

export function evaluate(standard: Standard, dataset: Dataset, options: EvaluateOptions = {}): Evaluation {
  const attest = attestationIndex(options.attestations ?? []);
  const ctx: Context = {
    standard,
    metrics: new Map(standard.metrics.map((m) => [m.key, m])),
    asOf: options.asOf,
    onBaseCheck: true,
    memo: new WeakMap(),
    tree: new WeakMap(),
    attestation: (entity, item) => (ctx.indicator ? attest(ctx.indicator.id, entity, item) : undefined),
  };
  const tiers = options.tiers?.length ? options.tiers : [standard.tiers[0]!.id];
  const depth = new Map(standard.levels.map((l) => [l.id, l.depth]));
  const indicators = selectIndicators(standard, options);
  // --level L judges entities at L for every indicator that is judged there by default, or whose roll-ups reach
  // down through L (L between its highest judged level and the level it speaks of).
  const chosen = options.levels?.length ? new Set(options.levels) : undefined;
  const judgedAt = (i: Indicator, level: string) => {
    if (chosen && !chosen.has(level)) return false;
    if (i.evaluateAt.includes(level)) return true;
    if (!chosen) return false;
    const top = Math.min(...i.evaluateAt.map((l) => depth.get(l)!));
    return depth.get(level)! >= top && depth.get(level)! <= depth.get(i.level)!;
  };

  const results: Result[] = [];
  for (const entity of inTreeOrder(dataset.roots)) {
    for (const tier of tiers) {
      for (const indicator of indicators) {
        if (!judgedAt(indicator, entity.level)) continue;
        const check = checkFor(indicator, tier, standard);
        ctx.onBaseCheck = check === indicator.check;
        ctx.indicator = indicator;
        let outcome = evaluateCheck(check, entity, ctx);
        // Where no clause carries its own deadline, the indicator's (the latest of its sub-tasks') governs it whole.
        if (!indicator.clauseDeadlines) outcome = gate(outcome, indicator.due, options.asOf);
        const at = outcome.status === 'pass' || outcome.status === 'na' ? undefined : locate(outcome, entity);
        results.push({ ...outcome, entity: entity.name, level: entity.level, path: pathOf(entity), indicator, tier, ...(at ? { at } : {}) });
      }
    }
  }
  const waivers = applyWaivers(results, options.waivers ?? []);
  return { standard, tiers, asOf: options.asOf, results, summary: summarize(results), waivers };
}

/** Counts per entity and tier, in the order the results came. */
export function summarize(results: Result[]): EntitySummary[] {
  const byKey = new Map<string, EntitySummary>();
  for (const r of results) {
    const key = `${r.path.join('/')}\u0000${r.tier}`;
    let s = byKey.get(key);
    if (!s) byKey.set(key, (s = { entity: r.entity, level: r.level, tier: r.tier, counts: Object.fromEntries(STATUSES.map((x) => [x, 0])) as Record<Status, number> }));
    s.counts[r.status]++;
  }
  return [...byKey.values()];
}

function* inTreeOrder(roots: Entity[]): Generator<Entity> {
  const stack = [...roots].reverse();
  while (stack.length) {
    const e = stack.pop()!;
    yield e;
    for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]!);
  }
}

function pathOf(entity: Entity): string[] {
  const path: string[] = [];
  for (let e: Entity | undefined = entity; e; e = e.parent) path.unshift(e.name);
  return path;
}

export type { Waiver };
