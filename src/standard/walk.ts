// Visits every check in a tree, with its path from the tree's root.
import type { Check } from './types.js';

export function walkChecks(
  check: Check,
  path: readonly PropertyKey[],
  visit: (check: Check, path: readonly PropertyKey[]) => void,
): void {
  visit(check, path);
  for (const [child, childPath] of childrenOf(check, path)) walkChecks(child, childPath, visit);
}

function childrenOf(check: Check, path: readonly PropertyKey[]): [Check, PropertyKey[]][] {
  switch (check.kind) {
    case 'all':
    case 'any':
    case 'either':
      return check.of.map((c, i) => [c, [...path, 'of', i]]);
    case 'cases':
      return [
        ...check.cases.flatMap((c, i): [Check, PropertyKey[]][] => [
          [c.when, [...path, 'cases', i, 'when']],
          [c.then, [...path, 'cases', i, 'then']],
        ]),
        ...(check.otherwise ? [[check.otherwise, [...path, 'otherwise']] as [Check, PropertyKey[]]] : []),
      ];
    case 'stages':
      return check.stages.map((s, i) => [s.check, [...path, 'stages', i, 'check']]);
    case 'each':
    case 'share':
    case 'count':
      return [[check.check, [...path, 'check']]];
    default:
      return [];
  }
}

/** A copy of the tree with `f` applied to every check, children first (so `f` sees the mapped children). */
export function mapChecks(check: Check, f: (check: Check) => Check): Check {
  const r = (c: Check) => mapChecks(c, f);
  switch (check.kind) {
    case 'all':
    case 'any':
    case 'either':
      return f({ ...check, of: check.of.map(r) });
    case 'cases':
      return f({ ...check, cases: check.cases.map((c) => ({ ...c, when: r(c.when), then: r(c.then) })), otherwise: check.otherwise && r(check.otherwise) });
    case 'stages':
      return f({ ...check, stages: check.stages.map((s) => ({ ...s, check: r(s.check) })) });
    case 'each':
    case 'share':
    case 'count':
      return f({ ...check, check: r(check.check) });
    default:
      return f(check);
  }
}
