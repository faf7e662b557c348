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
  /** Entities whose bottom-level rows were counted as they were read (their `leaves`), when the level is the bottom. */
  leafParents: Entity[];
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

const EMPTY = { absentMembers: [], absentBlocks: [], unaccounted: 0, countUnknown: [], kindUnknown: [], leafParents: [] };

function findPartition(entity: Entity, set: MemberSet, given: string | undefined, ctx: Context): Partition | undefined {
  const { level } = set;
  const depth = ctx.standard.levels.find((l) => l.id === level)!.depth;
  if (entity.level === level) return { members: [entity], blocks: [], ...EMPTY };
  if (entity.depth > depth) return undefined;
  const members: Entity[] = [];
  const blocks: Entity[] = [];
  const kindUnknown: Entity[] = [];
  const leafParents: Entity[] = [];
  const bottom = ctx.standard.levels[ctx.standard.levels.length - 1]!.id;
  const countKeys = (kind: string | undefined) => ctx.standard.metrics.filter((m) => m.countOf === level && m.countOfKind === kind).map((m) => m.key);
  const counts = countKeys(set.levelKind);
  // Counting one kind (行政村), the level's total (村（社区）数) also tells how many there are once every row
  // under an entity is listed and says its kind.
  const totals = set.levelKind !== undefined ? countKeys(undefined) : [];
  // Where the standard keeps the number of members (社区数) and does not list them all itself, an entity that does
  // not state it may have more members than the rows show.
  const listed = ctx.standard.places.some((p) => p.level === level);
  const needsCount = counts.length + totals.length > 0 && !listed;
  const valueOf = (e: Entity, keys: string[]) => {
    for (const k of keys) {
      const v = e.values.get(k);
      if (v?.kind === 'number') return v.value;
    }
    return undefined;
  };
  /** How many members under `e` the data leaves out, given what was found; undefined when `e` does not say. */
  const missingUnder = (e: Entity, found: Scan): number | undefined => {
    const n = valueOf(e, counts);
    if (n !== undefined) return Math.max(0, n - found.candidates);
    const total = valueOf(e, totals);
    if (total === undefined) return undefined;
    // Unlisted rows of unknown kind might each be a member; rows listed without a kind might be too.
    return total > found.rows ? total - found.rows : found.unsure > 0 ? undefined : 0;
  };
  let deficit = 0;
  /** Entities that could state the number of members under them (the count is kept at their level) but do not. */
  const silent: Entity[] = [];
  const keptAt = (e: Entity) => [...counts, ...totals].some((k) => ctx.metrics.get(k)!.levels.includes(e.level));
  interface Scan {
    /** Members and rows that may be members (kind not given); a block counts as one. */
    candidates: number;
    /** Rows at the level, of any kind. */
    rows: number;
    unsure: number;
    /** Some part below has no known number of members. */
    open: boolean;
  }
  const scan = (e: Entity): Scan => {
    const out: Scan = { candidates: 0, rows: 0, unsure: 0, open: false };
    const leaves = e.leaves;
    if (leaves && leaves.rows > 0 && level === bottom) {
      // Bottom-level rows counted as they were read: members of the set's kind, and rows that do not say theirs.
      leafParents.push(e);
      const unsure = set.levelKind === undefined ? 0 : (leaves.byKind.get(undefined) ?? 0);
      out.candidates += set.levelKind === undefined ? leaves.rows : (leaves.byKind.get(set.levelKind) ?? 0) + unsure;
      out.unsure += unsure;
      out.rows += leaves.rows;
      if (needsCount) out.open = true;
    }
    for (const c of e.children) {
      if (c.level === level) {
        const member = isMember(c, set);
        if (member) members.push(c);
        else if (member === undefined) kindUnknown.push(c);
        if (member !== false) out.candidates++;
        if (member === undefined) out.unsure++;
        out.rows++;
        // Members right under `e`: only `e` (or an entity above it) can say how many there are.
        if (needsCount) out.open = true;
      } else if (c.depth < depth) {
        if (given !== undefined && hasOwnFigure(c, given, ctx)) {
          blocks.push(c);
          out.candidates++;
          out.rows++;
          continue;
        }
        const mark = [members.length, kindUnknown.length, silent.length, leafParents.length] as const;
        const below = scan(c);
        if (below.rows === 0) {
          members.length = mark[0];
          kindUnknown.length = mark[1];
          silent.length = mark[2];
          leafParents.length = mark[3];
          blocks.push(c);
          out.candidates++;
          out.rows++;
          continue;
        }
        const gap = missingUnder(c, below);
        if (gap !== undefined) {
          deficit += gap;
          silent.length = mark[2];
        } else if (below.open && valueOf(c, counts) === undefined && valueOf(c, totals) === undefined) {
          if (keptAt(c)) silent.push(c);
          else out.open = true;
        }
        out.candidates += below.candidates;
        out.rows += below.rows;
        out.unsure += below.unsure;
      }
    }
    return out;
  };
  const top = scan(entity);
  const gone = absent(entity, level, depth, ctx);
  // The judged entity's own count covers everything under it, when nothing else stands in for part of it.
  const own = blocks.length === 0 && gone.absentBlocks.length === 0 ? missingUnder(entity, top) : undefined;
  if (top.open && valueOf(entity, counts) === undefined && valueOf(entity, totals) === undefined) silent.push(entity);
  const unaccounted = own !== undefined ? Math.max(0, own - gone.absentMembers.length) : deficit;
  const countUnknown = own !== undefined || !needsCount ? [] : silent;
  return { members, blocks, ...gone, unaccounted, countUnknown, kindUnknown, leafParents };
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
  const stack = [entity, ...entity.children];
  while (stack.length) {
    const e = stack.pop()!;
    if (e !== entity) have.add(e.name);
    for (const n of e.leaves?.names ?? []) have.add(n);
    if (e.depth < depth) stack.push(...e.children);
  }
  const missing = known.filter((p) => !have.has(p.name));
  return {
    absentMembers: missing.filter((p) => p.level === level).map((p) => p.name),
    absentBlocks: missing.filter((p) => p.level !== level).map((p) => p.name),
  };
}

export function outcomeOf(check: Check, member: Entity, ctx: Context): Outcome {
  let byCheck = ctx.memo.get(member);
  if (!byCheck) ctx.memo.set(member, (byCheck = new Map()));
  let o = byCheck.get(check);
  if (!o) byCheck.set(check, (o = evaluateCheck(check, member, ctx)));
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
