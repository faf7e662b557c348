// The gap to a target in words: "差 0.3 册/人（20%）", "1个街道未达标：长庆街道；1个社区未达标：…".
import type { Check } from '../standard/types.js';
import type { Outcome } from '../engine/types.js';
import { formatNumber } from '../data/values.js';
import { list, reasonText, reasonsText } from '../i18n/reasons.js';
import { pushTo } from '../util/group.js';

type LevelName = (id: string) => string;

export function gapText(o: Outcome, levelName: LevelName): string {
  // For a check made of parts, each part that shares the verdict speaks for itself, at its own level.
  if ((o.check.kind === 'all' || o.check.kind === 'any') && o.parts?.length && o.status !== 'pass') {
    const texts = o.parts.filter((p) => p.status === o.status).map((p) => gapText(p, levelName)).filter(Boolean);
    if (texts.length) return [...new Set(texts)].join('；');
  }
  const parts: string[] = [];
  const level = rollupLevelId(o.check);
  if (o.status === 'fail') {
    if (o.shortfall?.length) parts.push(...byLevel(o.shortfall, o, level, levelName).map(([l, names]) => `${names.length}个${l}未达标：${list(names)}`));
    if (o.gap && !(o.shortfall?.length && o.gap.entities === o.shortfall.length && o.gap.unit === undefined)) {
      const g = o.gap;
      const shown = formatNumber(Math.abs(g.amount) >= 1 ? +g.amount.toFixed(2) : +g.amount.toPrecision(2));
      const amount = g.unit === '%' ? `${shown} 个百分点` : `${shown}${g.unit ? ` ${g.unit}` : ''}`;
      const pct = g.percent !== undefined && g.unit !== '%' ? `（${g.percent >= 0.1 ? formatNumber(+g.percent.toFixed(1)) : '<0.1'}%）` : '';
      const more = g.entities !== undefined && o.check.kind === 'share' && level ? `，还需${g.entities}个${levelName(level)}` : '';
      parts.push(`差 ${amount}${pct}${more}`);
    }
    parts.push(...o.reasons.filter((r) => r.code === 'partial').map(reasonText));
  } else if (o.status !== 'pass') {
    const unknown = o.reasons.find((r) => r.code === 'members-unknown');
    if (unknown && unknown.code === 'members-unknown') {
      parts.push(...byLevel(unknown.entities, o, level, levelName).map(([l, names]) => `${l}数据不全：${list(names)}`));
    }
    parts.push(...reasonsText(o.reasons.filter((r) => r.code !== 'given' && r.code !== 'members-unknown')));
  }
  return [...new Set(parts)].join('；');
}

function rollupLevelId(c: Check): string | undefined {
  return c.kind === 'each' || c.kind === 'share' || c.kind === 'count' || c.kind === 'sum' || c.kind === 'mean' ? c.level : undefined;
}

/** Names grouped by their level: members at the roll-up's level, and any county that stood in for its townships. */
function byLevel(names: string[], o: Outcome, level: string | undefined, levelName: LevelName): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const n of names) {
    const id = o.levelsOf?.[n] ?? level;
    const key = id ? levelName(id) : '';
    pushTo(groups, key, n);
  }
  return [...groups];
}
