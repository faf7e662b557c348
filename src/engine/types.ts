// The engine's results: plain data, so every report format (and the JSON output) renders them late.
import type { Check, Indicator, Metric, Standard } from '../standard/types.js';
import type { Entity } from '../data/dataset.js';
import type { Value } from '../data/values.js';
import type { Month } from '../standard/deadlines.js';

/**
 * pass / fail / missing (data absent) / manual (a person must judge, or evidence is awaited) / pending (unmet, but
 * its deadline is still ahead of --as-of) / waived (unmet, with an approved exception) / na (does not apply).
 */
export const STATUSES = ['pass', 'fail', 'missing', 'manual', 'pending', 'waived', 'na'] as const;
export type Status = (typeof STATUSES)[number];

/**
 * Why an outcome is what it is, as data: { code, …args }. Words come later (src/i18n), in Chinese or English.
 * Levels are ids (with `levelKind` where a roll-up counts one kind of its level); metrics are keys.
 */
export type Reason =
  | { code: 'missing-value'; metric: string }
  | { code: 'no-members'; level: string; levelKind?: string; given?: string }
  | { code: 'members-unknown'; level: string; levelKind?: string; entities: string[] }
  /** The number of members under these entities is not given (社区数), so any number may exist beyond the rows. */
  | { code: 'count-unknown'; level: string; levelKind?: string; metric?: string; entities: string[] }
  /** These rows do not say which kind of their level they are (村 or 社区), and only one kind counts. */
  | { code: 'kind-unknown'; level: string; levelKind: string; entities: string[] }
  | { code: 'evidence-required'; evidence: string; evidenceEn?: string }
  | { code: 'needs-judgement'; evidence: string; evidenceEn?: string }
  | { code: 'partial'; metric: string }
  | { code: 'band-unknown'; condition: Target }
  /** The rule's own words for why it does not apply (a `na` check's reason). */
  | { code: 'not-applicable'; reason: string; reasonEn?: string }
  /** The metric is not kept at the entity's level. */
  | { code: 'not-kept'; metric: string; level: string }
  /** A roll-up over `level` judged at an entity below that level. */
  | { code: 'below-members'; level: string; levelKind?: string }
  /** A share, count, total or average over `level` says nothing about one member on its own. */
  | { code: 'collective'; level: string; levelKind?: string }
  | { code: 'no-applicable-members'; level: string; levelKind?: string }
  /** The entity is not of the kind the roll-up counts (a 社区 where only 行政村 count). */
  | { code: 'other-kind'; level: string; levelKind: string }
  | { code: 'no-band' }
  | { code: 'given'; metric: string }
  | { code: 'stated-other-tier'; metric: string; said: boolean }
  | { code: 'partial-unknown'; metric: string }
  /** Unmet, but its deadline (a sub-task's, or the clause's own) is still ahead of --as-of. */
  | { code: 'not-yet-due'; deadline: string; month?: string; task?: string }
  /** Settled by a record in the evidence file. */
  | { code: 'attested'; file: string; line: number; by: string; evidence: string; date?: string };

/** The target as data: a check's own text, the band a figure picked, the year stage in force, or parts joined. */
export type Target =
  | { kind: 'check'; check: Check }
  /** cases: the band (its label in the rule, else its condition) and the target that band sets. */
  | { kind: 'band'; label?: string; labelEn?: string; condition: Target; then: Target }
  | { kind: 'stage'; year: number; label?: string; labelEn?: string; of: Target }
  | { kind: 'join'; how: 'all' | 'any' | 'either'; label?: string; labelEn?: string; parts: Target[] };

/** The value found, as data. */
export type Actual =
  /** A value as the data gives it (a number in the metric's unit, 是/否, a grade, 达标 or 部分). */
  | { kind: 'value'; value: Value; metric: string }
  /** A computed figure: a total, an average (`atLeast`: only a lower bound is known), a supplied rate. */
  | { kind: 'number'; value: number; unit?: string; atLeast?: boolean }
  | { kind: 'level'; level: string }
  | { kind: 'evidenced'; of: Actual; evidence: string }
  /** A roll-up's members: how many pass of how many, how many are unknown; `open` when their number is not known. */
  | { kind: 'tally'; pass: number; n: number; unknown: number; open: boolean; level: string; levelKind?: string }
  /** A share merged exactly from counts that entities above the members report. */
  | { kind: 'counted'; pass: number; n: number; from: string[] }
  /** A roll-up where some entities stand for their members with their own figures. */
  | { kind: 'blocks'; tally?: Actual; reported: { name: string; actual: Actual }[]; silent: string[] }
  | { kind: 'parts'; parts: { label?: string; labelEn?: string; actual?: Actual }[] }
  /** A value together with the figure that picked its band (a floor area with the population served). */
  | { kind: 'banded'; value?: Actual; condition?: Actual };

