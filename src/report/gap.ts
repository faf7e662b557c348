// The gap to a target in words: "差 0.3 册/人（20%）", "3个街道未达标：…".
import type { Outcome } from '../engine/types.js';
import { formatNumber } from '../data/values.js';
import { list, reasonText, reasonsText } from '../i18n/reasons.js';

export function gapText(o: Outcome, levelOf: (o: Outcome) => string | undefined): string {
  const parts: string[] = [];
  if (o.status === 'fail') {
    if (o.shortfall?.length) parts.push(`${o.shortfall.length}个${levelOf(o) ?? ''}未达标：${list(o.shortfall)}`);
    if (o.gap && !(o.shortfall?.length && o.gap.entities === o.shortfall.length && o.gap.unit === undefined)) {
      const g = o.gap;
      const shown = formatNumber(Math.abs(g.amount) >= 1 ? +g.amount.toFixed(2) : +g.amount.toPrecision(2));
      const amount = g.unit === '%' ? `${shown} 个百分点` : `${shown}${g.unit ? ` ${g.unit}` : ''}`;
      const pct = g.percent !== undefined && g.unit !== '%' ? `（${g.percent >= 0.1 ? formatNumber(+g.percent.toFixed(1)) : '<0.1'}%）` : '';
      const more = g.entities !== undefined && o.check.kind === 'share' ? `，还需${g.entities}个${levelOf(o) ?? ''}` : '';
      parts.push(`差 ${amount}${pct}${more}`);
    }
  }
  if (o.status !== 'pass' && o.status !== 'fail') parts.push(...reasonsText(o.reasons.filter((r) => r.code !== 'given')));
  if (o.status === 'fail' && o.reasons.some((r) => r.code === 'partial')) parts.push(...o.reasons.filter((r) => r.code === 'partial').map(reasonText));
  return [...new Set(parts)].join('；');
}
