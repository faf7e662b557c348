import type { StagesCheck } from '../../standard/types.js';
import type { Evaluator } from '../types.js';
import { evaluateCheck } from '../evaluate-check.js';

/**
 * The stage in force as of a year: the last stage whose year has come; before the first, the first (the
 * target being worked towards); with no year given, the last stage (the final target).
 */
export function stageFor<S extends { year: number }>(stages: readonly S[], asOf: number | undefined): S {
  if (asOf === undefined) return stages[stages.length - 1]!;
  let chosen = stages[0]!;
  for (const s of stages) if (s.year <= asOf) chosen = s;
  return chosen;
}

export const stages: Evaluator<StagesCheck> = (check, entity, ctx) => {
  const stage = stageFor(check.stages, ctx.asOf?.year);
  const outcome = evaluateCheck(stage.check, entity, ctx);
  return { ...outcome, target: { kind: 'stage', year: stage.year, label: stage.label, labelEn: stage.labelEn, of: outcome.target }, year: stage.year, stage: stage.label ?? String(stage.year) };
};
