// Resolves a level as people write it (id, name or alias; full- or half-width brackets) to its id.
import type { Level, Standard } from './types.js';

export type LevelLookup = (name: string) => Level | undefined;

export function levelLookup(levels: readonly { id: string; name: string; aliases?: string[] }[]): LevelLookup {
  const byName = new Map<string, Level>();
  levels.forEach((l, depth) => {
    const level: Level = { id: l.id, name: l.name, aliases: l.aliases ?? [], depth };
    for (const n of [l.id, l.name, ...(l.aliases ?? [])]) {
      const k = levelKey(n);
      if (!byName.has(k)) byName.set(k, level);
    }
  });
  return (name) => byName.get(levelKey(name));
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
