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
