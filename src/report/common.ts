// Lookups every report format needs: level names, responsible units and deadlines of an indicator.
import type { Indicator, Responsible, Standard } from '../standard/types.js';
export { levelNameOf } from '../standard/levels.js';

export interface Duty {
  responsible: Responsible[];
  deadline?: string;
  tasks: { id: string; text: string; responsible: Responsible[]; deadline: string }[];
}

/** Who answers for an indicator and by when: its own fields, else its linked tasks'. */
export function dutyOf(standard: Standard, indicator: Indicator): Duty {
  const tasks = indicator.tasks
    .map((id) => standard.tasks.find((t) => t.id === id))
    .filter((t): t is NonNullable<typeof t> => t !== undefined)
    .map((t) => ({ id: t.id, text: t.text, responsible: t.responsible, deadline: t.deadline }));
  const responsible = indicator.responsible ?? mergeUnits(tasks.flatMap((t) => t.responsible));
  const deadline = indicator.deadline ?? ([...new Set(tasks.map((t) => t.deadline))].join('、') || undefined);
  return { responsible, deadline, tasks };
}

function mergeUnits(units: Responsible[]): Responsible[] {
  const byName = new Map<string, Responsible>();
  for (const u of units) {
    const prev = byName.get(u.name);
    byName.set(u.name, { name: u.name, lead: Boolean(prev?.lead || u.lead) || undefined });
  }
  return [...byName.values()].sort((a, b) => Number(Boolean(b.lead)) - Number(Boolean(a.lead)));
}

export function unitsText(units: Responsible[]): string {
  return units.map((u) => (u.lead ? `▲${u.name}` : u.name)).join('、');
}
