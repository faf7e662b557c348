// each / share / count: a condition checked on every member entity, then judged over the set.
import type { Check, CountCheck, EachCheck, ManualCheck, ShareCheck } from '../../standard/types.js';
import { walkChecks } from '../../standard/walk.js';
import type { Actual, Context, Evaluator, Outcome, Reason, Status, Target } from '../types.js';
import type { Entity } from '../../data/dataset.js';
import { gapOf, meets, round } from '../math.js';
import { unitOf } from '../units.js';
import { isMember, outcomeOf, partition, type Partition } from '../members.js';
import { addOutcome, emptyTally, mergeTally, type At, type MemberTally } from '../tallies.js';
import { read } from '../read.js';
import { stated } from '../stated.js';
import { attested } from './manual.js';

type MemberCheck = EachCheck | ShareCheck | CountCheck;

interface Tally {
  pass: number;
  fail: number;
  /** A sample of the failing members, and of those whose result is unknown (absent places included). */
  failNames: string[];
  unknownNames: string[];
  /** How many members are unknown: their own result, their kind, absence, or a stated count's unlisted ones. */
  u: number;
  n: number;
  /** Members a stated count says exist but that have no rows. */
  unlisted: number;
  /** Members whose own check does not apply to them. */
  na: number;
  /** The number of members is not known (社区数 not given): any number may exist beyond those counted. */
  open: boolean;
  /** Why some members are unknown beyond their own results: counts or kinds the data does not give. */
  reasons: Reason[];
  /** What the unknown members are waiting for: data (missing), a person's judgement (manual) or a deadline. */
  waiting: Set<Status>;
  /** The judgement reasons of manual members (what evidence they need), once each. */
  judgements: Reason[];
  /** Where the first failing (else unknown) member's value is. */
  at?: At;
}

/**
 * An undecided roll-up is `missing` when some member's data is absent (or members are absent, unlisted or of
 * unknown kind); `manual` when every undecided member only awaits a person's judgement or its evidence;
 * `pending` when every one is only not yet due.
 */
function undecided(t: Tally): Status {
  if (t.waiting.has('missing') || t.open || t.unlisted > 0 || t.reasons.some((r) => r.code === 'kind-unknown')) return 'missing';
  if (t.waiting.has('manual')) return 'manual';
  return t.waiting.has('pending') ? 'pending' : 'missing';
}

/** The members' results: rows kept in memory, and bottom-level rows counted as they were read. */
export function memberTally(check: MemberCheck, part: Partition, ctx: Context): MemberTally {
  const m = emptyTally(ctx.sampleLimit);
  for (const e of part.members) addOutcome(m, e.name, outcomeOf(check.check, e, ctx), false, e.origin);
  for (const e of part.kindUnknown) addOutcome(m, e.name, outcomeOf(check.check, e, ctx), true, e.origin);
  for (const p of part.leafParents) {
    const leaf = p.leaves!.tallies.get(check);
    if (leaf) mergeTally(m, leaf);
  }
  return m;
}

function tally(check: MemberCheck, part: Partition, ctx: Context): Tally {
  const m = memberTally(check, part, ctx);
  const t: Tally = {
    pass: m.pass,
    fail: m.fail,
    failNames: m.failNames,
    unknownNames: [...m.unknownNames],
    u: m.unknown,
    n: m.pass + m.fail + m.unknown,
    unlisted: part.unaccounted,
    na: m.na,
    open: part.countUnknown.length > 0,
    reasons: [],
    waiting: new Set(m.waiting),
    judgements: m.judgements,
    at: m.failAt ?? m.otherAt,
  };
  const members = { level: check.level, levelKind: check.levelKind };
  // A row whose kind is not given may or may not be a member; only its own failure or doubt matters then.
  if (m.unsure) t.reasons.push({ code: 'kind-unknown', level: check.level, levelKind: check.levelKind!, entities: m.unsureNames });
  if (part.absentMembers.length) t.waiting.add('missing');
  t.unknownNames.push(...part.absentMembers);
  t.u += part.absentMembers.length + part.unaccounted;
  t.n += part.absentMembers.length + part.unaccounted;
  if (t.open) {
    const counter = ctx.standard.metrics.find((x) => x.countOf === check.level && x.countOfKind === check.levelKind);
    t.reasons.push({ code: 'count-unknown', ...members, metric: counter?.key, entities: part.countUnknown.map((e) => e.name) });
  }
  return t;
}

/** The failing members' names, with their number when it is more than the names kept. */
function shortfall(names: string[], count: number): Pick<Outcome, 'shortfall' | 'shortfallCount'> {
  return { shortfall: names, ...(count > names.length ? { shortfallCount: count } : {}) };
}

