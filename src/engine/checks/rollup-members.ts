// each / share / count: a condition checked on every member entity, then judged over the set.
import type { CountCheck, EachCheck, ShareCheck } from '../../standard/types.js';
import type { Context, Evaluator, Outcome } from '../types.js';
import type { Entity } from '../../data/dataset.js';
import { describe, unitOf, withUnit } from '../describe.js';
import { levelName } from '../evaluate-check.js';
import { membersNameOf } from '../../standard/levels.js';
import type { Reason } from '../types.js';
import { gapOf, meets, round } from '../math.js';
import { isMember, outcomeOf, partition, type Partition } from '../members.js';
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
  /** How many members are unknown (an entry of `unknown` may stand for several: "另有6个乡镇（街道）无数据"). */
  u: number;
  n: number;
  /** Members whose own check does not apply to them. */
  na: number;
  /** The number of members is not known (社区数 not given): any number may exist beyond those counted. */
  open: boolean;
  /** Why some members are unknown beyond their own results: counts or kinds the data does not give. */
  reasons: Reason[];
}

function tally(check: MemberCheck, part: Partition, ctx: Context): Tally {
  const t: Tally = { pass: [], fail: [], unknown: [], u: 0, n: 0, na: 0, open: part.countUnknown.length > 0, reasons: [] };
  const name = membersNameOf(ctx.standard, check.level, check.levelKind);
  for (const m of part.members) {
    const o = outcomeOf(check.check, m, ctx);
    if (o.status === 'na') {
      t.na++;
      continue;
    }
    t.n++;
    if (o.status === 'pass') t.pass.push(m.name);
    else if (o.status === 'fail') t.fail.push(m.name);
    else {
      t.unknown.push(m.name);
      t.u++;
    }
  }
  // A row whose kind is not given may or may not be one of the members; only its own failure or doubt matters then.
  const unsure = part.kindUnknown.filter((m) => outcomeOf(check.check, m, ctx).status !== 'pass' && outcomeOf(check.check, m, ctx).status !== 'na');
  if (unsure.length) {
    t.unknown.push(...unsure.map((m) => m.name));
    t.u += unsure.length;
    t.n += unsure.length;
    const level = ctx.standard.levels.find((l) => l.id === check.level)!;
    t.reasons.push({ code: 'kind-unknown', level: level.name, kind: name, kinds: level.kinds.map((k) => k.name), entities: unsure.map((m) => m.name) });
  }
  t.unknown.push(...part.absentMembers);
  t.u += part.absentMembers.length;
  t.n += part.absentMembers.length;
  if (part.unaccounted > 0) {
    t.unknown.push(`另有${part.unaccounted}个${name}无数据`);
    t.u += part.unaccounted;
    t.n += part.unaccounted;
  }
  if (t.open) {
    const counter = ctx.standard.metrics.find((m) => m.countOf === check.level && m.countOfKind === check.levelKind);
    t.reasons.push({ code: 'count-unknown', level: name, label: counter?.label ?? `${name}数`, entities: part.countUnknown.map((e) => e.name) });
  }
  return t;
}

/** each, or a share of 100%: a condition every member must meet, so it can be judged on one member. */
function isEveryMember(check: MemberCheck): boolean {
  return check.kind === 'each' || (check.kind === 'share' && check.op === '>=' && check.value === 100);
}

