// What a roll-up looks at under an entity, and the members' own outcomes (memoised: nested roll-ups stay linear).
import type { Check } from '../standard/types.js';
import type { Entity } from '../data/dataset.js';
import type { Context, Outcome } from './types.js';
import { evaluateCheck } from './evaluate-check.js';

export interface Partition {
  /** Entities at the roll-up's level, found through the rows. */
  members: Entity[];
  /**
   * Entities between the judged one and the level that stand for their part as a whole: they report the
   * roll-up's own figure (a county's 设置率) or have no rows at the level. They are judged by their own figures.
   */
  blocks: Entity[];
  /** Gazetteer places missing from the data: at the level (one unknown member each) or above it (a block). */
  absentMembers: string[];
  absentBlocks: string[];
  /** Members the data says exist (乡镇（街道）数 = 7) but that have no rows (only 1 township given). */
  unaccounted: number;
}

/** Undefined when `entity` sits below `level`: the roll-up does not apply to it. */
export function partition(entity: Entity, level: string, given: string | undefined, ctx: Context): Partition | undefined {
  return cached(ctx, entity, `partition:${level}:${given ?? ''}`, () => findPartition(entity, level, given, ctx));
}

function findPartition(entity: Entity, level: string, given: string | undefined, ctx: Context): Partition | undefined {
  const depth = ctx.standard.levels.find((l) => l.id === level)!.depth;
  if (entity.level === level) return { members: [entity], blocks: [], absentMembers: [], absentBlocks: [], unaccounted: 0 };
  if (entity.depth > depth) return undefined;
  const members: Entity[] = [];
  const blocks: Entity[] = [];
  const counts = ctx.standard.metrics.filter((m) => m.countOf === level).map((m) => m.key);
  const stated = (e: Entity) => {
    for (const k of counts) {
      const v = e.values.get(k);
      if (v?.kind === 'number') return v.value;
    }
    return undefined;
  };
  let deficit = 0;
  const scan = (e: Entity): number => {
    let found = 0;
    for (const c of e.children) {
      if (c.level === level) {
        members.push(c);
        found++;
      } else if (c.depth < depth) {
        if (given !== undefined && hasOwnFigure(c, given, ctx)) {
          blocks.push(c);
          found++;
          continue;
        }
        const mark = members.length;
        const below = scan(c);
        if (below === 0) {
          members.length = mark;
          blocks.push(c);
        } else {
          const n = stated(c);
          if (n !== undefined && n > below) deficit += n - below;
        }
        found += Math.max(below, 1);
      }
    }
    return found;
  };
  scan(entity);
  const gone = absent(entity, level, depth, ctx);
  const own = stated(entity);
  // The judged entity's own count covers everything under it, when nothing else stands in for part of it.
  const unaccounted = own !== undefined && blocks.length === 0 && gone.absentBlocks.length === 0 ? Math.max(0, own - members.length - gone.absentMembers.length) : deficit;
  return { members, blocks, ...gone, unaccounted };
}

/** Places the gazetteer puts under `entity`, at `level` or between, that the data lacks. */
function absent(entity: Entity, level: string, depth: number, ctx: Context): { absentMembers: string[]; absentBlocks: string[] } {
  const depthOf = new Map(ctx.standard.levels.map((l) => [l.id, l.depth]));
  const known = ctx.standard.places.filter((p) => {
    const d = depthOf.get(p.level)!;
    const under = p.parent !== undefined ? p.parent === entity.name : entity.depth === 0 && d === 1;
    return under && d > entity.depth && d <= depth;
  });
  if (known.length === 0) return { absentMembers: [], absentBlocks: [] };
  const have = new Set<string>();
  const stack = [...entity.children];
  while (stack.length) {
    const e = stack.pop()!;
    have.add(e.name);
    if (e.depth < depth) stack.push(...e.children);
  }
  const missing = known.filter((p) => !have.has(p.name));
  return {
    absentMembers: missing.filter((p) => p.level === level).map((p) => p.name),
    absentBlocks: missing.filter((p) => p.level !== level).map((p) => p.name),
  };
}

export function outcomeOf(check: Check, member: Entity, ctx: Context): Outcome {
  let byEntity = ctx.memo.get(check);
  if (!byEntity) ctx.memo.set(check, (byEntity = new WeakMap()));
  let o = byEntity.get(member);
  if (!o) byEntity.set(member, (o = evaluateCheck(check, member, ctx)));
  return o;
}

/** The tree does not change during a run: what lies under an entity is worked out once per level. */
function cached<T>(ctx: Context, entity: Entity, key: string, compute: () => T): T {
  let byKey = ctx.tree.get(entity);
  if (!byKey) ctx.tree.set(entity, (byKey = new Map()));
  if (!byKey.has(key)) byKey.set(key, compute());
  return byKey.get(key) as T;
}

/** An entity reports a roll-up's figure itself: given, or computed from its own parts (not from its children). */
function hasOwnFigure(e: Entity, given: string, ctx: Context): boolean {
  if (e.values.has(given)) return true;
  const r = ctx.metrics.get(given)?.derive?.ratio;
  return r !== undefined && e.values.has(r.numerator) && e.values.has(r.denominator);
}
