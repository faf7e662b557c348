// The engine: (standard, dataset, options) → results. Pure: no I/O, no printing.
// Results come entity by entity — the entities above the bottom level in tree order, then the bottom-level ones in
// the order they were read — so a report can be written as they are produced (`evaluateStream`), or gathered
// (`evaluate`) where the run is small.
import type { Check, Indicator, Standard } from '../standard/types.js';
import type { Month } from '../standard/deadlines.js';
import type { Dataset, Entity } from '../data/dataset.js';
import type { Context, EvaluateOptions, Result, Status, Waiver } from './types.js';
import { STATUSES } from './types.js';
import { evaluateCheck } from './evaluate-check.js';
import { gate } from './deadline.js';
import { locate } from './locate.js';
import { waiverBook, type WaiverUse } from './waivers.js';
import { attestationIndex } from './attestations.js';
import { SAMPLE } from './tallies.js';

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
  /** The indicators judged (after --only and --indicator). */
  indicators: Indicator[];
  /** Read once. `summary` and `waivers` are complete when it has been read to the end. */
  results: Iterable<Result> | AsyncIterable<Result>;
  /** Counts per entity and tier, in the order of the results. */
  summary: EntitySummary[];
  /** Every waiver in force, with how many results it waived. */
  waivers: WaiverUse[];
}

/** An evaluation gathered whole: its results in an array, its summary complete. */
export interface Evaluated extends Evaluation {
  results: Result[];
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

/** What one run judges, worked out once: the context, tiers, indicators, and which levels each is judged at. */
export interface Plan {
  standard: Standard;
  options: EvaluateOptions;
  ctx: Context;
  tiers: string[];
  indicators: Indicator[];
  judgedAt(indicator: Indicator, level: string): boolean;
  /** Whether anything is judged at a level. */
  judges(level: string): boolean;
}

/** What every check is evaluated with: the standard, the month, the evidence in force, the memos. */
export function makeContext(standard: Standard, options: EvaluateOptions): Context {
  const attest = attestationIndex(options.attestations ?? []);
  const ctx: Context = {
    standard,
    metrics: new Map(standard.metrics.map((m) => [m.key, m])),
    asOf: options.asOf,
    onBaseCheck: true,
    sampleLimit: options.allFailures ? Infinity : SAMPLE,
    memo: new WeakMap(),
    tree: new WeakMap(),
    attestation: (entity, item) => (ctx.indicator ? attest(ctx.indicator.id, entity, item) : undefined),
  };
  return ctx;
}

export function plan(standard: Standard, options: EvaluateOptions = {}): Plan {
  const ctx = makeContext(standard, options);
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
  const judged = new Map(standard.levels.map((l) => [l.id, indicators.some((i) => judgedAt(i, l.id))]));
  return { standard, options, ctx, tiers, indicators, judgedAt, judges: (level) => judged.get(level) ?? false };
}

/** Every result for one entity: each tier, each indicator judged at its level. */
export function* judge(entity: Entity, p: Plan): Generator<Result> {
  const { ctx, standard, options } = p;
  let path: string[] | undefined;
  for (const tier of p.tiers) {
    for (const indicator of p.indicators) {
      if (!p.judgedAt(indicator, entity.level)) continue;
      const check = checkFor(indicator, tier, standard);
      ctx.onBaseCheck = check === indicator.check;
      ctx.indicator = indicator;
      let outcome = evaluateCheck(check, entity, ctx);
      // Where no clause carries its own deadline, the indicator's (the latest of its sub-tasks') governs it whole.
      if (!indicator.clauseDeadlines) outcome = gate(outcome, indicator.due, options.asOf);
      const at = outcome.status === 'pass' || outcome.status === 'na' ? undefined : locate(outcome, entity);
      path ??= pathOf(entity);
      yield { ...outcome, entity: entity.name, level: entity.level, path, indicator, tier, ...(at ? { at } : {}) };
    }
  }
}

/** Applies waivers and counts results as they pass: the summary grows entity by entity. */
export class Ledger {
  readonly summary: EntitySummary[] = [];
  readonly totals = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  readonly waivers: WaiverUse[];
  private readonly waive: (r: Result) => Result;
  private current: Map<string, EntitySummary> = new Map();
  private currentPath: string[] | undefined;

