import type { ManualCheck } from '../../standard/types.js';
import type { Actual, Evaluator } from '../types.js';
import { read } from '../read.js';
import { notKept } from './not-kept.js';

// Qualitative: `manual` until the data says yes/no; a yes passes only with evidence unless the rule says why not.
export const manual: Evaluator<ManualCheck> = (check, entity, ctx) => {
  const target = { kind: 'check', check } as const;
  const judgement = { code: 'needs-judgement' as const, evidence: check.evidence, evidenceEn: check.evidenceEn };
  if (!check.metric) return { status: 'manual', target, reasons: [judgement], check };
  const metric = ctx.metrics.get(check.metric)!;
  const r = read(entity, check.metric, ctx);
  if ('na' in r) return notKept(metric, entity, check);
  if ('missing' in r) return { status: 'manual', target, reasons: [judgement], check };
  const v = r.value;
  const said: Actual = { kind: 'value', value: v, metric: metric.key };
  const evidence = entity.evidence.get(check.metric);
  const actual: Actual = evidence ? { kind: 'evidenced', of: said, evidence } : said;
  if (v.kind === 'partial') return { status: 'fail', target, actual, value: 'partial', reasons: [{ code: 'partial', metric: metric.key }], check };
  if (v.kind === 'boolean' && !v.value) return { status: 'fail', target, actual, value: false, reasons: [], check };
  if (check.requireEvidence && !evidence) {
    return { status: 'manual', target, actual, value: true, reasons: [{ code: 'evidence-required', evidence: check.evidence, evidenceEn: check.evidenceEn }], check };
  }
  return { status: 'pass', target, actual, value: true, reasons: [], check };
};
