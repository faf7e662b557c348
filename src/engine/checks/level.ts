import type { LevelCheck, NaCheck } from '../../standard/types.js';
import type { Evaluator } from '../types.js';

export const level: Evaluator<LevelCheck> = (check, entity) => ({
  status: check.is.includes(entity.level) ? 'pass' : 'fail',
  target: { kind: 'check', check },
  actual: { kind: 'level', level: entity.level },
  reasons: [],
  check,
});

export const na: Evaluator<NaCheck> = (check) => ({
  status: 'na',
  target: { kind: 'check', check },
  reasons: [{ code: 'not-applicable', reason: check.reason, reasonEn: check.reasonEn }],
  check,
});
