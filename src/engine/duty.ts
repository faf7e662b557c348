// Who answers for a result and by when: the sub-tasks of the clauses that fall short (each clause tied to its
// own sub-task), else the indicator's own units and deadline, else those of every sub-task it links.
import type { Indicator, Responsible, Standard } from '../standard/types.js';
import type { DueState, Outcome, Result } from './types.js';

export interface Duty {
  /** Responsible units, the lead (▲) first. */
  units: Responsible[];
  /** Deadlines as written, one per sub-task (or the indicator's own). */
  deadlines: string[];
  /** Sub-task ids. */
  tasks: string[];
  /** With --as-of: the deadlines that passed (overdue) or are ahead (not yet due) for clauses not met. */
  due: DueState[];
}

const MET = new Set(['pass', 'na']);

/** Outcomes in the tree that carry a deadline of their own and are not met. */
function unmetClauses(o: Outcome): Outcome[] {
  if (MET.has(o.status)) return [];
  const below = (o.parts ?? []).flatMap(unmetClauses);
  return o.check.due ? [o, ...below] : below;
}

export function indicatorDuty(standard: Standard, indicator: Indicator, taskIds = indicator.tasks): Duty {
  const tasks = taskIds.map((id) => standard.tasks.find((t) => t.id === id)).filter((t): t is NonNullable<typeof t> => t !== undefined);
  const units = indicator.responsible ?? mergeUnits(tasks.flatMap((t) => t.responsible));
  const deadlines = indicator.deadline !== undefined && taskIds === indicator.tasks ? [indicator.deadline] : [...new Set(tasks.map((t) => t.deadline))];
  return { units, deadlines, tasks: tasks.map((t) => t.id), due: [] };
}

export function resultDuty(standard: Standard, r: Result): Duty {
  const clauses = unmetClauses(r);
  const due = [...(r.due ? [r.due] : []), ...clauses.flatMap((c) => (c.due && c !== (r as Outcome) ? [c.due] : []))];
  const tied = [...new Set(clauses.flatMap((c) => (c.check.due?.task ? [c.check.due.task] : [])))];
  if (tied.length) return { ...indicatorDuty(standard, r.indicator, tied), due };
  const own = clauses.flatMap((c) => (c.check.due && !c.check.due.task ? [c.check.due.text] : []));
  const base = indicatorDuty(standard, r.indicator);
  return { ...base, deadlines: own.length ? [...new Set(own)] : base.deadlines, due };
}

function mergeUnits(units: Responsible[]): Responsible[] {
  const byName = new Map<string, Responsible>();
  for (const u of units) {
    const prev = byName.get(u.name);
    byName.set(u.name, { name: u.name, lead: Boolean(prev?.lead || u.lead) || undefined });
  }
  return [...byName.values()].sort((a, b) => Number(Boolean(b.lead)) - Number(Boolean(a.lead)));
}

export function unitsText(units: Responsible[], sep = '、'): string {
  return units.map((u) => (u.lead ? `▲${u.name}` : u.name)).join(sep);
}
