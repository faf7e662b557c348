// A standard after loading: the rule file's content, cross-checked and with lookups resolved.
import type { Due } from './deadlines.js';
import type { Message } from '../i18n/message.js';

export type Op = '>=' | '>' | '<=' | '<' | '=' | 'between';
export type Threshold = number | [number, number];

interface Labelled {
  /** A short human description of this condition, shown in reports. */
  label?: string;
  labelEn?: string;
  /** The responsibility-table sub-task that delivers this clause; its deadline governs the clause. */
  task?: string;
  /** The clause's own deadline where no sub-task carries it (到2025年). */
  deadline?: string;
  /** After loading: the clause's deadline, from `task` or `deadline`. */
  due?: Due;
}

/** A roll-up's members: entities at `level`, and only those of `kind` when the level has kinds (行政村 of 村（社区）). */
interface Members {
  level: string;
  /** After loading: the kind of `level` when the rule file names one (`level: 行政村`). */
  levelKind?: string;
}

interface Comparison {
  op: Op;
  value: Threshold;
}

export type CompareCheck = Labelled & Comparison & { kind: 'compare'; metric: string; unit?: string };
export type StatusCheck = Labelled & { kind: 'status'; metric: string; expect?: boolean };
export type GradeCheck = Labelled & { kind: 'grade'; metric: string; atLeast: string };
export type ManualCheck = Labelled & {
  kind: 'manual';
  metric?: string;
  evidence: string;
  evidenceEn?: string;
  /** Why a yes may pass without evidence; absent, a yes passes only with evidence. */
  evidenceNotRequired?: string;
  /** After loading: whether a yes needs evidence to pass (true unless `evidenceNotRequired` is given). */
  requireEvidence?: boolean;
};
export type LevelCheck = Labelled & { kind: 'level'; is: string[] };
export type NaCheck = Labelled & { kind: 'na'; reason: string; reasonEn?: string };
export type AllCheck = Labelled & { kind: 'all'; of: Check[] };
export type AnyCheck = Labelled & { kind: 'any'; of: Check[] };
/** Alternative measures of one condition (a rate, or the counts behind it): the first the data gives decides. */
export type EitherCheck = Labelled & { kind: 'either'; of: Check[] };
export type CasesCheck = Labelled & {
  kind: 'cases';
  cases: { when: Check; then: Check; label?: string; labelEn?: string }[];
  otherwise?: Check;
  note?: string;
};
export type StagesCheck = Labelled & { kind: 'stages'; stages: { year: number; label?: string; labelEn?: string; check: Check }[] };
export type EachCheck = Labelled & Members & { kind: 'each'; check: Check; given?: string };
export type ShareCheck = Labelled & Members & Comparison & { kind: 'share'; check: Check; given?: string };
export type CountCheck = Labelled & Members & Comparison & { kind: 'count'; check: Check; given?: string };
export type SumCheck = Labelled & Members & Comparison & { kind: 'sum'; metric: string; given?: string };
export type MeanCheck = Labelled & Members & Comparison & { kind: 'mean'; metric: string; given?: string };

export type Check =
  | CompareCheck
  | StatusCheck
  | GradeCheck
  | ManualCheck
  | LevelCheck
  | NaCheck
  | AllCheck
  | AnyCheck
  | EitherCheck
  | CasesCheck
  | StagesCheck
  | EachCheck
  | ShareCheck
  | CountCheck
  | SumCheck
  | MeanCheck;

export type CheckKind = Check['kind'];

export type MetricType = 'number' | 'percent' | 'boolean' | 'grade' | 'text';

/** A kind of entity within a level that the text tells apart: 行政村 and 社区 are both 村（社区）. */
export interface LevelKind {
  id: string;
  name: string;
  nameEn?: string;
  aliases: string[];
}

export interface Level {
  id: string;
  name: string;
  nameEn?: string;
  aliases: string[];
  kinds: LevelKind[];
  /** 0 for the top level. */
  depth: number;
}

export interface Metric {
  key: string;
  label: string;
  labelEn?: string;
  aliases: string[];
  type: MetricType;
  unit?: string;
  /** Level ids where this metric is measured; every level when the rule file does not say. */
  levels: string[];
  scale?: string[];
  /** A total (population, stations, books) that an entity without its own figure has as the sum of its children's. */
  additive?: boolean;
  /** This metric is the number of entities at that level (id) under the one it is given for: 乡镇（街道）数. */
  countOf?: string;
  /** With `countOf`: only entities of this kind of the level (行政村数). */
  countOfKind?: string;
  /** Plausible range; values outside it are data errors. Defaults: numbers ≥ 0, percentages 0–100 (‰ 0–1000). */
  min?: number;
  max?: number;
  derive?: { ratio: { numerator: string; denominator: string; per: number } };
  note?: string;
}

export interface Responsible {
  /** The unit, as gap lists group by it (a rule's `unit` where it gives one). */
  name: string;
  lead?: boolean;
  /** The name as the document writes it, where that differs from `name`. */
  written?: string;
}

export interface Task {
  id: string;
  group?: string;
  task?: string;
  text: string;
  responsible: Responsible[];
  deadline: string;
  note?: string;
}

export interface Indicator {
  id: string;
  number: number;
  title: string;
  titleEn?: string;
  class?: string;
  category: string[];
  categoryEn?: string[];
  /** Level id the indicator speaks of. */
  level: string;
  /** Level ids whose entities get a result by default. */
  evaluateAt: string[];
  /** The metric a column headed with the indicator id fills, when the indicator is measured by one value. */
  metric?: string;
  source: string;
  sourceTiers?: Record<string, string>;
  baseline?: string;
  unit?: string;
  responsible?: Responsible[];
  deadline?: string;
  tasks: string[];
  /**
   * After loading: the deadline of the indicator as a whole — its own `deadline`, else the latest of its linked
   * tasks'. It governs only where no clause carries a deadline of its own (`clauseDeadlines` false).
   */
  due?: Due;
  /** Whether some clause carries its own deadline (a `task` or `deadline` on a check). */
  clauseDeadlines: boolean;
  note?: string;
  evidence?: string;
  evidenceEn?: string;
  check: Check;
  tiers: Record<string, Check>;
}

export interface Tier {
  id: string;
  name: string;
  nameEn?: string;
  inherits?: string;
}

export interface Place {
  name: string;
  level: string;
  parent?: string;
}

export interface Standard {
  id: string;
  title: string;
  titleEn?: string;
  issuer: string;
  document: { name?: string; number?: string; date: string; source?: string };
  region: string;
  levels: Level[];
  places: Place[];
  tiers: Tier[];
  classes: { id: string; name: string; nameEn?: string }[];
  metrics: Metric[];
  tasks: Task[];
  indicators: Indicator[];
  /** English for names used outside any field of their own (responsible units): Chinese → English. */
  glossary: Record<string, string>;
  /** Where it was loaded from (a path, or `built-in:<id>`). */
  origin: string;
  /** What the rule file says that it probably should not (`validate-standard` prints these). */
  warnings?: { file: string; line: number; col: number; message: Message }[];
}
