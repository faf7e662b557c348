// JSON output of `check`: stable, documented in docs/json-output.md. Bump SCHEMA_VERSION on any incompatible change.
import type { Report, RenderOptions, Sink } from '../types.js';
import type { Outcome, Result, Waiver } from '../../engine/types.js';
import type { Evaluation } from '../../engine/evaluate.js';
import type { Standard } from '../../standard/types.js';
import { levelNameOf } from '../../standard/levels.js';
import { formatMonth } from '../../standard/deadlines.js';
import { resultDuty } from '../../engine/duty.js';
import { words, type Words } from '../../i18n/words.js';

export const SCHEMA_VERSION = 2;

/** What every JSON report starts with: the tool, the standard, the options and the inputs. */
export function header(kind: string, evaluation: Evaluation, inputs: { file: string; encoding?: string }[], lang: string) {
  const { standard } = evaluation;
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: 'dabiao',
    kind,
    lang,
    standard: { id: standard.id, title: standard.title, origin: standard.origin },
    options: { tiers: evaluation.tiers, asOf: evaluation.asOf ? formatMonth(evaluation.asOf) : null },
    inputs,
  };
}

export function check(report: Extract<Report, { kind: 'check' }>, options: RenderOptions, sink: Sink): void {
  const { evaluation } = report;
  const { standard } = evaluation;
  const w = words(standard, options.lang);
  const out = {
    ...header('check', evaluation, report.inputs, options.lang),
    summary: evaluation.summary.map((s) => ({ entity: s.entity, level: s.level, levelName: levelNameOf(standard, s.level), tier: s.tier, ...s.counts })),
    results: evaluation.results.map((r) => resultJson(r, standard, w)),
    waivers: evaluation.waivers.map((u) => ({ ...waiverJson(u.waiver), used: u.used })),
    warnings: report.warnings,
  };
  sink.write(`${JSON.stringify(out, null, 2)}\n`);
}

export function resultJson(r: Result, standard: Standard, w: Words) {
  const duty = resultDuty(standard, r);
  return {
    entity: r.entity,
    level: r.level,
    levelName: levelNameOf(standard, r.level),
    path: r.path,
    indicator: r.indicator.id,
    number: r.indicator.number,
    title: r.indicator.title,
    class: r.indicator.class ?? null,
    category: r.indicator.category,
    tier: r.tier,
    ...outcome(r, w),
    responsible: duty.units,
    deadline: duty.deadlines.join('、') || null,
    tasks: duty.tasks,
    due: duty.due,
    ...(r.waived ? { waived: { was: r.waived.was, ...waiverJson(r.waived.waiver) } } : {}),
  };
}

function outcome(o: Outcome, w: Words): Record<string, unknown> {
  return {
    status: o.status,
    label: o.label ?? null,
    actual: o.actual ? w.actual(o.actual) : null,
    value: o.value ?? null,
    target: { text: w.target(o.target), check: o.check },
    gap: o.gap ?? null,
    gapText: w.gap(o) || null,
    shortfall: o.shortfall ?? [],
    unknown: o.unknown ?? [],
    ...(o.levelsOf ? { levelsOf: o.levelsOf } : {}),
    year: o.year ?? null,
    stage: o.stage ?? null,
    ...(o.unlisted ? { unlisted: o.unlisted } : {}),
    reasons: o.reasons.map((x) => ({ ...x, message: w.reason(x) })),
    parts: o.parts?.map((p) => outcome(p, w)) ?? [],
  };
}

export function waiverJson(w: Waiver) {
  return { file: w.file, line: w.line, indicator: w.indicator, entity: w.entity ?? null, tier: w.tier ?? null, reason: w.reason, approvedBy: w.by, expires: w.expires, covers: w.covers };
}
