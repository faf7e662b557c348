// What a rule file may say but probably should not: warnings that `validate-standard` prints. A file with
// warnings still loads; errors are cross-check.ts's.
import type { RawStandard } from './schema.js';
import type { Check } from './types.js';
import { kindLookup } from './levels.js';
import { walkChecks } from './walk.js';
import type { PathProblem } from './cross-check.js';
import { say } from '../i18n/message.js';

export function lint(std: RawStandard): PathProblem[] {
  const warnings: PathProblem[] = [];
  const kinds = kindLookup(std.levels);
  const places = new Set((std.places ?? []).map((p) => kinds(p.level)?.level.id));
  const counted = new Set(
    std.metrics.filter((m) => m.countOf !== undefined).map((m) => {
      const k = kinds(m.countOf!);
      return `${k?.level.id}/${k?.kind?.id ?? ''}`;
    }),
  );

  std.indicators.forEach((ind, i) => {
    const trees: [Check, PropertyKey[]][] = [
      [ind.check as Check, ['indicators', i, 'check']],
      ...Object.entries(ind.tiers ?? {}).map(([k, c]): [Check, PropertyKey[]] => [c as Check, ['indicators', i, 'tiers', k]]),
    ];
    let asksForEvidence = false;
    for (const [tree, path] of trees) {
      walkChecks(tree, path, (c, p) => {
        if (c.kind === 'manual' && c.evidenceNotRequired === undefined && c.requireEvidence !== false) asksForEvidence = true;
        if (c.kind === 'each' || c.kind === 'share' || c.kind === 'count' || c.kind === 'sum' || c.kind === 'mean') {
          const k = kinds(c.level);
          if (!k || k.level.depth === 0 || c.given !== undefined && c.kind !== 'each') return;
          const key = `${k.level.id}/${k.kind?.id ?? ''}`;
          if (!counted.has(key) && !places.has(k.level.id)) {
            warnings.push({
              path: [...p, 'level'],
              message: say(
                `按${c.level}汇总时无从得知共有多少个${c.level}：请添加一个带“countOf: ${c.level}”的数据项，或在 places 中列出它们；在此之前，数据给出的行就当作全部`,
                `a roll-up over ${c.level} cannot tell how many there are: add a metric with "countOf: ${c.level}" or list them in places; until then the rows given are taken as all of them`,
              ),
            });
          }
        }
      });
    }
    if (ind.evidence !== undefined && !asksForEvidence) {
      warnings.push({
        path: ['indicators', i, 'evidence'],
        message: say(
          `${ind.id} 写明了依据（“${ind.evidence}”），但没有哪项检查要求它：请把由人判定的条款写成 manual 检查`,
          `${ind.id} names evidence ("${ind.evidence}") but no check asks for it: make the clause a person judges a manual check`,
        ),
      });
    }
  });
  return warnings;
}
