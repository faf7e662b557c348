// JSON output: stable, documented in docs/json-output.md. Bump SCHEMA_VERSION on any incompatible change.
import type { Formatter } from './types.js';
import type { Outcome, Result } from '../engine/types.js';
import type { Standard } from '../standard/types.js';
import { reasonText } from '../i18n/reasons.js';
import { dutyOf, levelNameOf } from './common.js';
import { gapText } from './gap.js';

export const SCHEMA_VERSION = 1;

export const json: Formatter = ({ evaluation, warnings, inputs }) => {
  const { standard } = evaluation;
  const out = {
    schemaVersion: SCHEMA_VERSION,
    tool: 'dabiao',
    standard: { id: standard.id, title: standard.title, origin: standard.origin },
    options: { tiers: evaluation.tiers, asOf: evaluation.asOf ?? null },
    inputs,
    summary: evaluation.summary.map((s) => ({ entity: s.entity, level: s.level, levelName: levelNameOf(standard, s.level), tier: s.tier, ...s.counts })),
    results: evaluation.results.map((r) => result(r, standard)),
    warnings,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
};

function result(r: Result, standard: Standard) {
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
    ...outcome(r, standard),
    responsible: duty.responsible,
    deadline: duty.deadline ?? null,
    tasks: duty.tasks.map((t) => t.id),
  };
}

function outcome(o: Outcome, standard: Standard): Record<string, unknown> {
  return {
    status: o.status,
    label: o.label ?? null,
    actual: o.actual ?? null,
    value: o.value ?? null,
    target: { text: o.target, check: o.check },
    gap: o.gap ?? null,
    gapText: gapText(o, (id) => levelNameOf(standard, id)) || null,
    shortfall: o.shortfall ?? [],
    unknown: o.unknown ?? [],
    ...(o.levelsOf ? { levelsOf: o.levelsOf } : {}),
    year: o.year ?? null,
    stage: o.stage ?? null,
    reasons: o.reasons.map((x) => ({ ...x, message: reasonText(x) })),
    parts: o.parts?.map((p) => outcome(p, standard)) ?? [],
  };
}
