// JSON output: stable, documented in docs/json-output.md. Bump SCHEMA_VERSION on any incompatible change.
import type { Formatter } from './types.js';
import type { Outcome, Result } from '../engine/types.js';
import type { Standard } from '../standard/types.js';
import { dutyOf, levelNameOf } from './common.js';
import { words, type Words } from '../i18n/words.js';

export const SCHEMA_VERSION = 1;

export const json: Formatter = ({ evaluation, warnings, inputs, lang }) => {
  const { standard } = evaluation;
  const w = words(standard, lang);
  const out = {
    schemaVersion: SCHEMA_VERSION,
    tool: 'dabiao',
    standard: { id: standard.id, title: standard.title, origin: standard.origin },
    options: { tiers: evaluation.tiers, asOf: evaluation.asOf ?? null },
    inputs,
    summary: evaluation.summary.map((s) => ({ entity: s.entity, level: s.level, levelName: levelNameOf(standard, s.level), tier: s.tier, ...s.counts })),
    results: evaluation.results.map((r) => result(r, standard, w)),
    warnings,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
};

function result(r: Result, standard: Standard, w: Words) {
  const duty = dutyOf(standard, r.indicator);
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
    responsible: duty.responsible,
    deadline: duty.deadline ?? null,
    tasks: duty.tasks.map((t) => t.id),
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
