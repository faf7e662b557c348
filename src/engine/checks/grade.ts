import type { GradeCheck } from '../../standard/types.js';
import type { Evaluator } from '../types.js';
import { read } from '../read.js';
import { notKept } from './not-kept.js';
import { DEFAULT_GRADE_SCALE, gradeIndex } from '../../standard/grades.js';

export const grade: Evaluator<GradeCheck> = (check, entity, ctx) => {
  const metric = ctx.metrics.get(check.metric)!;
  const scale = metric.scale ?? DEFAULT_GRADE_SCALE;
  const target = { kind: 'check', check } as const;
  const r = read(entity, check.metric, ctx);
  if ('na' in r) return notKept(metric, entity, check);
  if ('missing' in r) return { status: 'missing', target, reasons: r.missing, check };
  if (r.value.kind !== 'grade') return { status: 'missing', target, reasons: [{ code: 'missing-value', metric: metric.key }], check };
  const needed = gradeIndex(check.atLeast, scale)!;
  const ok = r.value.index <= needed;
  return {
    status: ok ? 'pass' : 'fail',
    target,
    actual: { kind: 'value', value: r.value, metric: metric.key },
    value: r.value.grade,
    gap: ok ? undefined : { amount: r.value.index - needed, steps: true },
    reasons: [],
    check,
  };
};
