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

/** Metrics a check reads at the judged entity itself: not those read from child entities in a roll-up,
 *  but a roll-up's `given`. */
export function directMetrics(check: Check): string[] {
  const found = new Set<string>();
  const visit = (c: Check): void => {
    switch (c.kind) {
      case 'compare':
      case 'status':
      case 'grade':
        found.add(c.metric);
        return;
      case 'manual':
        if (c.metric) found.add(c.metric);
        return;
      case 'each':
      case 'share':
      case 'count':
      case 'sum':
      case 'mean':
        if (c.given) found.add(c.given);
        return;
      default:
        for (const [child] of childrenOf(c, [])) visit(child);
    }
  };
  visit(check);
  return [...found];
}
