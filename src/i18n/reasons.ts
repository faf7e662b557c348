// Words for the engine's reasons, rendered late so that each report (and later a zh/en switch) chooses them.
import type { Reason } from '../engine/types.js';

export function reasonText(r: Reason): string {
  switch (r.code) {
    case 'missing-value':
      return `缺少数据：${r.label}`;
    case 'no-members':
      return r.given ? `缺少数据：${r.given}（或各${r.level}的数据）` : `没有${r.level}数据`;
    case 'members-unknown':
      return `${r.level}数据不全：${list(r.entities)}`;
    case 'count-unknown':
      return `${r.level}总数未知（未填${r.label}：${list(r.entities)}）`;
    case 'kind-unknown':
      return `只计${r.kind}，未注明${r.kinds.join('还是')}：${list(r.entities)}`;
    case 'evidence-required':
      return `需提供依据：${r.evidence}`;
    case 'needs-judgement':
      return `需人工核查：${r.evidence}`;
    case 'partial':
      return `${r.label}仅部分达到`;
    case 'band-unknown':
      return `无法确定适用档次（${r.label}）`;
    case 'not-applicable':
      return `不适用：${r.reason}`;
    case 'given':
      return `采用填报值：${r.label}`;
    case 'stated-other-tier':
      return `${r.label}只填了“${r.said}”，对此目标须填具体数值`;
    case 'partial-unknown':
      return `${r.label}只填了“部分”，须填具体数值`;
  }
}

export function list(names: string[], max = 8): string {
  return names.length <= max ? names.join('、') : `${names.slice(0, max).join('、')} 等${names.length}个`;
}

/** Several reasons in words, with the missing values of one result merged into a single list. */
export function reasonsText(reasons: Reason[]): string[] {
  const missing = [...new Set(reasons.flatMap((r) => (r.code === 'missing-value' ? [r.label] : [])))];
  const rest = reasons.filter((r) => r.code !== 'missing-value').map(reasonText);
  return [...(missing.length ? [`缺少数据：${missing.join('、')}`] : []), ...new Set(rest)];
}
