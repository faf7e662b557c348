import type { ManualCheck } from '../../standard/types.js';
import type { Actual, Attestation, Evaluator, Outcome, Reason } from '../types.js';
import { read } from '../read.js';
import { notKept } from './not-kept.js';

/** The reason a record of the evidence file gives for settling a clause. */
export function attested(a: Attestation): Reason {
  return { code: 'attested', file: a.file, line: a.line, by: a.by, evidence: a.evidence, date: a.date };
}

// Qualitative: `manual` until the data (or the evidence file) says yes/no; a yes passes only with evidence unless
// the rule says why not. A record of the evidence file outweighs the data's own cell: a person has attested it.
export const manual: Evaluator<ManualCheck> = (check, entity, ctx) => {
  const target = { kind: 'check', check } as const;
  const record = ctx.attestation(entity, check.metric);
  if (record) {
    const actual: Actual = { kind: 'evidenced', of: { kind: 'value', value: { kind: 'boolean', value: record.met }, metric: check.metric ?? '' }, evidence: record.evidence };
    return { status: record.met ? 'pass' : 'fail', target, actual, value: record.met, reasons: [attested(record)], check } satisfies Outcome;
  }
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
