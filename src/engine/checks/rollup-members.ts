// each / share / count: a condition checked on every member entity, then judged over the set.
import type { CountCheck, EachCheck, ShareCheck } from '../../standard/types.js';
import type { Context, Evaluator, Outcome } from '../types.js';
import type { Entity } from '../../data/dataset.js';
import { describe, unitOf, withUnit } from '../describe.js';
import { levelName } from '../evaluate-check.js';
import { gapOf, meets, round } from '../math.js';
import { absentMembers, gapsAt, membersAt, outcomeOf } from '../members.js';
import { read } from '../read.js';
import { stated } from '../stated.js';
import { list } from '../../i18n/reasons.js';
import { formatNumber, formatValue } from '../../data/values.js';

type MemberCheck = EachCheck | ShareCheck | CountCheck;

interface Tally {
  pass: string[];
  fail: string[];
  /** Missing or manual, or known to the standard but absent from the data. */
  unknown: string[];
  n: number;
  /** Members whose own check does not apply to them. */
  na: number;
}

function tally(check: MemberCheck, entity: Entity, members: Entity[], ctx: Context): Tally {
  const t: Tally = { pass: [], fail: [], unknown: [], n: 0, na: 0 };
  for (const m of members) {
    const o = outcomeOf(check.check, m, ctx);
    if (o.status === 'na') {
      t.na++;
      continue;
    }
    t.n++;
    if (o.status === 'pass') t.pass.push(m.name);
    else if (o.status === 'fail') t.fail.push(m.name);
    else t.unknown.push(m.name);
  }
  const absent = entity.level === check.level ? [] : absentMembers(entity, check.level, ctx).members;
  t.unknown.push(...absent);
  t.n += absent.length;
  return t;
}


/** each, or a share of 100%: a condition every member must meet, so it can be judged on one member. */
function isEveryMember(check: MemberCheck): boolean {
  return check.kind === 'each' || (check.kind === 'share' && check.op === '>=' && check.value === 100);
}

/** Shared frame: `na` below the level, `given` when the data supplies it, `missing` over an empty set. */
function rollup(check: MemberCheck, entity: Entity, ctx: Context, judge: (t: Tally, target: string) => Outcome): Outcome {
  const target = describe(check, ctx.metrics, (id) => levelName(ctx, id));
  const members = membersAt(entity, check.level, ctx);
  if (!members) return { status: 'na', target, reasons: [{ code: 'not-applicable', reason: `${levelName(ctx, check.level)}以上层级的要求` }], check };
  if (entity.level === check.level && !isEveryMember(check)) {
    // "≥ 50% of communities" says nothing about one community on its own.
    return { status: 'na', target, reasons: [{ code: 'not-applicable', reason: `对${levelName(ctx, check.level)}整体的要求` }], check };
  }
  // Judged on one member: that member's own condition, shown as such (not as "1/1").
  if (entity.level === check.level) return outcomeOf(check.check, entity, ctx);
  if (check.given) {
    const g = given(check, entity, ctx, target);
    if (g) return g;
  }
  const t = tally(check, entity, members, ctx);
  const absentBlocks = entity.level === check.level ? [] : absentMembers(entity, check.level, ctx).blocks;
  const gaps = [
    ...gapsAt(entity, check.level, ctx).map((d) => ({ name: d.name, level: d.level, outcome: outcomeOf(check, d, ctx) })),
    ...absentBlocks.map((name) => ({ name, level: ctx.standard.places.find((p) => p.name === name)!.level, outcome: { status: 'missing', target, reasons: [], check } as Outcome })),
  ].filter((g) => g.outcome.status !== 'na');
  if (gaps.length) return withGaps(check, t, gaps, target, ctx);
  if (t.n === 0 && t.na > 0) {
    return { status: 'na', target, reasons: [{ code: 'not-applicable', reason: `没有适用的${levelName(ctx, check.level)}` }], check };
  }
  if (t.n === 0) {
    return { status: 'missing', target, reasons: [{ code: 'no-members', level: levelName(ctx, check.level), given: check.given ? ctx.metrics.get(check.given)!.label : undefined }], check };
  }
  return judge(t, target);
}

/**
 * Some intermediate entities (e.g. counties) came without rows at the roll-up's level, judged instead by their
 * own figures. "Every township" still decides: it holds only if it holds in each of them. A share, count or
 * total below 100% cannot be merged from rates without their denominators, so it stays unknown.
 */