function unknowns(names: string[], count: number): Pick<Outcome, 'unknown' | 'unknownCount'> {
  if (!names.length && !count) return {};
  return { unknown: names, ...(count > names.length ? { unknownCount: count } : {}) };
}

/** each, or a share of 100%: a condition every member must meet, so it can be judged on one member. */
function isEveryMember(check: MemberCheck): boolean {
  return check.kind === 'each' || (check.kind === 'share' && check.op === '>=' && check.value === 100);
}

function tallyActual(t: Tally, check: MemberCheck): Actual {
  return { kind: 'tally', pass: t.pass, n: t.n, unknown: t.u, open: t.open, level: check.level, levelKind: check.levelKind };
}

/** Shared frame: `na` below the level, `given` when the data supplies it, `missing` over an empty set. */
function rollup(check: MemberCheck, entity: Entity, ctx: Context, judge: (t: Tally, target: Target) => Outcome): Outcome {
  const target: Target = { kind: 'check', check };
  const members = { level: check.level, levelKind: check.levelKind };
  const part = partition(entity, check, check.given, ctx);
  if (!part) return { status: 'na', target, reasons: [{ code: 'below-members', ...members }], check };
  if (entity.level === check.level) {
    const member = isMember(entity, check);
    if (member === false) return { status: 'na', target, reasons: [{ code: 'other-kind', level: check.level, levelKind: check.levelKind! }], check };
    if (member === undefined) return { status: 'missing', target, reasons: [{ code: 'kind-unknown', level: check.level, levelKind: check.levelKind!, entities: [entity.name] }], check };
    // "≥ 50% of communities" says nothing about one community on its own.
    if (!isEveryMember(check)) return { status: 'na', target, reasons: [{ code: 'collective', ...members }], check };
    // Judged on one member: that member's own condition, shown as such (not as "1/1").
    return outcomeOf(check.check, entity, ctx);
  }
  const t = tally(check, part, ctx);
  if (check.given) {
    const g = given(check, entity, ctx, target);
    // A stated 100% cannot outweigh a listed member that falls short.
    if (g && !(isEveryMember(check) && g.status === 'pass' && t.fail)) return g;
  }
  const blocks = [
    ...part.blocks.map((d) => ({ name: d.name, level: d.level, outcome: outcomeOf(check, d, ctx), entity: d })),
    ...part.absentBlocks.map((name) => ({ name, level: ctx.standard.places.find((p) => p.name === name)!.level, outcome: { status: 'missing', target, reasons: [], check } as Outcome })),
  ].filter((g) => g.outcome.status !== 'na');
  if (blocks.length) return open(withBlocks(check, t, blocks, target, ctx), t, check);
  if (t.n === 0 && t.na > 0 && !t.open) return { status: 'na', target, reasons: [{ code: 'no-applicable-members', ...members }], check };
  if (t.n === 0) {
    if (t.open) return { status: 'missing', target, actual: tallyActual(t, check), reasons: t.reasons, check };
    return { status: 'missing', target, reasons: [{ code: 'no-members', ...members, given: check.given }], check };
  }
  return open(judge(t, target), t, check);
}

/**
 * Where the number of members is unknown, any number of further members may exist: a verdict stands only if they
 * could not change it. A member failing "all of them" fails whatever the rest say; a count that has already
 * reached a floor stays there; anything else waits for the number.
 */
