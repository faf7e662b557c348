// Where in the submitted files a result that is not met can be pointed at: the cell holding the value it turns
// on, the row of the member that falls short (a street's 46小时), or else the entity's own row.
import type { Check } from '../standard/types.js';
import { cellOf, type Entity } from '../data/dataset.js';
import { walkChecks } from '../standard/walk.js';
import type { Outcome, Result } from './types.js';

type At = NonNullable<Result['at']>;

const MET = new Set(['pass', 'na']);

export function locate(o: Outcome, entity: Entity): At | undefined {
  const stack: Outcome[] = [o];
  while (stack.length) {
    const x = stack.shift()!;
    if (MET.has(x.status)) continue;
    for (const key of metricsOf(x.check)) {
      const cell = cellOf(entity, key);
      if (cell) return cell;
    }
    const name = x.shortfall?.[0] ?? x.unknown?.[0];
    const member = name !== undefined ? descendant(entity, name) : undefined;
    if (member) return memberCell(member, x.check) ?? member.origin;
    if (x.memberAt) return x.memberAt;
    stack.push(...(x.parts ?? []));
  }
  return entity.origin;
}

function metricsOf(check: Check): string[] {
  switch (check.kind) {
    case 'compare':
    case 'status':
    case 'grade':
      return [check.metric];
    case 'manual':
      return check.metric ? [check.metric] : [];
    case 'each':
    case 'share':
    case 'count':
    case 'sum':
    case 'mean':
      return check.given ? [check.given] : [];
    default:
      return [];
  }
}

/** The member's cell for one of the metrics its own check reads. */
function memberCell(member: Entity, check: Check): At | undefined {
  let found: At | undefined;
  walkChecks(check, [], (c) => {
    if (found) return;
    for (const key of metricsOf(c)) found ??= cellOf(member, key);
  });
  return found;
}

function descendant(entity: Entity, name: string): Entity | undefined {
  const stack = [...entity.children];
  while (stack.length) {
    const e = stack.pop()!;
    if (e.name === name) return e;
    stack.push(...e.children);
  }
  return undefined;
}
