// Bottom-level rows (villages, communities) are not kept: each is judged as it is read, once per roll-up over the
// bottom level, and only counts stay — on the entity named in its parent cell. The roll-ups at the levels above
// then read those counts (members.ts, tallies.ts). Memory is flat in the number of bottom-level rows.
import type { Check, Indicator, MeanCheck, Metric, Standard, SumCheck } from '../standard/types.js';
import { cellOf, type Entity, type LeafStats } from '../data/dataset.js';
import { walkChecks } from '../standard/walk.js';
import type { Context, EvaluateOptions } from './types.js';
import { checkFor, makeContext, selectIndicators } from './evaluate.js';
import { evaluateCheck } from './evaluate-check.js';
import { isMember } from './members.js';
import { read } from './read.js';
import { addOutcome, addUnsure, addValue, emptyTally, type At } from './tallies.js';

type Rollup = Extract<Check, { kind: 'each' | 'share' | 'count' | 'sum' | 'mean' }>;

interface Planned {
  check: Rollup;
  indicator: Indicator;
  /** Whether it belongs to the indicator's own check (a stated 达标 answers that one). */
  onBase: boolean;
}

/** The roll-ups over the bottom level that the selected indicators and tiers contain. */
export function leafRollups(standard: Standard, options: EvaluateOptions): Planned[] {
  const bottom = standard.levels[standard.levels.length - 1]!.id;
  const tiers = options.tiers?.length ? options.tiers : [standard.tiers[0]!.id];
  const seen = new Set<Check>();
  const out: Planned[] = [];
  for (const indicator of selectIndicators(standard, options)) {
    for (const tier of tiers) {
      const root = checkFor(indicator, tier, standard);
      walkChecks(root, [], (c) => {
        if ((c.kind === 'each' || c.kind === 'share' || c.kind === 'count' || c.kind === 'sum' || c.kind === 'mean') && c.level === bottom && !seen.has(c)) {
          seen.add(c);
          out.push({ check: c, indicator, onBase: root === indicator.check });
        }
      });
    }
  }
  return out;
}

export class LeafCollector {
  private readonly byParent = new Map<string, LeafStats>();
  private readonly ctx: Context;
  private readonly planned: Planned[];
  private readonly additive: Metric[];
  private readonly keepNames: boolean;

  constructor(
    readonly standard: Standard,
    options: EvaluateOptions,
  ) {
    this.ctx = makeContext(standard, options);
    this.planned = leafRollups(standard, options);
    const bottom = standard.levels[standard.levels.length - 1]!.id;
    this.additive = standard.metrics.filter((m) => m.additive && m.levels.includes(bottom));
    this.keepNames = standard.places.some((p) => p.level === bottom);
  }

  /** Counts one bottom-level row under the entity its parent cell names (`parent`, "" when none). */
  add(leaf: Entity, parent: string): void {
    let stats = this.byParent.get(parent);
    if (!stats) this.byParent.set(parent, (stats = { rows: 0, byKind: new Map(), tallies: new Map(), additive: new Map(), ...(this.keepNames ? { names: new Set<string>() } : {}) }));
    stats.rows++;
    stats.byKind.set(leaf.kind, (stats.byKind.get(leaf.kind) ?? 0) + 1);
    stats.names?.add(leaf.name);
    for (const m of this.additive) {
      const v = leaf.values.get(m.key);
      if (v?.kind !== 'number') continue;
      const a = stats.additive.get(m.key) ?? { sum: 0, n: 0 };
      a.sum += v.value;
      a.n++;
      stats.additive.set(m.key, a);
    }
    const ctx = this.ctx;
    for (const p of this.planned) {
      const member = isMember(leaf, p.check);
      if (member === false) continue;
      let t = stats.tallies.get(p.check);
      if (!t) stats.tallies.set(p.check, (t = emptyTally(this.ctx.sampleLimit)));
      ctx.indicator = p.indicator;
      ctx.onBaseCheck = p.onBase;
      if (p.check.kind === 'sum' || p.check.kind === 'mean') {
        const value = member === undefined ? undefined : numberOf(leaf, p.check, ctx);
        if (value === null) continue;
        if (member === undefined) addUnsure(t, leaf.name);
        addValue(t, leaf.name, value, value === undefined && !t.otherAt ? where(leaf, p.check) : undefined);
        continue;
      }
      const o = evaluateCheck(p.check.check, leaf, ctx);
      // Only the first failing (or unknown) member's cell is kept: look for it only until it is found.
      const placeNeeded = o.status === 'fail' && member !== undefined ? !t.failAt : o.status !== 'pass' && o.status !== 'na' && !t.otherAt;
      addOutcome(t, leaf.name, o, member === undefined, placeNeeded ? where(leaf, p.check.check) : undefined);
    }
  }

  /** Every parent cell met, with its counts. */
  parents(): IterableIterator<[string, LeafStats]> {
    return this.byParent.entries();
  }
}

/** A member's value for a sum or mean: a number, undefined when it has none, null when it does not apply. */
function numberOf(leaf: Entity, check: SumCheck | MeanCheck, ctx: Context): number | undefined | null {
  const r = read(leaf, check.metric, ctx);
  if ('na' in r) return null;
  return 'value' in r && r.value.kind === 'number' ? r.value.value : undefined;
}

/** The cell a member's check turns on, else its row. */
function where(leaf: Entity, check: Check): At | undefined {
  let at: At | undefined;
  walkChecks(check, [], (c) => {
    if (!at && 'metric' in c && typeof c.metric === 'string') at = cellOf(leaf, c.metric);
  });
  return at ?? leaf.origin;
}
