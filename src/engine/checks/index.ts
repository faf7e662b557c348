// The registry: one evaluator per check kind. A kind missing here is a type error.
import type { Check, CheckKind } from '../../standard/types.js';
import type { Evaluator } from '../types.js';
import { compare } from './compare.js';
import { status } from './status.js';
import { grade } from './grade.js';
import { manual } from './manual.js';
import { level, na } from './level.js';
import { all, any, either } from './combine.js';
import { cases } from './cases.js';
import { stages } from './stages.js';
import { each, share, count } from './rollup-members.js';
import { sum, mean } from './rollup-values.js';

export const evaluators: { [K in CheckKind]: Evaluator<Extract<Check, { kind: K }>> } = {
  compare,
  status,
  grade,
  manual,
  level,
  na,
  all,
  any,
  either,
  cases,
  stages,
  each,
  share,
  count,
  sum,
  mean,
};
