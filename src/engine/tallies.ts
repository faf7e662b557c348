// What a roll-up needs to know of its members, as counts and a capped sample of names: the same whether the
// members are rows kept in memory or bottom-level rows counted as they were read and then let go.
import type { Outcome, Reason, Status } from './types.js';

/** How many member names a roll-up keeps (the first ones), besides the counts; --all-failures keeps every one. */
export const SAMPLE = 50;

export type At = { file: string; line: number; col?: number };

export interface MemberTally {
  /** The most names each list keeps. */
  readonly limit: number;
  pass: number;
  fail: number;
  /** Members whose own check does not apply to them. */
  na: number;
  /** Members whose own result is not known (missing, manual, pending) — and rows of unknown kind that might count. */
  unknown: number;
  failNames: string[];
  unknownNames: string[];
  /** Where the first failing member's value is, and the first unknown one's: an annotation goes there. */
  failAt?: At;
  otherAt?: At;
  /** What the unknown members wait for. */
  waiting: ReadonlySet<Status>;
  /** The judgement reasons of manual members (what evidence they need), once. */
  judgements: Reason[];
  /** Rows whose kind is not given that might be members and do not pass (a subset of `unknown`). */
  unsure: number;
  unsureNames: string[];
  /** sum / mean: members' numeric values, and members without one. */
  values: number;
  sum: number;
  noValue: number;
  noValueNames: string[];
}

// A province keeps a tally per roll-up per township — hundreds of thousands — and most stay all-pass: the lists
// and the set start as shared empty ones and get their own on the first name (only the functions here write).
const NONE: string[] = Object.freeze([]) as unknown as string[];
const NO_STATUS: Set<Status> = new Set();
const NO_REASONS: Reason[] = Object.freeze([]) as unknown as Reason[];

class Tally implements MemberTally {
  pass = 0;
  fail = 0;
  na = 0;
  unknown = 0;
  failNames = NONE;
  unknownNames = NONE;
  failAt?: At = undefined;
  otherAt?: At = undefined;
  waiting: ReadonlySet<Status> = NO_STATUS;
  judgements = NO_REASONS;
  unsure = 0;
  unsureNames = NONE;
  values = 0;
  sum = 0;
  noValue = 0;
  noValueNames = NONE;
  constructor(readonly limit: number) {}
}

export function emptyTally(limit = SAMPLE): MemberTally {
  return new Tally(limit);
}

type NameList = 'failNames' | 'unknownNames' | 'unsureNames' | 'noValueNames';

function sample(t: MemberTally, list: NameList, name: string): void {
  const names = t[list];
  if (names.length >= t.limit) return;
  if (names === NONE) t[list] = [name];
  else names.push(name);
}

// What members wait for is one of a handful of sets ({missing}, {manual}, {missing, manual}, …): tallies share
// them, and a tally that waits for something new moves to the set with it added. None of these is ever changed.
const WAIT_SETS = new Map<string, Set<Status>>();

function wait(t: MemberTally, s: Status): void {
  if (t.waiting.has(s)) return;
  const statuses = [...t.waiting, s].sort();
  const key = statuses.join(' ');
  let shared = WAIT_SETS.get(key);
  if (!shared) WAIT_SETS.set(key, (shared = new Set(statuses)));
  t.waiting = shared;
}

/** A member whose kind is not given, and so might or might not be one (a subset of `unknown`). */
export function addUnsure(t: MemberTally, name: string): void {
  t.unsure++;
  sample(t, 'unsureNames', name);
}

/** One member's own outcome for an each / share / count roll-up. `unsure`: its kind is not given. */
export function addOutcome(t: MemberTally, name: string, o: Outcome, unsure = false, at?: At): void {
  if (o.status === 'na') {
    if (!unsure) t.na++;
    return;
  }
  if (unsure) {
    if (o.status === 'pass') return;
    addUnsure(t, name);
  }
  if (o.status === 'pass' && !unsure) t.pass++;
  else if (o.status === 'fail' && !unsure) {
    t.fail++;
    sample(t, 'failNames', name);
    t.failAt ??= at;
  } else {
    t.unknown++;
    sample(t, 'unknownNames', name);
    wait(t, !unsure && (o.status === 'manual' || o.status === 'pending') ? o.status : 'missing');
    if (o.status === 'manual' && t.judgements.length === 0) t.judgements = o.reasons.filter((r) => r.code === 'evidence-required' || r.code === 'needs-judgement');
    t.otherAt ??= at;
  }
}

/** One member's value for a sum / mean roll-up (undefined: it has none). */
export function addValue(t: MemberTally, name: string, value: number | undefined, at?: At): void {
  if (value === undefined) {
    t.noValue++;
    sample(t, 'noValueNames', name);
    t.otherAt ??= at;
    return;
  }
  t.values++;
  t.sum += value;
}

export function mergeTally(into: MemberTally, from: MemberTally): void {
  into.pass += from.pass;
  into.fail += from.fail;
  into.na += from.na;
  into.unknown += from.unknown;
  into.unsure += from.unsure;
  into.values += from.values;
  into.sum += from.sum;
  into.noValue += from.noValue;
  for (const n of from.failNames) sample(into, 'failNames', n);
  for (const n of from.unknownNames) sample(into, 'unknownNames', n);
  for (const n of from.unsureNames) sample(into, 'unsureNames', n);
  for (const n of from.noValueNames) sample(into, 'noValueNames', n);
  for (const s of from.waiting) wait(into, s);
  if (!into.judgements.length) into.judgements = [...from.judgements];
  into.failAt ??= from.failAt;
  into.otherAt ??= from.otherAt;
}