function withGaps(check: MemberCheck, t: Tally, gaps: { name: string; level: string; outcome: Outcome }[], target: string, ctx: Context): Outcome {
  const failing = gaps.filter((g) => g.outcome.status === 'fail').map((g) => g.name);
  const unknownGaps = gaps.filter((g) => g.outcome.status !== 'pass' && g.outcome.status !== 'fail').map((g) => g.name);
  const gapLevel = levelName(ctx, gaps[0]!.level);
  const reported = gaps.filter((g) => g.outcome.actual !== undefined).map((g) => `${g.name}：${g.outcome.actual}`);
  const silent = gaps.filter((g) => g.outcome.actual === undefined).map((g) => g.name);
  const actual = [t.n ? shareText(t.pass.length, t.n) : '', ...reported, silent.length ? `无数据：${list(silent)}` : ''].filter(Boolean).join('；');
  const base = { target, actual, check };
  if (!isEveryMember(check)) {
    const unknown = [...t.unknown, ...gaps.map((g) => g.name)];
    return { ...base, status: 'missing', unknown, reasons: [{ code: 'members-unknown', level: `${levelName(ctx, check.level)}（或${gapLevel}）`, entities: gaps.map((g) => g.name) }] };
  }
  const shortfall = [...t.fail, ...failing];
  const unknown = [...t.unknown, ...unknownGaps];
  if (shortfall.length) return { ...base, status: 'fail', shortfall, unknown: unknown.length ? unknown : undefined, gap: { amount: shortfall.length, entities: shortfall.length }, reasons: [] };
  if (unknown.length) return { ...base, status: 'missing', unknown, reasons: [{ code: 'members-unknown', level: `${levelName(ctx, check.level)}（或${gapLevel}）`, entities: unknown }] };
  return { ...base, status: 'pass', reasons: [] };
}

function given(check: MemberCheck, entity: Entity, ctx: Context, target: string): Outcome | undefined {
  const r = read(entity, check.given!, ctx);
  if (!('value' in r)) return undefined;
  const metric = ctx.metrics.get(check.given!)!;
  const v = r.value;
  const reasons = [{ code: 'given' as const, metric: metric.key, label: metric.label }];
  const actual = formatValue(v, metric);
  const said = stated(v, metric, isEveryMember(check), ctx);
  if (said) return { ...said, target, value: said.actual, reasons: [...reasons, ...said.reasons], check };
  if (v.kind === 'boolean') return { status: v.value ? 'pass' : 'fail', target, actual, value: v.value, reasons, check };
  if (v.kind !== 'number') return undefined;
  const op = check.kind === 'each' ? '>=' : check.op;
  const value = check.kind === 'each' ? 100 : check.value;
  const ok = meets(v.value, op, value);
  const unit = check.kind === 'count' ? undefined : unitOf(metric);
  return { status: ok ? 'pass' : 'fail', target, actual: withUnit(+v.value.toFixed(4), unit), value: v.value, gap: ok ? undefined : gapOf(v.value, op, value, unit), reasons, check };
}

function shareText(k: number, n: number): string {
  return `${k}/${n}（${formatNumber(+((k / n) * 100).toFixed(1))}%）`;
}

export const each: Evaluator<EachCheck> = (check, entity, ctx) =>
  rollup(check, entity, ctx, (t, target) => {
    const base = { target, actual: shareText(t.pass.length, t.n), value: round((t.pass.length / t.n) * 100), check };
    if (t.fail.length) return { ...base, status: 'fail', shortfall: t.fail, unknown: t.unknown.length ? t.unknown : undefined, gap: { amount: t.fail.length, entities: t.fail.length }, reasons: [] };
    if (t.unknown.length) return { ...base, status: 'missing', unknown: t.unknown, reasons: [{ code: 'members-unknown', level: levelName(ctx, check.level), entities: t.unknown }] };
    return { ...base, status: 'pass', reasons: [] };
  });

export const share: Evaluator<ShareCheck> = (check, entity, ctx) =>
  rollup(check, entity, ctx, (t, target) => {
    const pct = (k: number) => (k / t.n) * 100;
    const low = meets(pct(t.pass.length), check.op, check.value);
    const high = meets(pct(t.pass.length + t.unknown.length), check.op, check.value);
    const base = { target, actual: shareText(t.pass.length, t.n), value: round(pct(t.pass.length)), check, unknown: t.unknown.length ? t.unknown : undefined };
    if (low && high) return { ...base, status: 'pass', reasons: [] };
    if (!low && !high) {
      return { ...base, status: 'fail', shortfall: t.fail, gap: { ...gapOf(pct(t.pass.length), check.op, check.value, '%'), entities: needed(t, check) }, reasons: [] };
    }
    return { ...base, status: 'missing', reasons: [{ code: 'members-unknown', level: levelName(ctx, check.level), entities: t.unknown }] };
  });

/** How many more members must meet the condition for a ≥ / > share target. */
function needed(t: Tally, check: ShareCheck): number | undefined {
  if (check.op !== '>=' && check.op !== '>') return undefined;
  for (let k = t.pass.length; k <= t.n; k++) if (meets((k / t.n) * 100, check.op, check.value)) return k - t.pass.length;
  return undefined;
}

export const count: Evaluator<CountCheck> = (check, entity, ctx) =>
  rollup(check, entity, ctx, (t, target) => {
    const low = meets(t.pass.length, check.op, check.value);
    const high = meets(t.pass.length + t.unknown.length, check.op, check.value);
    const base = { target, actual: String(t.pass.length), value: t.pass.length, check, unknown: t.unknown.length ? t.unknown : undefined };
    if (low && high) return { ...base, status: 'pass', reasons: [] };
    if (!low && !high) return { ...base, status: 'fail', shortfall: t.fail, gap: gapOf(t.pass.length, check.op, check.value), reasons: [] };
    return { ...base, status: 'missing', reasons: [{ code: 'members-unknown', level: levelName(ctx, check.level), entities: t.unknown }] };
  });
