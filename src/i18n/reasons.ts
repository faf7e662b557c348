// Words for the engine's reasons ({ code, …args }), in Chinese or English.
import type { Reason } from '../engine/types.js';
import type { Words } from './words.js';

export function reasonText(r: Reason, w: Words): string {
  const en = w.lang === 'en';
  const lv = (x: { level: string; levelKind?: string }) => w.levels(x.level, x.levelKind);
  switch (r.code) {
    case 'missing-value':
      return en ? `missing data: ${w.metric(r.metric)}` : `缺少数据：${w.metric(r.metric)}`;
    case 'no-members':
      if (r.given) return en ? `missing data: ${w.metric(r.given)} (or data for each ${w.level(r.level, r.levelKind)})` : `缺少数据：${w.metric(r.given)}（或各${lv(r)}的数据）`;
      return en ? `no ${lv(r)} in the data` : `没有${lv(r)}数据`;
    case 'members-unknown':
      return en ? `${lv(r)} without data: ${w.list(r.entities)}` : `${lv(r)}数据不全：${w.list(r.entities)}`;
    case 'count-unknown': {
      const counter = r.metric ? w.metric(r.metric) : en ? `number of ${lv(r)}` : `${lv(r)}数`;
      return en ? `number of ${lv(r)} not known (${counter} not given for ${w.list(r.entities)})` : `${lv(r)}总数未知（未填${counter}：${w.list(r.entities)}）`;
    }
    case 'kind-unknown': {
      const level = w.standard.levels.find((l) => l.id === r.level);
      const kinds = (level?.kinds ?? []).map((k) => w.level(r.level, k.id));
      return en
        ? `only ${lv(r)} count; not said whether ${kinds.join(' or ')}: ${w.list(r.entities)}`
        : `只计${lv(r)}，未注明是${kinds.join('还是')}：${w.list(r.entities)}`;
    }
    case 'evidence-required':
      return en ? `evidence needed${r.evidenceEn ? `: ${r.evidenceEn}` : ''}` : `需提供依据：${r.evidence}`;
    case 'needs-judgement':
      return en ? `a person must judge this${r.evidenceEn ? `: ${r.evidenceEn}` : ''}` : `需人工核查：${r.evidence}`;
    case 'partial':
      return en ? `${w.metric(r.metric)} only partly met` : `${w.metric(r.metric)}仅部分达到`;
    case 'band-unknown':
      return en ? `cannot tell which band applies (${w.target(r.condition)})` : `无法确定适用档次（${w.target(r.condition)}）`;
    case 'not-applicable':
      return en ? `not applicable${r.reasonEn ? `: ${r.reasonEn}` : ' (see the rule)'}` : `不适用：${r.reason}`;
    case 'not-kept':
      return en ? `not applicable: ${w.metric(r.metric)} is not kept for a ${w.level(r.level)}` : `不适用：${w.metric(r.metric)}不在${w.level(r.level)}层级统计`;
    case 'below-members':
      return en ? `not applicable: a requirement on the levels above ${lv(r)}` : `不适用：${lv(r)}以上层级的要求`;
    case 'collective':
      return en ? `not applicable: a requirement on the ${lv(r)} as a whole` : `不适用：对${lv(r)}整体的要求`;
    case 'no-applicable-members':
      return en ? `not applicable: no ${lv(r)} to which it applies` : `不适用：没有适用的${lv(r)}`;
    case 'other-kind':
      return en ? `not applicable: only ${lv(r)} count` : `不适用：只计${lv(r)}`;
    case 'no-band':
      return en ? 'not applicable: no band applies' : '不适用：无适用档次';
    case 'given':
      return en ? `the supplied figure was used: ${w.metric(r.metric)}` : `采用填报值：${w.metric(r.metric)}`;
    case 'stated-other-tier':
      return en
        ? `${w.metric(r.metric)} only says "${r.said ? 'met' : 'not met'}"; this target needs the figure`
        : `${w.metric(r.metric)}只填了“${r.said ? '达标' : '未达标'}”，对此目标须填具体数值`;
    case 'not-yet-due':
      return en ? `not yet due: ${w.deadline(r.deadline)}${r.task ? ` (${w.task(r.task)})` : ''}` : `未到期：完成时限${r.deadline}${r.task ? `（${w.task(r.task)}）` : ''}`;
    case 'attested':
      return en
        ? `attested by ${r.by}${r.date ? ` on ${r.date}` : ''} (${r.file}:${r.line}): ${r.evidence}`
        : `${r.by}${r.date ? `于${r.date}` : ''}核查确认（${r.file}:${r.line}）：${r.evidence}`;
    case 'partial-unknown':
      return en ? `${w.metric(r.metric)} only says "partly"; the figure is needed` : `${w.metric(r.metric)}只填了“部分”，须填具体数值`;
  }
}

/** Several reasons in words, with the missing values of one result merged into a single list. */
export function reasonsText(reasons: Reason[], w: Words): string[] {
  const missing = [...new Set(reasons.flatMap((r) => (r.code === 'missing-value' ? [w.metric(r.metric)] : [])))];
  const rest = reasons.filter((r) => r.code !== 'missing-value').map((r) => reasonText(r, w));
  const head = missing.length ? [w.lang === 'en' ? `missing data: ${missing.join(', ')}` : `缺少数据：${missing.join('、')}`] : [];
  return [...head, ...new Set(rest)];
}
