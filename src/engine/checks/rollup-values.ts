// sum / mean: a metric totalled or averaged over member entities.
import type { MeanCheck, SumCheck } from '../../standard/types.js';
import type { Evaluator, Outcome } from '../types.js';
import type { Entity } from '../../data/dataset.js';
import type { Context, Reason } from '../types.js';
import { describe, unitOf, withUnit } from '../describe.js';
import { levelName } from '../evaluate-check.js';
import { membersNameOf } from '../../standard/levels.js';
import { gapOf, meets, round } from '../math.js';
import { partition } from '../members.js';
import { read } from '../read.js';
import { stated } from '../stated.js';

function aggregate(check: SumCheck | MeanCheck, entity: Entity, ctx: Context): Outcome {
  const metric = ctx.metrics.get(check.metric)!;
  const unit = unitOf(metric);
  const target = describe(check, ctx.metrics, (id, kind) => levelName(ctx, id, kind));
  const part = partition(entity, check, check.given, ctx);
  if (!part) return { status: 'na', target, reasons: [{ code: 'not-applicable', reason: `${levelName(ctx, check.level)}以上层级的要求` }], check };
  if (entity.level === check.level) {
    // A total or an average is a property of the set, not of one member.
    return { status: 'na', target, reasons: [{ code: 'not-applicable', reason: `对${levelName(ctx, check.level)}整体的要求` }], check };
  }

  const judged = (n: number, reasons: Outcome['reasons'], extra: Partial<Outcome> = {}): Outcome => {
    const ok = meets(n, check.op, check.value);
    return { status: ok ? 'pass' : 'fail', target, actual: withUnit(round(n), unit), value: n, gap: ok ? undefined : gapOf(n, check.op, check.value, unit), reasons, check, ...extra };
  };
  if (check.given) {
    const g = read(entity, check.given, ctx);
    const gm = ctx.metrics.get(check.given)!;
    const said = 'value' in g ? stated(g.value, gm, false, ctx) : undefined;
    if (said) return { ...said, target, value: said.actual, reasons: [{ code: 'given', metric: gm.key, label: gm.label }, ...said.reasons], check };
    if ('value' in g && g.value.kind === 'number') {
      return judged(g.value.value, [{ code: 'given', metric: gm.key, label: gm.label }]);
    }
  }
  const values: number[] = [];
  const unknown: Entity[] = [];
  for (const m of part.members) {
    const r = read(m, check.metric, ctx);
    if ('na' in r) continue;
    if ('value' in r && r.value.kind === 'number') values.push(r.value.value);
    else unknown.push(m);
  }
  const name = membersNameOf(ctx.standard, check.level, check.levelKind);
  const unknownNames = [...unknown.map((e) => e.name), ...part.kindUnknown.map((e) => e.name), ...part.absentMembers, ...part.absentBlocks];
  // Members a stated count says exist but that have no rows: each one unknown.
  const unlisted = part.unaccounted;
  if (unlisted > 0) unknownNames.push(`另有${unlisted}个${name}无数据`);
  const why: Reason[] = [];
  if (part.kindUnknown.length) {
    const level = ctx.standard.levels.find((l) => l.id === check.level)!;
    why.push({ code: 'kind-unknown', level: level.name, kind: name, kinds: level.kinds.map((k) => k.name), entities: part.kindUnknown.map((e) => e.name) });
  }
  const open = part.countUnknown.length > 0;
  if (open) {
    const counter = ctx.standard.metrics.find((m) => m.countOf === check.level && m.countOfKind === check.levelKind);
    why.push({ code: 'count-unknown', level: name, label: counter?.label ?? `${name}数`, entities: part.countUnknown.map((e) => e.name) });
  }
  // An intermediate entity without rows at the level: its own total adds to a sum; a mean cannot use it.
  const levelsOf: Record<string, string> = {};
  for (const gap of part.blocks) {
    const o = aggregate(check, gap, ctx);
    if (o.status === 'na') continue;
    if (check.kind === 'sum' && typeof o.value === 'number') values.push(o.value);
    else {
      unknownNames.push(gap.name);
      levelsOf[gap.name] = gap.level;
    }
  }
  for (const name of part.absentBlocks) levelsOf[name] = ctx.standard.places.find((p) => p.name === name)!.level;
  const n = values.length + unknownNames.length - (unlisted > 0 ? 1 : 0) + unlisted;
  if (n === 0 && open) return { status: 'missing', target, actual: `无${name}数据`, reasons: why, check };
  if (n === 0) return { status: 'missing', target, reasons: [{ code: 'no-members', level: levelName(ctx, check.level), given: check.given ? ctx.metrics.get(check.given)!.label : undefined }], check };
  const total = values.reduce((a, b) => a + b, 0);
  if (unknownNames.length || open) {
    // Counts and quantities are never negative: a known partial sum already over a ≥ target passes.
    if (check.kind === 'sum' && (check.op === '>=' || check.op === '>') && meets(total, check.op, check.value)) {
      return judged(total, why, { unknown: unknownNames.length ? unknownNames : undefined });
    }
    // An average is at least the known total spread over every member, unknown ones counted as 0 — if their
    // number is known.
    if (!open && check.kind === 'mean' && (check.op === '>=' || check.op === '>') && meets(total / n, check.op, check.value)) {
      return { ...judged(total / n, why, { unknown: unknownNames }), actual: `≥ ${withUnit(round(total / n), unit)}` };
    }
    const reasons: Reason[] = unknownNames.length ? [{ code: 'members-unknown', level: name, entities: unknownNames }, ...why] : why;
    return { status: 'missing', target, actual: values.length ? undefined : unknownNames.length ? `${n}个${name}均无数据` : undefined, reasons, unknown: unknownNames.length ? unknownNames : undefined, levelsOf, check };
  }
  const result = check.kind === 'sum' ? total : total / values.length;
  const outcome = judged(result, []);
  return outcome;
}

export const sum: Evaluator<SumCheck> = aggregate;
export const mean: Evaluator<MeanCheck> = aggregate;
