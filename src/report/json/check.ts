// JSON output of `check`: stable, documented in docs/json-output.md. Bump SCHEMA_VERSION on any incompatible
// change. Written as it goes: the header, then one result per line, then the summary — so a million results
// never become one string. Each rule-file check tree is written once, under `checks`, and results refer to it.
import type { Report, RenderOptions, Sink } from '../types.js';
import type { Outcome, Reason, Result, Waiver } from '../../engine/types.js';
import type { Evaluation } from '../../engine/evaluate.js';
import { checkFor } from '../../engine/evaluate.js';
import type { Check, Standard } from '../../standard/types.js';
import { levelNameOf } from '../../standard/levels.js';
import { formatMonth } from '../../standard/deadlines.js';
import { walkChecks } from '../../standard/walk.js';
import { resultDuty } from '../../engine/duty.js';
import { words, type Words } from '../../i18n/words.js';
import { VERSION } from '../../version.js';

export const SCHEMA_VERSION = 2;

/** What every JSON report starts with: the tool, the standard, the options and the inputs. */
export function header(kind: string, evaluation: Evaluation, inputs: { file: string; encoding?: string }[], lang: string) {
  const { standard } = evaluation;
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: 'dabiao',
    version: VERSION,
    kind,
    lang,
    standard: { id: standard.id, title: standard.title, origin: standard.origin },
    options: { tiers: evaluation.tiers, asOf: evaluation.asOf ? formatMonth(evaluation.asOf) : null },
    inputs,
  };
}

/** Where each check sits in the rule file: `{ ref: "GS-20/standard", path: "of/1" }`, the tree written once. */
export interface CheckRefs {
  trees: Record<string, Check>;
  refOf(check: Check): { ref: string; path: string } | undefined;
}

export function checkRefs(evaluation: Evaluation): CheckRefs {
  const { standard } = evaluation;
  const trees: Record<string, Check> = {};
  const where = new WeakMap<Check, { ref: string; path: string }>();
  for (const indicator of evaluation.indicators) {
    for (const tier of evaluation.tiers) {
      const root = checkFor(indicator, tier, standard);
      const ref = `${indicator.id}/${tier}`;
      trees[ref] = root;
      walkChecks(root, [], (c, path) => {
        if (!where.has(c)) where.set(c, { ref, path: path.join('/') });
      });
    }
  }
  return { trees, refOf: (c) => where.get(c) };
}

/**
 * Writes `{ ...head, "<key>": [ items, one per line ], ...tail }`. Lists in the tail (the summary has an entry
 * per entity: a million with `--level 村`) are written an item at a time too, never as one string.
 */
export async function writeDocument(sink: Sink, head: Record<string, unknown>, key: string, items: Iterable<unknown> | AsyncIterable<unknown>, tail: () => Record<string, unknown>): Promise<void> {
  const open = JSON.stringify(head, null, 2);
  sink.write(`${open.slice(0, -2)},\n`);
  await writeList(sink, key, items);
  const rest = Object.entries(tail());
  for (const [k, v] of rest) {
    sink.write(',\n');
    if (isList(v)) await writeList(sink, k, v);
    else sink.write(`  ${JSON.stringify(k)}: ${JSON.stringify(v, null, 2).replaceAll('\n', '\n  ')}`);
  }
  sink.write('\n}\n');
}

const isList = (v: unknown): v is Iterable<unknown> => typeof v === 'object' && v !== null && Symbol.iterator in v;

async function writeList(sink: Sink, key: string, items: Iterable<unknown> | AsyncIterable<unknown>): Promise<void> {
  sink.write(`  ${JSON.stringify(key)}: [`);
  let first = true;
  for await (const item of items) {
    sink.write(`${first ? '' : ','}\n    ${JSON.stringify(item)}`);
    first = false;
  }
  sink.write(first ? ']' : '\n  ]');
}

export async function check(report: Extract<Report, { kind: 'check' }>, options: RenderOptions, sink: Sink): Promise<void> {
  const { evaluation } = report;
  const { standard } = evaluation;
  const w = words(standard, options.lang);
  const refs = checkRefs(evaluation);
  const head = { ...header('check', evaluation, report.inputs, options.lang), checks: refs.trees };
  await writeDocument(sink, head, 'results', mapIter(evaluation.results, (r) => resultJson(r, standard, w, refs)), () => ({
    summary: mapList(evaluation.summary, (s) => ({ entity: s.entity, level: s.level, levelName: levelNameOf(standard, s.level), tier: s.tier, ...s.counts })),
    waivers: evaluation.waivers.map((u) => ({ ...waiverJson(u.waiver), used: u.used })),
    warnings: report.warnings,
  }));
}

function* mapList<T, U>(xs: Iterable<T>, f: (x: T) => U): Iterable<U> {
  for (const x of xs) yield f(x);
}

async function* mapIter<T, U>(xs: Iterable<T> | AsyncIterable<T>, f: (x: T) => U): AsyncIterable<U> {
  for await (const x of xs) yield f(x);
}

export function resultJson(r: Result, standard: Standard, w: Words, refs: CheckRefs) {
  const duty = resultDuty(standard, r);
  return {
    entity: r.entity,
    level: r.level,
    levelName: levelNameOf(standard, r.level),
    path: r.path,
    indicator: r.indicator.id,
    number: r.indicator.number,
    title: w.title(r.indicator),
    class: r.indicator.class ?? null,
    category: r.indicator.category,
    tier: r.tier,
    ...outcome(r, w, refs),
    responsible: duty.units,
    deadline: duty.deadlines.join('、') || null,
    tasks: duty.tasks,
    due: duty.due,
    ...(r.at ? { at: r.at } : {}),
    ...(r.waived ? { waived: { was: r.waived.was, ...waiverJson(r.waived.waiver) } } : {}),
  };
}

function outcome(o: Outcome, w: Words, refs: CheckRefs): Record<string, unknown> {
  return {
    status: o.status,
    label: o.label ?? null,
    actual: o.actual ? w.actual(o.actual) : null,
    actualData: o.actual ?? null,
    value: o.value ?? null,
    target: { text: w.target(o.target), check: refs.refOf(o.check) ?? null },
    gap: o.gap ?? null,
    gapText: w.gap(o) || null,
    shortfall: o.shortfall ?? [],
    ...(o.shortfallCount !== undefined ? { shortfallCount: o.shortfallCount } : {}),
    unknown: o.unknown ?? [],
    ...(o.unknownCount !== undefined ? { unknownCount: o.unknownCount } : {}),
    ...(o.unlisted ? { unlisted: o.unlisted } : {}),
    ...(o.levelsOf ? { levelsOf: o.levelsOf } : {}),
    year: o.year ?? null,
    stage: o.stage ?? null,
    ...(o.due ? { due: o.due } : {}),
    reasons: o.reasons.map((x) => ({ ...neutral(x, w), message: w.reason(x) })),
    parts: o.parts?.map((p) => outcome(p, w, refs)) ?? [],
  };
}

/** A reason as JSON: codes and names as they are, a band's condition as its text. */
function neutral(r: Reason, w: Words): Record<string, unknown> {
  return r.code === 'band-unknown' ? { code: r.code, condition: w.target(r.condition) } : { ...r };
}

export function waiverJson(w: Waiver) {
  return { file: w.file, line: w.line, indicator: w.indicator, entity: w.entity ?? null, tier: w.tier ?? null, reason: w.reason, approvedBy: w.by, expires: w.expires, covers: w.covers };
}