/** Shared frame: `na` below the level, `given` when the data supplies it, `missing` over an empty set. */
function rollup(check: MemberCheck, entity: Entity, ctx: Context, judge: (t: Tally, target: string) => Outcome): Outcome {
  const target = describe(check, ctx.metrics, (id, kind) => levelName(ctx, id, kind));
  const name = membersNameOf(ctx.standard, check.level, check.levelKind);
  const part = partition(entity, check, check.given, ctx);
  if (!part) return { status: 'na', target, reasons: [{ code: 'not-applicable', reason: `${levelName(ctx, check.level)}以上层级的要求` }], check };
  if (entity.level === check.level) {
    const member = isMember(entity, check);
    if (member === false) return { status: 'na', target, reasons: [{ code: 'not-applicable', reason: `只计${name}` }], check };
    if (member === undefined) {
      const level = ctx.standard.levels.find((l) => l.id === check.level)!;
      return { status: 'missing', target, reasons: [{ code: 'kind-unknown', level: level.name, kind: name, kinds: level.kinds.map((k) => k.name), entities: [entity.name] }], check };
    }
    // "≥ 50% of communities" says nothing about one community on its own.
    if (!isEveryMember(check)) return { status: 'na', target, reasons: [{ code: 'not-applicable', reason: `对${name}整体的要求` }], check };
    // Judged on one member: that member's own condition, shown as such (not as "1/1").
    return outcomeOf(check.check, entity, ctx);
  }
  const t = tally(check, part, ctx);
  if (check.given) {
    const g = given(check, entity, ctx, target);
    // A stated 100% cannot outweigh a listed member that falls short.
    if (g && !(isEveryMember(check) && g.status === 'pass' && t.fail.length)) return g;
  }
  const blocks = [
    ...part.blocks.map((d) => ({ name: d.name, level: d.level, outcome: outcomeOf(check, d, ctx), entity: d })),
    ...part.absentBlocks.map((name) => ({ name, level: ctx.standard.places.find((p) => p.name === name)!.level, outcome: { status: 'missing', target, reasons: [], check } as Outcome })),
  ].filter((g) => g.outcome.status !== 'na');
  if (blocks.length) return open(withBlocks(check, t, blocks, target, ctx), t, check);
  if (t.n === 0 && t.na > 0 && !t.open) {
    return { status: 'na', target, reasons: [{ code: 'not-applicable', reason: `没有适用的${name}` }], check };
  }
  if (t.n === 0) {
    if (t.open) return { status: 'missing', target, actual: tallyText(t, name), reasons: t.reasons, check };
    return { status: 'missing', target, reasons: [{ code: 'no-members', level: name, given: check.given ? ctx.metrics.get(check.given)!.label : undefined }], check };
  }
  return open(judge(t, target), t, check);
}

/**
 * Where the number of members is unknown, any number of further members may exist: a verdict stands only if they
 * could not change it. Every member failing to meet "all of them" fails whatever the rest say; a count that has
 * already reached a floor stays there; anything else waits for the number.
 */
function open(o: Outcome, t: Tally, check: MemberCheck): Outcome {
  if (!t.open) return t.reasons.length ? { ...o, reasons: [...o.reasons, ...t.reasons] } : o;
  const up = check.kind !== 'each' && (check.op === '>=' || check.op === '>');
  const down = check.kind !== 'each' && (check.op === '<=' || check.op === '<');
  const stands =
    (o.status === 'pass' && check.kind === 'count' && up) ||
    (o.status === 'fail' && (isEveryMember(check) || (check.kind === 'count' && down)));
  if (stands || (o.status !== 'pass' && o.status !== 'fail')) return { ...o, reasons: [...o.reasons, ...t.reasons] };
  return { ...o, status: 'missing', gap: undefined, reasons: [...o.reasons.filter((r) => r.code !== 'members-unknown'), ...t.reasons] };
}

interface Block {
  name: string;
  level: string;
  outcome: Outcome;
  entity?: Entity;
}

/** The counts behind a block's own rate, when it states them (numerator and denominator of the given ratio). */
function ownCounts(e: Entity | undefined, check: ShareCheck, ctx: Context): { pass: number; n: number } | undefined {
  if (!e || !check.given) return undefined;
  const r = ctx.metrics.get(check.given)?.derive?.ratio;
  if (!r || r.per !== 100 || e.values.has(check.given)) return undefined;
  const num = e.values.get(r.numerator);
  const den = e.values.get(r.denominator);
  return num?.kind === 'number' && den?.kind === 'number' && den.value > 0 ? { pass: num.value, n: den.value } : undefined;
}

/**
 * Some entities between the judged one and the roll-up's level are judged by their own figures (a county that
 * reports its 设置率, or has no township rows). "Every township" holds only if it holds in each of them. A share
 * is a weighted mean of theirs and the rows', so it is decided when every part's share lies on the same side of
 * the target; counts add up.
 */
