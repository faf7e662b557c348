import type { AllCheck, AnyCheck, EitherCheck } from '../../standard/types.js';
import type { Evaluator, Outcome, Status } from '../types.js';
import { evaluateCheck } from '../evaluate-check.js';

/** all: any fail fails; otherwise anything unknown leaves it unknown; parts that are `na` do not count. */
export function allStatus(statuses: Status[]): Status {
  const applicable = statuses.filter((s) => s !== 'na');
  if (applicable.length === 0) return 'na';
  for (const s of ['fail', 'missing', 'manual', 'pending'] as const) if (applicable.includes(s)) return s;
  return 'pass';
}

/** any: one pass passes; otherwise unknown parts leave it unknown; all failing fails. */
export function anyStatus(statuses: Status[]): Status {
  const applicable = statuses.filter((s) => s !== 'na');
  if (applicable.length === 0) return 'na';
  for (const s of ['pass', 'missing', 'manual', 'pending'] as const) if (applicable.includes(s)) return s;
  return 'fail';
}

function combine(check: AllCheck | AnyCheck, parts: Outcome[], status: Status): Outcome {
  const relevant = parts.filter((p) => p.status === status);
  return {
    status,
    // Built from the parts, so a year-staged part shows the stage in force rather than every stage.
    target: { kind: 'join', how: check.kind, label: check.label, labelEn: check.labelEn, parts: parts.map((p) => p.target) },
    actual: { kind: 'parts', parts: parts.filter((p) => p.status !== 'na').map((p) => ({ label: p.label, labelEn: p.labelEn, actual: p.actual })) },
    shortfall: unique(relevant.flatMap((p) => p.shortfall ?? [])),
    unknown: unique(parts.flatMap((p) => p.unknown ?? [])),
    gap: relevant.length === 1 ? relevant[0]!.gap : undefined,
    year: parts.find((p) => p.year !== undefined)?.year,
    stage: parts.find((p) => p.stage !== undefined)?.stage,
    reasons: relevant.flatMap((p) => p.reasons),
    parts,
    check,
  };
}

function unique<T>(xs: T[]): T[] | undefined {
  return xs.length ? [...new Set(xs)] : undefined;
}

export const all: Evaluator<AllCheck> = (check, entity, ctx) => {
  const parts = check.of.map((c) => evaluateCheck(c, entity, ctx));
  return combine(check, parts, allStatus(parts.map((p) => p.status)));
};

/** either: alternative measures of one condition; the first one the data supplies decides. */
export const either: Evaluator<EitherCheck> = (check, entity, ctx) => {
  const parts: Outcome[] = [];
  for (const c of check.of) {
    const o = evaluateCheck(c, entity, ctx);
    parts.push(o);
    if (o.status !== 'missing') return o;
  }
  return { status: 'missing', target: { kind: 'join', how: 'either', label: check.label, labelEn: check.labelEn, parts: parts.map((p) => p.target) }, reasons: parts.flatMap((p) => p.reasons), parts, check };
};

export const any: Evaluator<AnyCheck> = (check, entity, ctx) => {
  const parts = check.of.map((c) => evaluateCheck(c, entity, ctx));
  return combine(check, parts, anyStatus(parts.map((p) => p.status)));
};
