import type { ManualCheck } from '../../standard/types.js';
import type { Evaluator } from '../types.js';
import { read } from '../read.js';
import { describe } from '../describe.js';
import { levelName } from '../evaluate-check.js';
import { notKept } from './not-kept.js';
import { formatValue } from '../../data/values.js';

// Qualitative: `manual` until the data says yes/no; a yes passes only with evidence when the rule asks for it.
export const manual: Evaluator<ManualCheck> = (check, entity, ctx) => {
  const target = describe(check, ctx.metrics, (id, kind) => levelName(ctx, id, kind));
  const judgement = { code: 'needs-judgement' as const, evidence: check.evidence };
  if (!check.metric) return { status: 'manual', target, reasons: [judgement], check };
  const metric = ctx.metrics.get(check.metric)!;
  const r = read(entity, check.metric, ctx);
  if ('na' in r) return notKept(metric, entity, ctx, target, check);
  if ('missing' in r) return { status: 'manual', target, reasons: [judgement], check };
  const v = r.value;
  const actual = formatValue(v, metric);
  const evidence = entity.evidence.get(check.metric);
  const withEvidence = evidence ? `${actual}（依据：${evidence}）` : actual;
  if (v.kind === 'partial') return { status: 'fail', target, actual: withEvidence, value: 'partial', reasons: [{ code: 'partial', label: metric.label }], check };
  if (v.kind === 'boolean' && !v.value) return { status: 'fail', target, actual: withEvidence, value: false, reasons: [], check };
  if (check.requireEvidence && !evidence) {
    return { status: 'manual', target, actual, value: true, reasons: [{ code: 'evidence-required', evidence: check.evidence }], check };
  }
  return { status: 'pass', target, actual: withEvidence, value: true, reasons: [], check };
};