function withBlocks(check: MemberCheck, t: Tally, blocks: Block[], target: string, ctx: Context): Outcome {
  const reported = blocks.filter((g) => g.outcome.actual !== undefined).map((g) => `${g.name}：${g.outcome.actual}`);
  const silent = blocks.filter((g) => g.outcome.actual === undefined).map((g) => g.name);
  const actual = [t.n ? shareText(t.pass.length, t.n) : '', ...reported, silent.length ? `无数据：${list(silent)}` : ''].filter(Boolean).join('；');
  const levelsOf = Object.fromEntries(blocks.map((g) => [g.name, g.level]));
  const base = { target, actual, check, levelsOf };
  const unknownBlocks = blocks.filter((g) => typeof g.outcome.value !== 'number' && g.outcome.status !== 'pass' && g.outcome.status !== 'fail').map((g) => g.name);
  const undecided = (names: string[]): Outcome => ({
    ...base,
    status: 'missing',
    unknown: names,
    reasons: [{ code: 'members-unknown', level: [...new Set(names.map((n) => levelName(ctx, levelsOf[n] ?? check.level)))].join('、'), entities: names }],
  });

  if (isEveryMember(check)) {
    const shortfall = [...t.fail, ...blocks.filter((g) => g.outcome.status === 'fail').map((g) => g.name)];
    const unknown = [...t.unknown, ...blocks.filter((g) => g.outcome.status !== 'pass' && g.outcome.status !== 'fail').map((g) => g.name)];
    if (shortfall.length) return { ...base, status: 'fail', shortfall, unknown: unknown.length ? unknown : undefined, gap: { amount: shortfall.length, entities: shortfall.length }, reasons: [] };
    if (unknown.length) return undecided(unknown);
    return { ...base, status: 'pass', reasons: [] };
  }
  const c = check as ShareCheck | CountCheck; // `each` was decided above
  // A county whose rate comes from its own counts (9 stations in 10 townships) adds those counts exactly.
  const exact = c.kind === 'share' ? blocks.map((g) => ownCounts(g.entity, c, ctx)) : blocks.map(() => undefined);
  if (c.kind === 'share' && exact.every((x) => x !== undefined)) {
    const pass = t.pass.length + exact.reduce((a, x) => a + x!.pass, 0);
    const n = t.n + exact.reduce((a, x) => a + x!.n, 0);
    const lowPct = (pass / n) * 100;
    const highPct = ((pass + t.u) / n) * 100;
    const shown = { ...base, actual: `${shareText(pass, n)}（含${blocks.map((g) => g.name).join('、')}填报的数量）` };
    if (meets(lowPct, c.op, c.value) && meets(highPct, c.op, c.value)) return { ...shown, status: 'pass', reasons: [] };
    if (!meets(highPct, c.op, c.value) && (c.op === '>=' || c.op === '>')) {
      return { ...shown, status: 'fail', shortfall: [...t.fail, ...blocks.filter((g) => g.outcome.status === 'fail').map((g) => g.name)], gap: gapOf(highPct, c.op, c.value, '%'), reasons: [] };
    }
  }
  const values = blocks.map((g) => g.outcome.value);
  if (unknownBlocks.length || values.some((v) => typeof v !== 'number')) return undecided([...t.unknown, ...blocks.filter((g) => typeof g.outcome.value !== 'number').map((g) => g.name)]);
  const numbers = values as number[];
  let low: number;
  let high: number;
  if (c.kind === 'count') {
    const known = numbers.reduce((a, b) => a + b, 0) + t.pass.length;
    low = known;
    high = known + t.u;
  } else {
    const shares = [...numbers];
    const lows = [...shares];
    const highs = [...shares];
    if (t.n > 0) {
      lows.push((t.pass.length / t.n) * 100);
      highs.push(((t.pass.length + t.u) / t.n) * 100);
    }
    low = Math.min(...lows);
    high = Math.max(...highs);
  }
  if (meets(low, c.op, c.value) && meets(high, c.op, c.value)) return { ...base, status: 'pass', reasons: [] };
  if (outside(low, high, c.op, c.value)) return { ...base, status: 'fail', shortfall: [...t.fail, ...blocks.filter((g) => g.outcome.status === 'fail').map((g) => g.name)], reasons: [] };
  return undecided([...t.unknown, ...blocks.map((g) => g.name)]);
}

