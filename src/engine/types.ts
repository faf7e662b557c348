// The engine's results: plain data, so every report format (and the JSON output) renders them late.
import type { Check, Indicator, Metric, Standard } from '../standard/types.js';
import type { Entity } from '../data/dataset.js';

export const STATUSES = ['pass', 'fail', 'missing', 'manual', 'na'] as const;
export type Status = (typeof STATUSES)[number];

/** Why an outcome is what it is, as data: { code, args }. Words come later (src/i18n). */
export type Reason =
  | { code: 'missing-value'; metric: string; label: string }
  | { code: 'no-members'; level: string; given?: string }
  | { code: 'members-unknown'; level: string; entities: string[] }
  /** The number of members under these entities is not given (社区数), so any number may exist beyond the rows. */
  | { code: 'count-unknown'; level: string; label: string; entities: string[] }
  /** These rows do not say which kind of their level they are (村 or 社区), and only one kind counts. */
  | { code: 'kind-unknown'; level: string; kind: string; kinds: string[]; entities: string[] }
  | { code: 'evidence-required'; evidence: string }
  | { code: 'needs-judgement'; evidence: string }
  | { code: 'partial'; label: string }
  | { code: 'band-unknown'; label: string }
  | { code: 'not-applicable'; reason: string }
  | { code: 'given'; metric: string; label: string }
  | { code: 'stated-other-tier'; label: string; said: string }
  | { code: 'partial-unknown'; label: string };

export interface Gap {
  /** Shortfall (or excess, for ≤ targets) in the target's unit. */
  amount: number;
  unit?: string;
  /** The shortfall as a percentage of the target. */
  percent?: number;
  /** For a roll-up: how many more members must meet the condition. */
  entities?: number;
}

export interface Outcome {
  status: Status;
  /** Readable target, e.g. "≥ 1.5 册/人". */
  target: string;
  /** Readable actual value, e.g. "1.2 册/人" or "16/18 (88.9%)". */
  actual?: string;
  /** Machine form of the actual value. */
  value?: number | boolean | string;
  gap?: Gap;
  /** Members of a roll-up that fall short, by name. */
  shortfall?: string[];
  /** Members of a roll-up whose own result is unknown (missing or manual). */
  unknown?: string[];
  /** Level ids of names in `shortfall` / `unknown` that are not at the roll-up's own level (a county standing
   *  for its townships). */
  levelsOf?: Record<string, string>;
  year?: number;
  stage?: string;
  label?: string;
  reasons: Reason[];
  parts?: Outcome[];
  /** The check that produced this outcome (the stage in force, for `stages`). */
  check: Check;
}

export interface Result extends Outcome {
  entity: string;
  level: string;
  /** Names from the top entity down to this one. */
  path: string[];
  indicator: Indicator;
  tier: string;
}

export interface EvaluateOptions {
  tiers?: string[];
  asOf?: number;
  only?: string[];
  indicators?: string[];
  /** Judge the entities at these levels (ids) only. */
  levels?: string[];
}

export interface Context {
  standard: Standard;
  metrics: Map<string, Metric>;
  asOf?: number;
  /** Whether the check being evaluated is the indicator's own `check` (the first tier's, or inherited): a
   *  stated 达标 refers to that line, not to a different target of another tier. */
  onBaseCheck: boolean;
  /** Memo of member outcomes, keyed by check and entity, so nested roll-ups stay linear. */
  memo: WeakMap<Check, WeakMap<Entity, Outcome>>;
  /** Memo of tree walks (members, absent places, gaps) per entity and level. */
  tree: WeakMap<Entity, Map<string, unknown>>;
}

export type Evaluator<C extends Check = Check> = (check: C, entity: Entity, ctx: Context) => Outcome;