export interface Gap {
  /** Shortfall (or excess, for ≤ targets) in the target's unit. */
  amount: number;
  unit?: string;
  /** The shortfall as a percentage of the target. */
  percent?: number;
  /** For a roll-up: how many more members must meet the condition. */
  entities?: number;
  /** For a grade: how many steps on the scale. */
  steps?: boolean;
}

export interface Outcome {
  status: Status;
  target: Target;
  actual?: Actual;
  /** Machine form of the actual value. */
  value?: number | boolean | string;
  gap?: Gap;
  /** Members of a roll-up that fall short, by name (the first ones, when there are many: see shortfallCount). */
  shortfall?: string[];
  /** How many fall short, when more than `shortfall` names. */
  shortfallCount?: number;
  /** Members of a roll-up whose own result is unknown (missing or manual) — the first ones, see unknownCount. */
  unknown?: string[];
  unknownCount?: number;
  /** Where the first member that falls short (or is unknown) has its value: an annotation goes there. */
  memberAt?: { file: string; line: number; col?: number };
  /** Members a stated count says exist but that have no rows (乡镇（街道）数 7, one township listed). */
  unlisted?: number;
  /** Level ids of names in `shortfall` / `unknown` that are not at the roll-up's own level (a county standing
   *  for its townships). */
  levelsOf?: Record<string, string>;
  year?: number;
  stage?: string;
  /** A deadline that decided something, with --as-of: the unmet clause is overdue, or not yet due. */
  due?: DueState;
  /** The label of the check that produced it (from the rule file), and its English. */
  label?: string;
  labelEn?: string;
  reasons: Reason[];
  parts?: Outcome[];
  /** The check that produced this outcome (the stage in force, for `stages`). */
  check: Check;
}

export interface DueState {
  /** The deadline as written (2020年6月), and the month it means. */
  deadline: string;
  month?: string;
  task?: string;
  state: 'overdue' | 'not-yet-due';
  /** How many months past (overdue) or ahead (not yet due). */
  months: number;
  /** For not-yet-due: what the clause is as of now (fail, missing or manual). */
  was?: Status;
}

export interface Result extends Outcome {
  entity: string;
  level: string;
  /** Names from the top entity down to this one. */
  path: string[];
  indicator: Indicator;
  tier: string;
  /** For `waived`: what the result was, and the waiver that covers it. */
  waived?: { was: Status; waiver: Waiver };
  /** For a result not met: the data cell (or row) that holds the value it turns on — where an annotation goes. */
  at?: { file: string; line: number; col?: number };
}

/** A record of the evidence file: a person attests that an item is met (or not), with the document that shows it. */
export interface Attestation {
  file: string;
  line: number;
  indicator: string;
  /** One entity by name; else every entity at `level` (an id); else every entity. */
  entity?: string;
  level?: string;
  /** The metric key of one manual clause of the indicator, when the record is for that clause alone. */
  item?: string;
  met: boolean;
  evidence: string;
  by: string;
  date?: string;
  expires?: string;
}

/** An approved exception: an unmet item reported as `waived`, not as a failure. */
export interface Waiver {
  file: string;
  line: number;
  indicator: string;
  /** One entity by name; else every entity. */
  entity?: string;
  tier?: string;
  reason: string;
  by: string;
  expires: string;
  /** The statuses it covers: `fail`, and `missing` / `manual` only where the waiver says so. */
  covers: Status[];
}

export interface EvaluateOptions {
  tiers?: string[];
  /** The month to judge as of: picks year stages (by its year) and decides deadlines. */
  asOf?: Month;
  /** Records of the evidence file that are in force (expired ones already left out). */
  attestations?: Attestation[];
  waivers?: Waiver[];
  only?: string[];
  indicators?: string[];
  /** Judge the entities at these levels (ids) only. */
  levels?: string[];
  /** Keep every failing member's name in roll-ups, not only the first SAMPLE. */
  allFailures?: boolean;
}

export interface Context {
  standard: Standard;
  metrics: Map<string, Metric>;
  asOf?: Month;
  /** The indicator being evaluated (attestations are per indicator). */
  indicator?: Indicator;
  /** The attestation in force for a manual clause of the current indicator at an entity, if any. */
  attestation(entity: Entity, item: string | undefined): Attestation | undefined;
  /** Whether the check being evaluated is the indicator's own `check` (the first tier's, or inherited): a
   *  stated 达标 refers to that line, not to a different target of another tier. */
  onBaseCheck: boolean;
  /** How many member names a roll-up keeps per list (every one with --all-failures). */
  sampleLimit: number;
  /** Memo of member outcomes, keyed by check and entity, so nested roll-ups stay linear. */
  memo: WeakMap<Entity, Map<Check, Outcome>>;
  /** Memo of tree walks (members, absent places, gaps) per entity and level. */
  tree: WeakMap<Entity, Map<string, unknown>>;
}

export type Evaluator<C extends Check = Check> = (check: C, entity: Entity, ctx: Context) => Outcome;
