// Dispatches a check to its evaluator (one per kind, in ./checks).
import type { Check } from '../standard/types.js';
import type { Entity } from '../data/dataset.js';
import type { Context, Outcome } from './types.js';
import { evaluators } from './checks/index.js';
import { gate } from './deadline.js';
import { membersNameOf } from '../standard/levels.js';

export function evaluateCheck(check: Check, entity: Entity, ctx: Context): Outcome {
  const evaluate = evaluators[check.kind] as (c: Check, e: Entity, x: Context) => Outcome;
  const outcome = gate(evaluate(check, entity, ctx), check.due, ctx.asOf);
  return check.label && !outcome.label ? { ...outcome, label: check.label, labelEn: check.labelEn } : outcome;
}

/** A level's name, or that of one kind of it (行政村). */
export function levelName(ctx: Context, id: string, kind?: string): string {
  return membersNameOf(ctx.standard, id, kind);
}
