// Validation of option values that depend on the loaded standard (tiers, classes, levels, indicator ids).
import type { Standard } from '../standard/types.js';
import { levelLookup } from '../standard/levels.js';
import { didYouMean } from '../util/suggest.js';
import { UsageError } from './errors.js';
import { parseAsOf, type Month } from '../standard/deadlines.js';

export function parseTiers(std: Standard, tier: string | undefined): string[] {
  const ids = std.tiers.map((t) => t.id);
  if (tier === undefined) return [ids[0]!];
  if (tier === 'both' || tier === 'all') return ids;
  const found = std.tiers.find((t) => t.id === tier || t.name === tier);
  if (!found) throw new UsageError(`--tier "${tier}": ${std.id} has tiers ${ids.join(', ')}${ids.length > 1 ? ', both' : ''}${didYouMean(tier, ids).en}`);
  return [found.id];
}

/** --level 区,街道 (or repeated): several levels, each checked. */
export function parseLevels(std: Standard, levels: string[] | undefined): string[] | undefined {
  if (!levels?.length) return undefined;
  return [...new Set(levels.map((l) => parseLevel(std, l)!))];
}

export function parseLevel(std: Standard, level: string | undefined): string | undefined {
  if (level === undefined) return undefined;
  const found = levelLookup(std.levels)(level);
  if (!found) {
    const names = std.levels.map((l) => l.name);
    throw new UsageError(`--level "${level}": ${std.id} has levels ${names.join(', ')}${didYouMean(level, [...names, ...std.levels.map((l) => l.id)]).en}`);
  }
  return found.id;
}

export function parseOnly(std: Standard, only: string[] | undefined): string[] | undefined {
  if (!only?.length) return undefined;
  const ids = std.classes.map((c) => c.id);
  for (const o of only) {
    if (!ids.includes(o)) {
      throw new UsageError(ids.length ? `--only "${o}": ${std.id} has classes ${ids.join(', ')}` : `--only: ${std.id} does not divide its indicators into classes`);
    }
  }
  return only;
}

export function parseIndicators(std: Standard, ids: string[] | undefined, what = '--indicator'): string[] | undefined {
  if (!ids?.length) return undefined;
  const known = std.indicators.map((i) => i.id);
  const flat = ids.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  return flat.map((id) => {
    const hit = known.find((k) => k.toLowerCase() === id.toLowerCase());
    if (!hit) throw new UsageError(`${what} "${id}" is not in ${std.id}${didYouMean(id, known).en}`);
    return hit;
  });
}

/** --as-of 2020 (its end) or 2020-03. */
export function parseAsOfOption(s: string | undefined): Month | undefined {
  if (s === undefined) return undefined;
  const m = parseAsOf(s);
  if (!m) throw new UsageError(`--as-of "${s}": give a year or a month, such as 2025 or 2020-03`);
  return m;
}
