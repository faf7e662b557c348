// Validation of option values that depend on the loaded standard (tiers, classes, levels, indicator ids).
import type { Standard } from '../standard/types.js';
import { levelLookup } from '../standard/levels.js';
import { didYouMean } from '../util/suggest.js';
import { UsageError } from './errors.js';
import { parseAsOf, type Month } from '../standard/deadlines.js';
import { say, type Message } from '../i18n/message.js';

export function parseTiers(std: Standard, tier: string | undefined): string[] {
  const ids = std.tiers.map((t) => t.id);
  if (tier === undefined) return [ids[0]!];
  if (tier === 'both' || tier === 'all') return ids;
  const found = std.tiers.find((t) => t.id === tier || t.name === tier);
  if (!found) {
    const [hint, choices] = [didYouMean(tier, ids), ids.length > 1 ? [...ids, 'both'] : ids];
    throw new UsageError(say(`--tier “${tier}”：${std.id} 的目标层级有 ${choices.join('、')}${hint.zh}`, `--tier "${tier}": ${std.id} has tiers ${choices.join(', ')}${hint.en}`));
  }
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
    const hint = didYouMean(level, [...names, ...std.levels.map((l) => l.id)]);
    throw new UsageError(say(`--level “${level}”：${std.id} 的层级有 ${names.join('、')}${hint.zh}`, `--level "${level}": ${std.id} has levels ${names.join(', ')}${hint.en}`));
  }
  return found.id;
}

export function parseOnly(std: Standard, only: string[] | undefined): string[] | undefined {
  if (!only?.length) return undefined;
  const ids = std.classes.map((c) => c.id);
  for (const o of only) {
    if (!ids.includes(o)) {
      throw new UsageError(
        ids.length
          ? say(`--only “${o}”：${std.id} 的类别有 ${ids.join('、')}`, `--only "${o}": ${std.id} has classes ${ids.join(', ')}`)
          : say(`--only：${std.id} 的指标不分类别`, `--only: ${std.id} does not divide its indicators into classes`),
      );
    }
  }
  return only;
}

/** `what` names where the ids came from in a message: the option, or 指标 / indicator for an argument. */
export function parseIndicators(std: Standard, ids: string[] | undefined, what: Message = say('--indicator ', '--indicator')): string[] | undefined {
  if (!ids?.length) return undefined;
  const known = std.indicators.map((i) => i.id);
  const flat = ids.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  return flat.map((id) => {
    const hit = known.find((k) => k.toLowerCase() === id.toLowerCase());
    if (!hit) {
      const hint = didYouMean(id, known);
      throw new UsageError(say(`${what.zh}“${id}”不在 ${std.id} 中${hint.zh}`, `${what.en} "${id}" is not in ${std.id}${hint.en}`));
    }
    return hit;
  });
}

/** --as-of 2020 (its end) or 2020-03. */
export function parseAsOfOption(s: string | undefined): Month | undefined {
  if (s === undefined) return undefined;
  const m = parseAsOf(s);
  if (!m) throw new UsageError(say(`--as-of “${s}”：请给出年份或月份，例如 2025 或 2020-03`, `--as-of "${s}": give a year or a month, such as 2025 or 2020-03`));
  return m;
}