  constructor(waivers: Waiver[]) {
    const book = waiverBook(waivers);
    this.waivers = book.uses;
    this.waive = book.apply;
  }

  add(result: Result): Result {
    const r = this.waive(result);
    if (r.path !== this.currentPath) {
      this.currentPath = r.path;
      this.current = new Map();
    }
    let s = this.current.get(r.tier);
    if (!s) {
      this.current.set(r.tier, (s = { entity: r.entity, level: r.level, tier: r.tier, counts: Object.fromEntries(STATUSES.map((x) => [x, 0])) as Record<Status, number> }));
      this.summary.push(s);
    }
    s.counts[r.status]++;
    this.totals[r.status]++;
    return r;
  }
}

/** The entities a dataset holds, in the order their results come: above the bottom level in tree order, then the rest as read. */
export function* keptOrder(dataset: Dataset, standard: Standard): Generator<Entity> {
  const bottom = standard.levels[standard.levels.length - 1]!.id;
  const stack = [...dataset.roots].reverse();
  while (stack.length) {
    const e = stack.pop()!;
    if (e.level === bottom) continue;
    yield e;
    for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]!);
  }
  for (const e of dataset.entities) if (e.level === bottom) yield e;
}

/**
 * Lets go of what was worked out about an entity (its members' outcomes, its partitions). Entities come in tree
 * order, so every roll-up that could reuse it — its ancestors' — has been judged by the time the entity has.
 */
function forget(entity: Entity, ctx: Context): void {
  ctx.memo.delete(entity);
  ctx.tree.delete(entity);
}

/** Gathers every result: for tests, comparisons and small runs. */
export function evaluate(standard: Standard, dataset: Dataset, options: EvaluateOptions = {}): Evaluated {
  const p = plan(standard, options);
  const ledger = new Ledger(options.waivers ?? []);
  const results: Result[] = [];
  for (const entity of keptOrder(dataset, standard)) for (const r of judge(entity, p)) results.push(ledger.add(r));
  return { standard, tiers: p.tiers, asOf: options.asOf, indicators: p.indicators, results, summary: ledger.summary, waivers: ledger.waivers };
}

/**
 * Results as a report reads them, never all held: the dataset's entities, then the bottom-level rows that were
 * counted and not kept (`leaves`, read again and each judged as it comes).
 */
export function evaluateStream(standard: Standard, dataset: Dataset, options: EvaluateOptions, leaves?: () => AsyncIterable<Entity>): Evaluation & { ledger: Ledger } {
  const p = plan(standard, options);
  const ledger = new Ledger(options.waivers ?? []);
  async function* results(): AsyncGenerator<Result> {
    for (const entity of keptOrder(dataset, standard)) {
      for (const r of judge(entity, p)) yield ledger.add(r);
      forget(entity, p.ctx);
    }
    if (leaves) for await (const leaf of leaves()) for (const r of judge(leaf, p)) yield ledger.add(r);
  }
  return { standard, tiers: p.tiers, asOf: options.asOf, indicators: p.indicators, results: results(), summary: ledger.summary, waivers: ledger.waivers, ledger };
}

/** Counts per entity and tier, in the order the results came. */
export function summarize(results: Iterable<Result>): EntitySummary[] {
  const ledger = new Ledger([]);
  for (const r of results) ledger.add(r);
  return ledger.summary;
}

/** Reads a one-pass result stream into an array (for reports that lay everything out at once). */
export async function gather<T>(items: Iterable<T> | AsyncIterable<T>): Promise<T[]> {
  if (Array.isArray(items)) return items;
  const out: T[] = [];
  for await (const x of items) out.push(x);
  return out;
}

function pathOf(entity: Entity): string[] {
  const path: string[] = [];
  for (let e: Entity | undefined = entity; e; e = e.parent) path.unshift(e.name);
  return path;
}

export type { Waiver };

/** The evaluation with its results read into an array (its summary and waiver counts then complete). */
export async function gathered(e: Evaluation): Promise<Evaluated> {
  const results = await gather(e.results);
  return { ...e, results };
}