function open(o: Outcome, t: Tally, check: MemberCheck): Outcome {
  const unlisted = t.unlisted > 0 ? { unlisted: t.unlisted } : {};
  const where = t.at ? { memberAt: t.at } : {};
  if (!t.open) return t.reasons.length ? { ...o, ...unlisted, ...where, reasons: [...o.reasons, ...t.reasons] } : { ...o, ...unlisted, ...where };
  const up = check.kind !== 'each' && (check.op === '>=' || check.op === '>');
  const down = check.kind !== 'each' && (check.op === '<=' || check.op === '<');
  const stands =
    (o.status === 'pass' && check.kind === 'count' && up) ||
    (o.status === 'fail' && (isEveryMember(check) || (check.kind === 'count' && down)));
  if (stands || (o.status !== 'pass' && o.status !== 'fail')) return { ...o, ...unlisted, ...where, reasons: [...o.reasons, ...t.reasons] };
  return { ...o, ...unlisted, ...where, status: 'missing', gap: undefined, reasons: [...o.reasons.filter((r) => r.code !== 'members-unknown'), ...t.reasons] };
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
function withBlocks(check: MemberCheck, t: Tally, blocks: Block[], target: Target, ctx: Context): Outcome {
  const actual: Actual = {
    kind: 'blocks',
    tally: t.n ? tallyActual(t, check) : undefined,
    reported: blocks.filter((g) => g.outcome.actual !== undefined).map((g) => ({ name: g.name, actual: g.outcome.actual! })),
    silent: blocks.filter((g) => g.outcome.actual === undefined).map((g) => g.name),
  };
  const levelsOf = Object.fromEntries(blocks.map((g) => [g.name, g.level]));
  const base = { target, actual, check, levelsOf };
  const unknownBlocks = blocks.filter((g) => typeof g.outcome.value !== 'number' && g.outcome.status !== 'pass' && g.outcome.status !== 'fail').map((g) => g.name);
  const undecided = (names: string[]): Outcome => ({
    ...base,
    status: 'missing',
    unknown: names,
    reasons: [{ code: 'members-unknown', level: check.level, levelKind: check.levelKind, entities: names }],
  });

  const failing = blocks.filter((g) => g.outcome.status === 'fail').map((g) => g.name);
  if (isEveryMember(check)) {
    const unknown = [...t.unknownNames, ...blocks.filter((g) => g.outcome.status !== 'pass' && g.outcome.status !== 'fail').map((g) => g.name)];
    const short = t.fail + failing.length;
    if (short) return { ...base, status: 'fail', ...shortfall([...t.failNames, ...failing], short), ...unknowns(unknown, t.u + unknown.length - t.unknownNames.length), gap: { amount: short, entities: short }, reasons: [] };
    if (unknown.length || t.u || t.unlisted) return undecided(unknown);
    return { ...base, status: 'pass', reasons: [] };
  }
  const c = check as ShareCheck | CountCheck; // `each` was decided above
  // A county whose rate comes from its own counts (9 stations in 10 townships) adds those counts exactly.
  const exact = c.kind === 'share' ? blocks.map((g) => ownCounts(g.entity, c, ctx)) : blocks.map(() => undefined);
  if (c.kind === 'share' && exact.every((x) => x !== undefined)) {
    const pass = t.pass + exact.reduce((a, x) => a + x!.pass, 0);
    const n = t.n + exact.reduce((a, x) => a + x!.n, 0);
    const lowPct = (pass / n) * 100;
    const highPct = ((pass + t.u) / n) * 100;
    const shown = { ...base, actual: { kind: 'counted', pass, n, from: blocks.map((g) => g.name) } as Actual };
    if (meets(lowPct, c.op, c.value) && meets(highPct, c.op, c.value)) return { ...shown, status: 'pass', reasons: [] };
    if (!meets(highPct, c.op, c.value) && (c.op === '>=' || c.op === '>')) {
      return { ...shown, status: 'fail', ...shortfall([...t.failNames, ...failing], t.fail + failing.length), gap: gapOf(highPct, c.op, c.value, '%'), reasons: [] };
    }
  }
  const values = blocks.map((g) => g.outcome.value);
  if (unknownBlocks.length || values.some((v) => typeof v !== 'number')) return undecided([...t.unknownNames, ...blocks.filter((g) => typeof g.outcome.value !== 'number').map((g) => g.name)]);
  const numbers = values as number[];
  let low: number;
  let high: number;
  if (c.kind === 'count') {
    const known = numbers.reduce((a, b) => a + b, 0) + t.pass;
    low = known;
    high = known + t.u;
  } else {
    const shares = [...numbers];
    const lows = [...shares];
    const highs = [...shares];
    if (t.n > 0) {
      lows.push((t.pass / t.n) * 100);
      highs.push(((t.pass + t.u) / t.n) * 100);
    }
    low = Math.min(...lows);
    high = Math.max(...highs);
  }
  if (meets(low, c.op, c.value) && meets(high, c.op, c.value)) return { ...base, status: 'pass', reasons: [] };
  if (outside(low, high, c.op, c.value)) return { ...base, status: 'fail', ...shortfall([...t.failNames, ...failing], t.fail + failing.length), reasons: [] };
  return undecided([...t.unknownNames, ...blocks.map((g) => g.name)]);
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

/** The judgement a member check asks for, when it holds a manual clause that needs evidence. */
function judgementIn(check: Check): ManualCheck | undefined {
  let found: ManualCheck | undefined;
  walkChecks(check, [], (c) => {
    if (!found && c.kind === 'manual' && c.requireEvidence) found = c;
  });
  return found;
}

/**
 * A figure supplied for the whole set (功能完备率 100%) stands in for the members' own results. Where each member
 * is a judgement that needs evidence, so does the figure: without it a passing figure is a claim to be checked.
 */
function given(check: MemberCheck, entity: Entity, ctx: Context, target: Target): Outcome | undefined {
  const o = givenFigure(check, entity, ctx, target);
  const judgement = o?.status === 'pass' ? judgementIn(check.check) : undefined;
  if (!o || !judgement) return o;
  const record = ctx.attestation(entity, judgement.metric);
  if (record) return { ...o, status: record.met ? 'pass' : 'fail', actual: { kind: 'evidenced', of: o.actual!, evidence: record.evidence }, reasons: [...o.reasons, attested(record)] };
  const evidence = entity.evidence.get(check.given!);
  if (evidence) return { ...o, actual: { kind: 'evidenced', of: o.actual!, evidence } };
  return { ...o, status: 'manual', reasons: [...o.reasons, { code: 'evidence-required', evidence: judgement.evidence, evidenceEn: judgement.evidenceEn }] };
}

function givenFigure(check: MemberCheck, entity: Entity, ctx: Context, target: Target): Outcome | undefined {
  const r = read(entity, check.given!, ctx);
  if (!('value' in r)) return undefined;
  const metric = ctx.metrics.get(check.given!)!;
  const v = r.value;
  const reasons: Reason[] = [{ code: 'given', metric: metric.key }];
  const actual: Actual = { kind: 'value', value: v, metric: metric.key };
  const said = stated(v, metric, isEveryMember(check), ctx);
  if (said) return { ...said, target, reasons: [...reasons, ...said.reasons], check };
  if (v.kind === 'boolean') return { status: v.value ? 'pass' : 'fail', target, actual, value: v.value, reasons, check };
  if (v.kind !== 'number') return undefined;
  const op = check.kind === 'each' ? '>=' : check.op;
  const value = check.kind === 'each' ? 100 : check.value;
  const ok = meets(v.value, op, value);
  const unit = check.kind === 'count' ? undefined : unitOf(metric);
  return { status: ok ? 'pass' : 'fail', target, actual, value: v.value, gap: ok ? undefined : gapOf(v.value, op, value, unit), reasons, check };
}

export const each: Evaluator<EachCheck> = (check, entity, ctx) =>
  rollup(check, entity, ctx, (t, target) => {
    const base = { target, actual: tallyActual(t, check), value: round((t.pass / t.n) * 100), check, ...unknowns(t.unknownNames, t.u) };
    if (t.fail) return { ...base, status: 'fail', ...shortfall(t.failNames, t.fail), gap: { amount: t.fail, entities: t.fail }, reasons: [] };
    if (t.u) return { ...base, status: undecided(t), reasons: [{ code: 'members-unknown', level: check.level, levelKind: check.levelKind, entities: t.unknownNames }, ...t.judgements] };
    return { ...base, status: 'pass', reasons: [] };
  });

export const share: Evaluator<ShareCheck> = (check, entity, ctx) =>
  rollup(check, entity, ctx, (t, target) => {
    const pct = (k: number) => (k / t.n) * 100;
    const low = meets(pct(t.pass), check.op, check.value);
    const high = meets(pct(t.pass + t.u), check.op, check.value);
    const base = { target, actual: tallyActual(t, check), value: round(pct(t.pass)), check, ...unknowns(t.unknownNames, t.u) };
    if (low && high) return { ...base, status: 'pass', reasons: [] };
    if (!low && !high) {
      // Unknown members might still meet it: the gap is what remains even if they all do.
      return { ...base, status: 'fail', ...shortfall(t.failNames, t.fail), gap: { ...gapOf(pct(t.pass + t.u), check.op, check.value, '%'), entities: needed(t, check) }, reasons: [] };
    }
    return { ...base, status: undecided(t), reasons: [{ code: 'members-unknown', level: check.level, levelKind: check.levelKind, entities: t.unknownNames }, ...t.judgements] };
  });

/** How many more members must meet the condition for a ≥ / > share target. */
function needed(t: Tally, check: ShareCheck): number | undefined {
  if (check.op !== '>=' && check.op !== '>') return undefined;
  const best = t.pass + t.u;
  for (let k = best; k <= t.n; k++) if (meets((k / t.n) * 100, check.op, check.value)) return k - best;
  return undefined;
}

export const count: Evaluator<CountCheck> = (check, entity, ctx) =>
  rollup(check, entity, ctx, (t, target) => {
    const low = meets(t.pass, check.op, check.value);
    const high = meets(t.pass + t.u, check.op, check.value);
    const base = { target, actual: { kind: 'number', value: t.pass } as Actual, value: t.pass, check, ...unknowns(t.unknownNames, t.u) };
    if (low && high) return { ...base, status: 'pass', reasons: [] };
    if (!low && !high) return { ...base, status: 'fail', ...shortfall(t.failNames, t.fail), gap: gapOf(t.pass, check.op, check.value), reasons: [] };
    return { ...base, status: undecided(t), reasons: [{ code: 'members-unknown', level: check.level, levelKind: check.levelKind, entities: t.unknownNames }, ...t.judgements] };
  });
