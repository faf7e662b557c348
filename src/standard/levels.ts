// Resolves a level as people write it (id, name or alias; full- or half-width brackets) to its id, and a kind of
// a level (行政村, one kind of 村（社区）) to its level and kind.
import type { Level, LevelKind, Standard } from './types.js';

export type LevelLookup = (name: string) => Level | undefined;

interface RawLevel {
  id: string;
  name: string;
  nameEn?: string;
  aliases?: string[];
  kinds?: { id: string; name: string; nameEn?: string; aliases?: string[] }[];
}

function asLevel(l: RawLevel, depth: number): Level {
  const kinds: LevelKind[] = (l.kinds ?? []).map((k) => ({ ...k, aliases: k.aliases ?? [] }));
  return { id: l.id, name: l.name, nameEn: l.nameEn, aliases: l.aliases ?? [], kinds, depth };
}

export function levelLookup(levels: readonly RawLevel[]): LevelLookup {
  const byName = new Map<string, Level>();
  levels.forEach((l, depth) => {
    const level = asLevel(l, depth);
    for (const n of [l.id, l.name, ...(l.aliases ?? [])]) {
      const k = levelKey(n);
      if (!byName.has(k)) byName.set(k, level);
    }
  });
  // A kind's name also names its level (a row at 行政村 is at 村（社区）), after the levels' own names.
  levels.forEach((l, depth) => {
    const level = asLevel(l, depth);
    for (const kind of l.kinds ?? []) {
      for (const n of [kind.id, kind.name, ...(kind.aliases ?? [])]) {
        const k = levelKey(n);
        if (!byName.has(k)) byName.set(k, level);
      }
    }
  });
  return (name) => byName.get(levelKey(name));
}

/** A level with, when the name is one of its kinds (行政村, 社区), that kind. */
export type KindLookup = (name: string) => { level: Level; kind?: LevelKind } | undefined;

export function kindLookup(levels: readonly RawLevel[]): KindLookup {
  const level = levelLookup(levels);
  return (name) => {
    const l = level(name);
    if (!l) return undefined;
    const k = levelKey(name);
    const kind = l.kinds.find((x) => [x.id, x.name, ...x.aliases].some((n) => levelKey(n) === k));
    return { level: l, kind };
  };
}

function levelKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[()]/g, (c) => (c === '(' ? '（' : '）'))
    .toLowerCase();
}

/** A level's display name (区, 县（市、区）…) from its id. */
export function levelNameOf(standard: Pick<Standard, 'levels'>, id: string): string {
  return standard.levels.find((l) => l.id === id)?.name ?? id;
}

/** The name of a level, or of one kind of it: what a roll-up counts (行政村, 街道). */
export function membersNameOf(standard: Pick<Standard, 'levels'>, id: string, kind?: string): string {
  const level = standard.levels.find((l) => l.id === id);
  return (kind && level?.kinds.find((k) => k.id === kind)?.name) || level?.name || id;
}
