// What a roll-up looks at under an entity, and the members' own outcomes (memoised: nested roll-ups stay linear).
import type { Check } from '../standard/types.js';
import type { Entity } from '../data/dataset.js';
import type { Context, Outcome } from './types.js';
import { evaluateCheck } from './evaluate-check.js';

/** What a roll-up counts: entities at `level`, of `levelKind` only when the rule names a kind (行政村). */
export interface MemberSet {
  level: string;
  levelKind?: string;
}

export interface Partition {
  /** Entities at the roll-up's level (and of its kind), found through the rows. */
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
  /**
   * Entities whose number of members the data does not give, where the standard keeps that number (社区数): under
   * them there may be any number of members besides the rows listed.
   */
  countUnknown: Entity[];
  /** Rows at the level whose kind the data does not tell (a 村（社区） row when only 行政村 count). */
  kindUnknown: Entity[];
}

/** Undefined when `entity` sits below `level`: the roll-up does not apply to it. */
export function partition(entity: Entity, set: MemberSet, given: string | undefined, ctx: Context): Partition | undefined {
  return cached(ctx, entity, `partition:${set.level}:${set.levelKind ?? ''}:${given ?? ''}`, () => findPartition(entity, set, given, ctx));
}

/** Whether an entity at the set's level is one of its members: yes, no, or unknown (its kind is not given). */
export function isMember(e: Entity, set: MemberSet): boolean | undefined {
  if (e.level !== set.level) return false;
  if (set.levelKind === undefined) return true;
  return e.kind === undefined ? undefined : e.kind === set.levelKind;
}

const EMPTY = { absentMembers: [], absentBlocks: [], unaccounted: 0, countUnknown: [], kindUnknown: [] };

function findPartition(entity: Entity, set: MemberSet, given: string | undefined, ctx: Context): Partition | undefined {
  const { level } = set;
  const depth = ctx.standard.levels.find((l) => l.id === level)!.depth;
  if (entity.level === level) return { members: [entity], blocks: [], ...EMPTY };
  if (entity.depth > depth) return undefined;
  const members: Entity[] = [];
  const blocks: Entity[] = [];
  const kindUnknown: Entity[] = [];
  const counts = ctx.standard.metrics.filter((m) => m.countOf === level && m.countOfKind === set.levelKind).map((m) => m.key);
  // Where the standard keeps the number of members (社区数) and does not list them all itself, an entity that does
  // not state it may have more members than the rows show.
  const listed = ctx.standard.places.some((p) => p.level === level);
  const needsCount = counts.length > 0 && !listed;
  const stated = (e: Entity) => {
    for (const k of counts) {
      const v = e.values.get(k);
      if (v?.kind === 'number') return v.value;
    }
    return undefined;
  };
  let deficit = 0;
  /** Entities that could state the number of members under them (the count is kept at their level) but do not. */
  const silent: Entity[] = [];
  const keptAt = (e: Entity) => counts.some((k) => ctx.metrics.get(k)!.levels.includes(e.level));
  /** Rows found at the level under `e` (a block counts as one), and whether some part of it has no known number. */
  const scan = (e: Entity): { found: number; open: boolean } => {
    let found = 0;
    let open = false;
    for (const c of e.children) {
      if (c.level === level) {
        const member = isMember(c, set);
        if (member) members.push(c);
        else if (member === undefined) kindUnknown.push(c);
        found++;
        // Members right under `e`: only `e` (or an entity above it) can say how many there are.
        if (needsCount) open = true;
      } else if (c.depth < depth) {
        if (given !== undefined && hasOwnFigure(c, given, ctx)) {
          blocks.push(c);
          found++;
          continue;
        }
        const mark = [members.length, kindUnknown.length, silent.length] as const;
        const below = scan(c);
        if (below.found === 0) {
          members.length = mark[0];
          kindUnknown.length = mark[1];
          silent.length = mark[2];
          blocks.push(c);
        } else {
          const n = stated(c);
          if (n !== undefined) {
            if (n > below.found) deficit += n - below.found;
            silent.length = mark[2];
          } else if (below.open) {
            if (keptAt(c)) silent.push(c);
            else open = true;
          }
        }
        found += Math.max(below.found, 1);
      }
    }
    return { found, open };
  };
  const top = scan(entity);
  if (top.open && stated(entity) === undefined) silent.push(entity);
  const gone = absent(entity, level, depth, ctx);
  const own = stated(entity);
  // The judged entity's own count covers everything under it, when nothing else stands in for part of it.
  const ownCovers = own !== undefined && blocks.length === 0 && gone.absentBlocks.length === 0;
  const unaccounted = ownCovers ? Math.max(0, own - members.length - kindUnknown.length - gone.absentMembers.length) : deficit;
  const countUnknown = ownCovers || !needsCount ? [] : silent;
  return { members, blocks, ...gone, unaccounted, countUnknown, kindUnknown };
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
