// The gap to a target in words: "差 0.3 册/人（20%）", "1个街道未达标：长庆街道" / "short by 0.3 册/人 (20%)".
import type { Check } from '../standard/types.js';
import type { Outcome } from '../engine/types.js';
import { formatNumber } from '../data/values.js';
import { pushTo } from '../util/group.js';
import type { Words } from './words.js';

export function gapText(o: Outcome, w: Words): string {
  const en = w.lang === 'en';
  // For a check made of parts, each part that shares the verdict speaks for itself, at its own level.
  if ((o.check.kind === 'all' || o.check.kind === 'any') && o.parts?.length && o.status !== 'pass') {
    const texts = o.parts.filter((p) => p.status === o.status).map((p) => gapText(p, w)).filter(Boolean);
    if (texts.length) return w.join([...new Set(texts)]);
  }
  const parts: string[] = [];
  const members = rollupMembers(o.check);
  if (o.status === 'fail') {
    const short = o.shortfallCount ?? o.shortfall?.length ?? 0;
    if (o.shortfall?.length) {
      for (const [level, names, count] of byLevel(o.shortfall, o, members, short)) {
        parts.push(en ? `${count} ${count === 1 ? w.level(level.id, level.kind) : w.levels(level.id, level.kind)} short: ${w.list(names, 8, count)}` : `${count}个${w.level(level.id, level.kind)}未达标：${w.list(names, 8, count)}`);
      }
    }
    if (o.gap && !(short && o.gap.entities === short && o.gap.unit === undefined && !o.gap.steps)) {
      const g = o.gap;
      const shown = formatNumber(Math.abs(g.amount) >= 1 ? +g.amount.toFixed(2) : +g.amount.toPrecision(2));
      const amount = g.steps
        ? en ? `${shown} grade${g.amount === 1 ? '' : 's'}` : `${shown} 级`
        : g.unit === '%'
          ? en ? `${shown} percentage points` : `${shown} 个百分点`
          : `${shown}${g.unit ? ` ${g.unit}` : ''}`;
      const pctValue = g.percent !== undefined && g.unit !== '%' && !g.steps ? (g.percent >= 0.1 ? formatNumber(+g.percent.toFixed(1)) : '<0.1') : undefined;
      const pct = pctValue === undefined ? '' : en ? ` (${pctValue}%)` : `（${pctValue}%）`;
      const more = g.entities !== undefined && o.check.kind === 'share' && members ? (en ? `; ${g.entities} more ${g.entities === 1 ? w.level(members.id, members.kind) : w.levels(members.id, members.kind)} needed` : `，还需${g.entities}个${w.level(members.id, members.kind)}`) : '';
      parts.push(en ? `short by ${amount}${pct}${more}` : `差 ${amount}${pct}${more}`);
    }
    parts.push(...o.reasons.filter((r) => r.code === 'partial' || r.code === 'attested').map((r) => w.reason(r)));
  } else if (o.status !== 'pass') {
    const unknown = o.reasons.find((r) => r.code === 'members-unknown');
    if (unknown && unknown.code === 'members-unknown') {
      for (const [level, names, count] of byLevel(unknown.entities, o, members, o.unknownCount ?? unknown.entities.length)) {
        if (names.length) parts.push(en ? `${w.levels(level.id, level.kind)} without data: ${w.list(names, 8, count)}` : `${w.level(level.id, level.kind)}数据不全：${w.list(names, 8, count)}`);
      }
    }
    if (o.unlisted && members) {
      parts.push(en ? `${o.unlisted} more ${o.unlisted === 1 ? w.level(members.id, members.kind) : w.levels(members.id, members.kind)} without rows` : `另有${o.unlisted}个${w.level(members.id, members.kind)}无数据`);
    }
    parts.push(...w.reasons(o.reasons.filter((r) => r.code !== 'given' && r.code !== 'members-unknown')));
  }
  if (o.due?.state === 'overdue') {
    const d = o.due;
    parts.push(en ? (d.months ? `overdue by ${d.months} month${d.months > 1 ? 's' : ''} (deadline ${d.month})` : `due now (deadline ${d.month})`) : d.months ? `逾期${d.months}个月（时限${d.deadline}）` : `已到期（时限${d.deadline}）`);
  }
  return w.join([...new Set(parts)]);
}

function rollupMembers(c: Check): { id: string; kind?: string } | undefined {
  return c.kind === 'each' || c.kind === 'share' || c.kind === 'count' || c.kind === 'sum' || c.kind === 'mean' ? { id: c.level, kind: c.levelKind } : undefined;
}

/**
 * Names grouped by their level: members at the roll-up's level, and any county that stood in for its townships;
 * with how many each group has (`total` counts names beyond those kept, all at the roll-up's own level).
 */
function byLevel(names: string[], o: Outcome, members: { id: string; kind?: string } | undefined, total: number): [{ id: string; kind?: string }, string[], number][] {
  const groups = new Map<string, string[]>();
  const levels = new Map<string, { id: string; kind?: string }>();
  for (const n of names) {
    const own = o.levelsOf?.[n];
    const level = own ? { id: own } : (members ?? { id: '' });
    const key = `${level.id}/${level.kind ?? ''}`;
    levels.set(key, level);
    pushTo(groups, key, n);
  }
  const memberKey = `${members?.id ?? ''}/${members?.kind ?? ''}`;
  const others = [...groups].filter(([k]) => k !== memberKey).reduce((n, [, v]) => n + v.length, 0);
  return [...groups].map(([k, v]) => [levels.get(k)!, v, k === memberKey ? Math.max(v.length, total - others) : v.length]);
}
