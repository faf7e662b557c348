// sum / mean: a metric totalled or averaged over member entities.
import type { MeanCheck, SumCheck } from '../../standard/types.js';
import type { Context, Evaluator, Outcome, Reason, Target } from '../types.js';
import type { Entity } from '../../data/dataset.js';
import { gapOf, meets, round } from '../math.js';
import { unitOf } from '../units.js';
import { partition } from '../members.js';
import { addValue, emptyTally, mergeTally } from '../tallies.js';
import { read } from '../read.js';
import { stated } from '../stated.js';

function aggregate(check: SumCheck | MeanCheck, entity: Entity, ctx: Context): Outcome {
  const metric = ctx.metrics.get(check.metric)!;
  const unit = unitOf(metric);
  const target: Target = { kind: 'check', check };
  const members = { level: check.level, levelKind: check.levelKind };
  const part = partition(entity, check, check.given, ctx);
  if (!part) return { status: 'na', target, reasons: [{ code: 'below-members', ...members }], check };
  // A total or an average is a property of the set, not of one member.
  if (entity.level === check.level) return { status: 'na', target, reasons: [{ code: 'collective', ...members }], check };

  const judged = (n: number, reasons: Reason[], extra: Partial<Outcome> = {}): Outcome => {
    const ok = meets(n, check.op, check.value);
    return { status: ok ? 'pass' : 'fail', target, actual: { kind: 'number', value: round(n), unit }, value: n, gap: ok ? undefined : gapOf(n, check.op, check.value, unit), reasons, check, ...extra };
  };
  if (check.given) {
    const g = read(entity, check.given, ctx);
    const gm = ctx.metrics.get(check.given)!;
    const said = 'value' in g ? stated(g.value, gm, false, ctx) : undefined;
    if (said) return { ...said, target, reasons: [{ code: 'given', metric: gm.key }, ...said.reasons], check };
    if ('value' in g && g.value.kind === 'number') {
      return { ...judged(g.value.value, [{ code: 'given', metric: gm.key }]), actual: { kind: 'value', value: g.value, metric: gm.key } };
    }
  }
  // The members' values: rows kept in memory, and bottom-level rows totalled as they were read.
  const t = emptyTally(ctx.sampleLimit);
  for (const m of part.members) {
    const r = read(m, check.metric, ctx);
    if ('na' in r) continue;
    addValue(t, m.name, 'value' in r && r.value.kind === 'number' ? r.value.value : undefined, m.origin);
  }
  for (const m of part.kindUnknown) addValue(t, m.name, undefined, m.origin);
  for (const p of part.leafParents) {
    const leaf = p.leaves!.tallies.get(check);
    if (leaf) mergeTally(t, leaf);
  }
  let values = t.values;
  let total = t.sum;
  let unknownCount = t.noValue;
  const unknownNames = [...t.noValueNames, ...part.absentMembers, ...part.absentBlocks];
  unknownCount += part.absentMembers.length + part.absentBlocks.length;
  // An intermediate entity without rows at the level: its own total adds to a sum; a mean cannot use it.
  const levelsOf: Record<string, string> = {};
  for (const block of part.blocks) {
    const o = aggregate(check, block, ctx);
    if (o.status === 'na') continue;
    if (check.kind === 'sum' && typeof o.value === 'number') {
      values++;
      total += o.value;
    } else {
      unknownNames.push(block.name);
      unknownCount++;
      levelsOf[block.name] = block.level;
    }
  }
  for (const name of part.absentBlocks) levelsOf[name] = ctx.standard.places.find((p) => p.name === name)!.level;
  const why: Reason[] = [];
  const unsure = [...part.kindUnknown.map((e) => e.name), ...t.unsureNames];
  if (unsure.length) why.push({ code: 'kind-unknown', level: check.level, levelKind: check.levelKind!, entities: unsure });
  const open = part.countUnknown.length > 0;
  if (open) {
    const counter = ctx.standard.metrics.find((m) => m.countOf === check.level && m.countOfKind === check.levelKind);
    why.push({ code: 'count-unknown', ...members, metric: counter?.key, entities: part.countUnknown.map((e) => e.name) });
  }
  // Members a stated count says exist but that have no rows: each one unknown.
  const unlisted = part.unaccounted;
  const extra = { ...(unlisted > 0 ? { unlisted } : {}), ...(t.otherAt ? { memberAt: t.otherAt } : {}) };
  const n = values + unknownCount + unlisted;
  if (n === 0 && open) return { status: 'missing', target, reasons: why, check };
  if (n === 0) return { status: 'missing', target, reasons: [{ code: 'no-members', ...members, given: check.given }], check };
  if (unknownCount || unlisted || open) {
    const named = unknownNames.length ? { unknown: unknownNames, ...(unknownCount > unknownNames.length ? { unknownCount } : {}) } : {};
    // Counts and quantities are never negative: a known partial sum already over a ≥ target passes.
    if (check.kind === 'sum' && (check.op === '>=' || check.op === '>') && meets(total, check.op, check.value)) {
      return judged(total, why, { ...named, ...extra });
    }
    // An average is at least the known total spread over every member, unknown ones counted as 0 — if their
    // number is known.
    if (!open && check.kind === 'mean' && (check.op === '>=' || check.op === '>') && meets(total / n, check.op, check.value)) {
      return { ...judged(total / n, why, { ...named, ...extra }), actual: { kind: 'number', value: round(total / n), unit, atLeast: true } };
    }
    const reasons: Reason[] = unknownCount || unlisted ? [{ code: 'members-unknown', ...members, entities: unknownNames }, ...why] : why;
    return { status: 'missing', target, reasons, ...named, ...extra, levelsOf, check };
  }
  return judged(check.kind === 'sum' ? total : total / values, []);
}

export const sum: Evaluator<SumCheck> = aggregate;
export const mean: Evaluator<MeanCheck> = aggregate;
