// The auditor's gap list: only what needs action, key indicators first and then the largest relative gaps,
// grouped by responsible unit, indicator or entity. Pure: results in, lists out.
import type { Standard } from '../standard/types.js';
import type { Result, Status, Waiver } from './types.js';
import { resultDuty, type Duty } from './duty.js';
import type { WaiverUse } from './waivers.js';

export const GAP_GROUPS = ['owner', 'indicator', 'entity'] as const;
export type GapGroupBy = (typeof GAP_GROUPS)[number];

export interface GapItem {
  result: Result;
  duty: Duty;
  /** How far short, as a share of the target (0–100); 100 for a plain no. Unknown for missing or manual. */
  relative?: number;
  overdue: boolean;
}

export interface GapGroup {
  /** A responsible unit, an indicator id or an entity path; `undefined` for items no unit answers for. */
  key?: string;
  items: { item: GapItem; lead: boolean }[];
}

export interface GapList {
  groupBy: GapGroupBy;
  groups: GapGroup[];
  /** Every actionable item once, in order. */
  items: GapItem[];
  /** Unmet but not yet due (with --as-of): shown apart, never a failure. */
  pending: GapItem[];
  waived: GapItem[];
  expiredWaivers: Waiver[];
  unusedWaivers: Waiver[];
}

const ACTION: ReadonlySet<Status> = new Set(['fail', 'missing', 'manual']);
const STATUS_ORDER: Record<string, number> = { fail: 0, missing: 1, manual: 2 };

/** How far short a result is, relative to its target. */
function relativeGap(r: Result): number | undefined {
  if (r.status !== 'fail') return undefined;
  const g = r.gap;
  if (g?.percent !== undefined) return Math.min(100, g.percent);
  if (g?.entities !== undefined && r.actual?.kind === 'tally' && r.actual.n > 0) return (100 * g.entities) / r.actual.n;
  return 100;
}

export function gapList(standard: Standard, results: Result[], groupBy: GapGroupBy, waivers: WaiverUse[] = [], expiredWaivers: Waiver[] = []): GapList {
  const key = standard.classes[0]?.id;
  const item = (r: Result): GapItem => ({ result: r, duty: resultDuty(standard, r), relative: relativeGap(r), overdue: r.due?.state === 'overdue' || hasOverdue(r) });
  const rank = (a: GapItem, b: GapItem) =>
    Number(b.result.indicator.class === key) - Number(a.result.indicator.class === key) ||
    STATUS_ORDER[a.result.status]! - STATUS_ORDER[b.result.status]! ||
    (b.relative ?? -1) - (a.relative ?? -1) ||
    Number(b.overdue) - Number(a.overdue) ||
    a.result.indicator.number - b.result.indicator.number;
  const items = results.filter((r) => ACTION.has(r.status)).map(item).sort(rank);
  return {
    groupBy,
    groups: group(items, groupBy),
    items,
    pending: results.filter((r) => r.status === 'pending').map(item),
    waived: results.filter((r) => r.status === 'waived').map(item),
    expiredWaivers,
    unusedWaivers: waivers.filter((u) => u.used === 0).map((u) => u.waiver),
  };
}

function hasOverdue(r: Result): boolean {
  const stack = [...(r.parts ?? [])];
  while (stack.length) {
    const o = stack.pop()!;
    if (o.due?.state === 'overdue' && ACTION.has(o.status)) return true;
    stack.push(...(o.parts ?? []));
  }
  return false;
}

/** Sections in order of their first item; by owner an item stands under each of its units, the lead marked. */
function group(items: GapItem[], by: GapGroupBy): GapGroup[] {
  const groups = new Map<string | undefined, GapGroup>();
  const add = (k: string | undefined, it: GapItem, lead: boolean) => {
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { key: k, items: [] }));
    g.items.push({ item: it, lead });
  };
  for (const it of items) {
    if (by === 'indicator') add(it.result.indicator.id, it, false);
    else if (by === 'entity') add(it.result.path.join(' › '), it, false);
    else if (it.duty.units.length === 0) add(undefined, it, false);
    else for (const u of it.duty.units) add(u.name, it, Boolean(u.lead));
  }
  // Units with the most to do first (ties: the most they lead); items no unit answers for last.
  const leads = (g: GapGroup) => g.items.filter((x) => x.lead).length;
  return [...groups.values()].sort(
    (a, b) => Number(a.key === undefined) - Number(b.key === undefined) || (by === 'owner' ? b.items.length - a.items.length || leads(b) - leads(a) : 0),
  );
}
