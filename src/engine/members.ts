// The entities a roll-up looks at, and their own outcomes (memoised: nested roll-ups stay linear).
import type { Check } from '../standard/types.js';
import type { Entity } from '../data/dataset.js';
import type { Context, Outcome } from './types.js';
import { evaluateCheck } from './evaluate-check.js';

/** Entities at `level` under `entity` (at any depth), the entity itself if it is at that level, or
 *  undefined when `entity` sits below that level and the roll-up does not apply to it. */
export function membersAt(entity: Entity, level: string, ctx: Context): Entity[] | undefined {
  return cached(ctx, entity, `members:${level}`, () => findMembers(entity, level, ctx));
}

function findMembers(entity: Entity, level: string, ctx: Context): Entity[] | undefined {
  if (entity.level === level) return [entity];
  const depth = ctx.standard.levels.find((l) => l.id === level)!.depth;
  if (entity.depth > depth) return undefined;
  const out: Entity[] = [];
  const stack = [...entity.children].reverse();
  while (stack.length) {
    const e = stack.pop()!;
    if (e.level === level) out.push(e);
    else if (e.depth < depth) for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]!);
  }
  return out;
}

export function outcomeOf(check: Check, member: Entity, ctx: Context): Outcome {
  let byEntity = ctx.memo.get(check);
  if (!byEntity) ctx.memo.set(check, (byEntity = new WeakMap()));
  let o = byEntity.get(member);
  if (!o) byEntity.set(member, (o = evaluateCheck(check, member, ctx)));
  return o;
}

/**
 * Places the standard's gazetteer puts under `entity`, at `level` or between it and `level`, which the data
 * lacks: for "every township" a county that is not in the data is unknown, not silently left out.
 */
export function absentMembers(entity: Entity, level: string, ctx: Context): { members: string[]; blocks: string[] } {
  return cached(ctx, entity, `absent:${level}`, () => findAbsent(entity, level, ctx));
}

function findAbsent(entity: Entity, level: string, ctx: Context): { members: string[]; blocks: string[] } {
  const depth = ctx.standard.levels.find((l) => l.id === level)!.depth;
  const depthOf = new Map(ctx.standard.levels.map((l) => [l.id, l.depth]));
  const known = ctx.standard.places.filter((p) => {
    const d = depthOf.get(p.level)!;
    const under = p.parent !== undefined ? p.parent === entity.name : entity.depth === 0 && d === 1;
    return under && d > entity.depth && d <= depth;
  });
  if (known.length === 0) return { members: [], blocks: [] };
  const have = new Set<string>();
  const stack = [...entity.children];
  while (stack.length) {
    const e = stack.pop()!;
    have.add(e.name);
    if (e.depth < depth) stack.push(...e.children);
  }
  const absent = known.filter((p) => !have.has(p.name));
  // An absent place at the roll-up's level is one unknown member; one above it stands for an unknown number.
  return { members: absent.filter((p) => p.level === level).map((p) => p.name), blocks: absent.filter((p) => p.level !== level).map((p) => p.name) };
}

/**
 * Entities between `entity` and `level` that have no rows at `level` below them: a county that gives only its
 * rate, no township rows. A roll-up must not leave them out; it judges them by their own figures instead.
 */
export function gapsAt(entity: Entity, level: string, ctx: Context): Entity[] {
  return cached(ctx, entity, `gaps:${level}`, () => findGaps(entity, level, ctx));
}

function findGaps(entity: Entity, level: string, ctx: Context): Entity[] {
  const depth = ctx.standard.levels.find((l) => l.id === level)!.depth;
  const gaps: Entity[] = [];
  const scan = (e: Entity): number => {
    let found = 0;
    for (const c of e.children) {
      if (c.level === level) found++;
      else if (c.depth < depth) {
        const below = scan(c);
        if (below === 0) gaps.push(c);
        found += below;
      }
    }
    return found;
  };
  if (entity.depth < depth) scan(entity);
  return gaps;
}

/** The tree does not change during a run: what lies under an entity is worked out once per level. */
function cached<T>(ctx: Context, entity: Entity, key: string, compute: () => T): T {
  let byKey = ctx.tree.get(entity);
  if (!byKey) ctx.tree.set(entity, (byKey = new Map()));
  if (!byKey.has(key)) byKey.set(key, compute());
  return byKey.get(key) as T;
}
