import type { LevelCheck, NaCheck } from '../../standard/types.js';
import type { Evaluator } from '../types.js';
import { describe } from '../describe.js';
import { levelName } from '../evaluate-check.js';

export const level: Evaluator<LevelCheck> = (check, entity, ctx) => ({
  status: check.is.includes(entity.level) ? 'pass' : 'fail',
  target: describe(check, ctx.metrics, (id, kind) => levelName(ctx, id, kind)),
  actual: levelName(ctx, entity.level),
  reasons: [],
  check,
});

export const na: Evaluator<NaCheck> = (check) => ({
  status: 'na',
  target: `不适用：${check.reason}`,
  reasons: [{ code: 'not-applicable', reason: check.reason }],
  check,
});