/** Whether every value in [low, high] misses the target (targets are intervals, so this is decidable). */
function outside(low: number, high: number, op: ShareCheck['op'], value: ShareCheck['value']): boolean {
  if (op === 'between') {
    const [a, b] = value as [number, number];
    return !meets(high, '>=', a) || !meets(low, '<=', b);
  }
  const v = value as number;
  switch (op) {
    case '>=':
    case '>':
      return !meets(high, op, v);
    case '<=':
    case '<':
      return !meets(low, op, v);
    case '=':
      return !meets(high, '>=', v) || !meets(low, '<=', v);
  }
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

/** "16/18（88.9%）", with the members whose result is not known, or "11个县（市、区）均无数据" when none is. */
function tallyText(t: Tally, name: string): string {
  const open = t.open ? `，${name}总数未知` : '';
  if (t.n === 0) return `无${name}数据${open}`;
  if (t.u === t.n) return `${t.n}个${name}均无数据${open}`;
  return `${shareText(t.pass.length, t.n)}${t.u ? `，其中${t.u}个无数据` : ''}${open}`;
}

function shareText(k: number, n: number): string {
  return `${k}/${n}（${formatNumber(+((k / n) * 100).toFixed(1))}%）`;
}

export const each: Evaluator<EachCheck> = (check, entity, ctx) =>
  rollup(check, entity, ctx, (t, target) => {
    const base = { target, actual: tallyText(t, membersNameOf(ctx.standard, check.level, check.levelKind)), value: round((t.pass.length / t.n) * 100), check };
    if (t.fail.length) return { ...base, status: 'fail', shortfall: t.fail, unknown: t.unknown.length ? t.unknown : undefined, gap: { amount: t.fail.length, entities: t.fail.length }, reasons: [] };
    if (t.unknown.length) return { ...base, status: 'missing', unknown: t.unknown, reasons: [{ code: 'members-unknown', level: levelName(ctx, check.level), entities: t.unknown }] };
    return { ...base, status: 'pass', reasons: [] };
  });

export const share: Evaluator<ShareCheck> = (check, entity, ctx) =>
  rollup(check, entity, ctx, (t, target) => {
    const pct = (k: number) => (k / t.n) * 100;
    const low = meets(pct(t.pass.length), check.op, check.value);
    const high = meets(pct(t.pass.length + t.u), check.op, check.value);
    const base = { target, actual: tallyText(t, membersNameOf(ctx.standard, check.level, check.levelKind)), value: round(pct(t.pass.length)), check, unknown: t.unknown.length ? t.unknown : undefined };
    if (low && high) return { ...base, status: 'pass', reasons: [] };
    if (!low && !high) {
      // Unknown members might still meet it: the gap is what remains even if they all do.
      return { ...base, status: 'fail', shortfall: t.fail, gap: { ...gapOf(pct(t.pass.length + t.u), check.op, check.value, '%'), entities: needed(t, check) }, reasons: [] };
    }
    return { ...base, status: 'missing', reasons: [{ code: 'members-unknown', level: levelName(ctx, check.level), entities: t.unknown }] };
  });

/** How many more members must meet the condition for a ≥ / > share target. */
function needed(t: Tally, check: ShareCheck): number | undefined {
  if (check.op !== '>=' && check.op !== '>') return undefined;
  const best = t.pass.length + t.u;
  for (let k = best; k <= t.n; k++) if (meets((k / t.n) * 100, check.op, check.value)) return k - best;
  return undefined;
}

export const count: Evaluator<CountCheck> = (check, entity, ctx) =>
  rollup(check, entity, ctx, (t, target) => {
    const low = meets(t.pass.length, check.op, check.value);
    const high = meets(t.pass.length + t.u, check.op, check.value);
    const base = { target, actual: String(t.pass.length), value: t.pass.length, check, unknown: t.unknown.length ? t.unknown : undefined };
    if (low && high) return { ...base, status: 'pass', reasons: [] };
    if (!low && !high) return { ...base, status: 'fail', shortfall: t.fail, gap: gapOf(t.pass.length, check.op, check.value), reasons: [] };
    return { ...base, status: 'missing', reasons: [{ code: 'members-unknown', level: levelName(ctx, check.level), entities: t.unknown }] };
  });
