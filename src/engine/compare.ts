// Two submissions side by side: per entity, indicator and tier, what changed — newly passing, improved,
// unchanged, regressed, newly failing — with the change in value and in gap. Pure: snapshots in, changes out.
import type { Gap, Status } from './types.js';

export const CHANGES = ['newly-passing', 'improved', 'unchanged', 'regressed', 'newly-failing', 'added', 'removed'] as const;
export type Change = (typeof CHANGES)[number];

/** What a comparison needs of one result, from an evaluation or from a saved JSON report. */
export interface Snapshot {
  path: string[];
  entity: string;
  level: string;
  indicator: string;
  title: string;
  /** The indicator's class (key indicators sort first). */
  class?: string;
  tier: string;
  status: Status;
  value?: number | boolean | string | null;
  /** The value in words, as the report that holds it wrote it. */
  actual?: string;
  gap?: Gap | null;
}

export interface ChangeRow {
  change: Change;
  old?: Snapshot;
  new?: Snapshot;
  /** New value minus old, for numbers. */
  valueDelta?: number;
  /** New gap minus old (negative: closer to the target), in the target's unit. */
  gapDelta?: number;
}

export interface Comparison {
  standard: { id: string; title: string; titleEn?: string };
  rows: ChangeRow[];
  /** Counts of each change per entity (by path), in the order entities come. */
  summary: { path: string[]; entity: string; counts: Record<Change, number> }[];
}

/** Worse is higher. A result that becomes unknown (missing, manual) after passing got worse too. */
const BADNESS: Record<Status, number> = { pass: 0, na: 0, waived: 1, pending: 1, manual: 2, missing: 2, fail: 3 };

function classify(a: Snapshot, b: Snapshot): Change {
  if (a.status !== 'pass' && b.status === 'pass') return 'newly-passing';
  if (a.status !== 'fail' && b.status === 'fail') return 'newly-failing';
  if (a.status === 'fail' && b.status === 'fail') {
    const d = gapChange(a, b);
    if (d !== undefined && d < 0) return 'improved';
    if (d !== undefined && d > 0) return 'regressed';
    return 'unchanged';
  }
  if (BADNESS[b.status] < BADNESS[a.status]) return 'improved';
  if (BADNESS[b.status] > BADNESS[a.status]) return 'regressed';
  return 'unchanged';
}

function gapChange(a: Snapshot, b: Snapshot): number | undefined {
  const ga = a.gap?.amount;
  const gb = b.gap?.amount;
  if (ga === undefined || gb === undefined || a.gap?.unit !== b.gap?.unit) return undefined;
  const d = gb - ga;
  return Math.abs(d) < 1e-9 * Math.max(1, Math.abs(ga)) ? 0 : d;
}

const keyOf = (s: Snapshot) => `${s.path.join('\u0000')}\u0001${s.indicator}\u0001${s.tier}`;

export function compare(standard: Comparison['standard'], before: Snapshot[], after: Snapshot[]): Comparison {
  const old = new Map(before.map((s) => [keyOf(s), s]));
  const rows: ChangeRow[] = [];
  const seen = new Set<string>();
  for (const b of after) {
    const k = keyOf(b);
    seen.add(k);
    const a = old.get(k);
    if (!a) {
      rows.push({ change: 'added', new: b });
      continue;
    }
    const row: ChangeRow = { change: classify(a, b), old: a, new: b };
    if (typeof a.value === 'number' && typeof b.value === 'number') row.valueDelta = round(b.value - a.value);
    const g = gapChange(a, b);
    if (g !== undefined) row.gapDelta = round(g);
    rows.push(row);
  }
  for (const a of before) if (!seen.has(keyOf(a))) rows.push({ change: 'removed', old: a });

  const summary = new Map<string, Comparison['summary'][number]>();
  for (const r of rows) {
    const s = (r.new ?? r.old)!;
    const k = s.path.join('\u0000');
    let e = summary.get(k);
    if (!e) summary.set(k, (e = { path: s.path, entity: s.entity, counts: Object.fromEntries(CHANGES.map((c) => [c, 0])) as Record<Change, number> }));
    e.counts[r.change]++;
  }
  return { standard, rows, summary: [...summary.values()] };
}

/** Whether anything got worse: what `--fail-on regression` exits 1 for. */
export function regressed(c: Comparison): boolean {
  return c.rows.some((r) => r.change === 'regressed' || r.change === 'newly-failing');
}

function round(n: number): number {
  return +n.toPrecision(12);
}
