// The rule-file format (docs/rule-format.md). This schema is the public API: change it only compatibly.
import { z } from 'zod';
import type { Check } from './types.js';
import { say } from '../i18n/message.js';

/** The schema's own messages: zod carries the English, load.ts gives the Chinese for a Chinese run. */
export const SCHEMA_MESSAGES = [
  say('编号只能用字母、数字和“_”“.”“-”', 'ids use letters, digits, "_", "." and "-"'),
  say('分数要写成“1/3”这样', 'a fraction is written like "1/3"'),
] as const;
const [ID_RULE, FRACTION_RULE] = SCHEMA_MESSAGES;

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, ID_RULE.en);
const text = z.string().min(1);
const op = z.enum(['>=', '>', '<=', '<', '=', 'between']);
/** A number, or an exact fraction such as "1/3" (三分之一), read in the metric's unit: 33.33…% for a percentage. */
const fraction = z.string().regex(/^\d+(\.\d+)?\/\d+(\.\d+)?$/, FRACTION_RULE.en);
const number = z.union([z.number(), fraction]);
const threshold = z.union([number, z.tuple([number, number])]);
const year = z.number().int().min(1900).max(2200);

const comparison = {
  op,
  value: threshold,
};

const base = {
  label: text.optional(),
  labelEn: text.optional(),
  /** A sub-task id from `tasks`: the clause's deadline is that sub-task's. */
  task: text.optional(),
  /** The clause's own deadline (2025年, 2020年6月, 每年) where no sub-task carries it. */
  deadline: text.optional(),
};

const checkSchema: z.ZodType<Check> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('compare'), ...base, metric: id, ...comparison, unit: z.string().optional() }),
    z.strictObject({ kind: z.literal('status'), ...base, metric: id, expect: z.boolean().optional() }),
    z.strictObject({ kind: z.literal('grade'), ...base, metric: id, atLeast: text }),
    z.strictObject({
      kind: z.literal('manual'),
      ...base,
      metric: id.optional(),
      evidence: text,
      evidenceEn: text.optional(),
      evidenceNotRequired: text.optional(),
      requireEvidence: z.boolean().optional(),
    }),
    z.strictObject({ kind: z.literal('level'), ...base, is: z.array(text).min(1) }),
    z.strictObject({ kind: z.literal('na'), ...base, reason: text, reasonEn: text.optional() }),
    z.strictObject({ kind: z.literal('all'), ...base, of: z.array(checkSchema).min(1) }),
    z.strictObject({ kind: z.literal('any'), ...base, of: z.array(checkSchema).min(1) }),
    z.strictObject({ kind: z.literal('either'), ...base, of: z.array(checkSchema).min(2) }),
    z.strictObject({
      kind: z.literal('cases'),
      ...base,
      cases: z.array(z.strictObject({ when: checkSchema, then: checkSchema, label: text.optional(), labelEn: text.optional() })).min(1),
      otherwise: checkSchema.optional(),
      note: text.optional(),
    }),
    z.strictObject({
      kind: z.literal('stages'),
      ...base,
      stages: z.array(z.strictObject({ year, label: text.optional(), labelEn: text.optional(), check: checkSchema })).min(1),
    }),
    z.strictObject({ kind: z.literal('each'), ...base, level: text, check: checkSchema, given: id.optional() }),
    z.strictObject({ kind: z.literal('share'), ...base, level: text, check: checkSchema, ...comparison, given: id.optional() }),
    z.strictObject({ kind: z.literal('count'), ...base, level: text, check: checkSchema, ...comparison, given: id.optional() }),
    z.strictObject({ kind: z.literal('sum'), ...base, level: text, metric: id, ...comparison, given: id.optional() }),
    z.strictObject({ kind: z.literal('mean'), ...base, level: text, metric: id, ...comparison, given: id.optional() }),
  ]),
) as z.ZodType<Check>;

// `unit`: the unit a name stands for when the document writes it differently (▲文广新局 for 市文广新局): gap lists
// group by it, and the name stays as written.
const responsible = z.strictObject({ name: text, lead: z.boolean().optional(), unit: text.optional() });

const metricSchema = z.strictObject({
  key: id,
  label: text,
  labelEn: text.optional(),
  aliases: z.array(text).optional(),
  type: z.enum(['number', 'percent', 'boolean', 'grade', 'text']),
  unit: z.string().optional(),
  levels: z.array(text).min(1).optional(),
  scale: z.array(text).min(2).optional(),
  additive: z.boolean().optional(),
  countOf: text.optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  derive: z
    .strictObject({
      ratio: z.strictObject({ numerator: id, denominator: id, per: z.number().positive() }),
    })
    .optional(),
  note: text.optional(),
});

const indicatorSchema = z.strictObject({
  id,
  number: z.number().int().positive(),
  title: text,
  titleEn: text.optional(),
  class: id.optional(),
  category: z.array(text).min(1),
  categoryEn: z.array(text).min(1).optional(),
  level: text,
  evaluateAt: z.array(text).min(1).optional(),
  metric: id.optional(),
  source: text,
  sourceTiers: z.record(z.string(), text).optional(),
  baseline: text.optional(),
  unit: z.string().optional(),
  responsible: z.array(responsible).optional(),
  deadline: text.optional(),
  tasks: z.array(text).optional(),
  note: text.optional(),
  evidence: text.optional(),
  evidenceEn: text.optional(),
  check: checkSchema,
  tiers: z.record(z.string(), checkSchema).optional(),
});

const taskSchema = z.strictObject({
  id: text,
  group: text.optional(),
  task: text.optional(),
  text,
  responsible: z.array(responsible).min(1),
  deadline: text,
  note: text.optional(),
});

const kindSchema = z.strictObject({ id, name: text, nameEn: text.optional(), aliases: z.array(text).optional() });
const levelSchema = z.strictObject({
  id,
  name: text,
  nameEn: text.optional(),
  aliases: z.array(text).optional(),
  kinds: z.array(kindSchema).min(2).optional(),
});
const placeSchema = z.strictObject({ name: text, level: text, parent: text.optional() });
const tierSchema = z.strictObject({ id, name: text, nameEn: text.optional(), inherits: id.optional() });
const classSchema = z.strictObject({ id, name: text, nameEn: text.optional() });

/** Item schemas, for checking the well-formed parts of a file that fails as a whole. */
export const shape = {
  level: levelSchema,
  place: placeSchema,
  tier: tierSchema,
  klass: classSchema,
  metric: metricSchema,
  task: taskSchema,
  indicator: indicatorSchema,
};

export const standardSchema = z.strictObject({
  format: z.literal(1),
  id,
  title: text,
  titleEn: text.optional(),
  issuer: text,
  document: z.strictObject({
    name: text.optional(),
    number: text.optional(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD'),
    source: text.optional(),
  }),
  region: text,
  levels: z.array(levelSchema).min(1),
  places: z.array(placeSchema).optional(),
  tiers: z.array(tierSchema).min(1),
  classes: z.array(classSchema).optional(),
  metrics: z.array(metricSchema),
  tasks: z.array(taskSchema).optional(),
  indicators: z.array(indicatorSchema).min(1),
  /** English for names the file uses outside any field of its own (responsible units): Chinese → English. */
  glossary: z.record(z.string(), text).optional(),
});

export type RawStandard = z.infer<typeof standardSchema>;
