// Turns a validated rule file into the Standard the engine uses: level names resolved to ids, defaults filled.
import type { RawStandard } from './schema.js';
import type { Check, Indicator, Metric, Responsible, Standard, Threshold } from './types.js';
import { kindLookup, levelLookup, type KindLookup } from './levels.js';
import { metricsReadAt } from './indicator-metric.js';
import { latest, monthsBetween, parseDeadline, type Due } from './deadlines.js';
import { mapChecks, walkChecks } from './walk.js';

export function normalize(raw: RawStandard, origin: string): Standard {
  const lookup = levelLookup(raw.levels);
  const kinds = kindLookup(raw.levels);
  const id = (name: string) => lookup(name)!.id;
  const allLevels = raw.levels.map((l) => l.id);

  const metrics: Metric[] = raw.metrics.map((m) => ({
    ...m,
    aliases: m.aliases ?? [],
    levels: m.levels ? m.levels.map(id) : allLevels,
    countOf: m.countOf ? id(m.countOf) : undefined,
    countOfKind: m.countOf ? kinds(m.countOf)!.kind?.id : undefined,
  }));

  const byKey = new Map(metrics.map((m) => [m.key, m]));
  const taskDue = new Map((raw.tasks ?? []).map((t) => [t.id, { text: t.deadline, when: parseDeadline(t.deadline), task: t.id } as Due]));
  const steps = [resolveLevels(kinds), resolveValues(byKey), resolveDue(taskDue), stageDue];
  const resolve = (c: Check) => mapChecks(c, (x) => steps.reduce((acc, step) => step(acc), x));
  const indicators: Indicator[] = raw.indicators.map((x) => {
    const check = resolve(x.check as Check);
    const evaluateAt = (x.evaluateAt ?? [x.level]).map(id);
    // Without a declared metric, an indicator-id column fills the one metric the check reads where it is judged.
    const read = metricsReadAt(check, evaluateAt[0]!, byKey);
    const tiers = Object.fromEntries(Object.entries(x.tiers ?? {}).map(([k, c]) => [k, resolve(c as Check)]));
    let clauseDeadlines = false;
    // A year stage's own end does not tie the indicator's clauses to deadlines; a task or deadline in the rule does.
    for (const tree of [check, ...Object.values(tiers)]) walkChecks(tree, [], (c) => void (clauseDeadlines ||= c.due !== undefined && (c.due.stage === undefined || c.due.task !== undefined)));
    const own = x.deadline !== undefined ? { text: x.deadline, when: parseDeadline(x.deadline) } : undefined;
    return {
      ...x,
      due: own ?? latest((x.tasks ?? []).map((t) => taskDue.get(t)!).filter(Boolean)),
      clauseDeadlines,
      level: id(x.level),
      evaluateAt,
      metric: x.metric ?? (read.length === 1 ? read[0] : undefined),
      tasks: x.tasks ?? [],
      ...(x.responsible ? { responsible: x.responsible.map(unitOf) } : {}),
      check,
      tiers,
    };
  });

  return {
    id: raw.id,
    title: raw.title,
    titleEn: raw.titleEn,
    issuer: raw.issuer,
    document: raw.document,
    region: raw.region,
    levels: raw.levels.map((l, depth) => ({ ...l, aliases: l.aliases ?? [], kinds: (l.kinds ?? []).map((k) => ({ ...k, aliases: k.aliases ?? [] })), depth })),
    places: (raw.places ?? []).map((p) => ({ ...p, level: id(p.level) })),
    tiers: raw.tiers,
    classes: raw.classes ?? [],
    metrics,
    tasks: (raw.tasks ?? []).map((t) => ({ ...t, responsible: t.responsible.map(unitOf) })),
    indicators,
    glossary: raw.glossary ?? {},
    origin,
  };
}

/** A responsible unit under the name gap lists group it by, and as the document writes it. */
function unitOf(r: { name: string; lead?: boolean; unit?: string }): Responsible {
  const out: Responsible = { name: r.unit ?? r.name };
  if (r.lead) out.lead = true;
  if (r.unit && r.unit !== r.name) out.written = r.name;
  return out;
}

/** Level names in roll-ups and level checks → ids (a kind's name → its level and kind); evidence defaults. */
function resolveLevels(lookup: KindLookup): (check: Check) => Check {
  const members = (name: string) => {
    const found = lookup(name)!;
    return found.kind ? { level: found.level.id, levelKind: found.kind.id } : { level: found.level.id };
  };
  return (check) => {
    switch (check.kind) {
      case 'level':
        return { ...check, is: check.is.map((name) => lookup(name)!.level.id) };
      case 'each':
      case 'share':
      case 'count':
      case 'sum':
      case 'mean':
        return { ...check, ...members(check.level) };
      case 'manual':
        // Evidence is the default: a yes passes without it only where the rule says why.
        return { ...check, requireEvidence: check.evidenceNotRequired === undefined };
      default:
        return check;
    }
  };
}

/** "1/3" in a rule file → a number in the unit the check compares in (33.33…% for a percentage or a share). */
export function fractionValue(v: number | string, scale: number): number {
  if (typeof v === 'number') return v;
  const [a, b] = v.split('/').map(Number) as [number, number];
  return (a / b) * scale;
}

/** Thresholds written as fractions → numbers in the unit compared. */
function resolveValues(metrics: Map<string, Metric>): (check: Check) => Check {
  const scaleOf = (key: string) => {
    const m = metrics.get(key);
    return m?.type === 'percent' ? ((m.unit ?? '%') === '‰' ? 1000 : 100) : 1;
  };
  const value = (v: Threshold | string | [number | string, number | string], scale: number): Threshold =>
    Array.isArray(v) ? [fractionValue(v[0], scale), fractionValue(v[1], scale)] : fractionValue(v as number | string, scale);
  return (check) => {
    switch (check.kind) {
      case 'compare':
      case 'sum':
      case 'mean':
        return { ...check, value: value(check.value, scaleOf(check.metric)) };
      case 'share':
        return { ...check, value: value(check.value, 100) };
      case 'count':
        return { ...check, value: value(check.value, 1) };
      default:
        return check;
    }
  };
}

/**
 * A year stage is due by the end of its year: "2019年设置率达90%" cannot wait for the sub-task's final deadline
 * (2020年6月), which belongs to the last stage. A stage's deadline is the earlier of the two.
 */
function stageDue(check: Check): Check {
  if (check.kind !== 'stages') return check;
  return {
    ...check,
    stages: check.stages.map((s) => {
      const due = s.check.due;
      const end = { year: s.year, month: 12 };
      if (due && due.when.kind === 'month' && monthsBetween(end, due.when.at) <= 0) return s;
      return { ...s, check: { ...s.check, due: { text: `${s.year}年`, when: { kind: 'month', at: end }, task: due?.task, stage: s.year } } };
    }),
  };
}

/** A clause's deadline: its sub-task's, or its own. */
function resolveDue(tasks: Map<string, Due>): (check: Check) => Check {
  return (check) => {
    const due = check.task !== undefined ? tasks.get(check.task) : check.deadline !== undefined ? { text: check.deadline, when: parseDeadline(check.deadline) } : undefined;
    return due ? { ...check, due } : check;
  };
}
