// Readable targets, built from the check itself: "≥ 1.5 册/人", "每个街道：每周开放时间 ≥ 48 小时".
import type { Check, Metric, Op, Threshold } from '../standard/types.js';
import { formatNumber } from '../data/values.js';

const SYMBOL: Record<Exclude<Op, 'between'>, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

export function unitOf(metric: Metric | undefined): string | undefined {
  if (!metric) return undefined;
  return metric.type === 'percent' ? (metric.unit ?? '%') : metric.unit;
}

export function withUnit(n: number, unit: string | undefined): string {
  if (!unit) return formatNumber(n);
  return unit === '%' || unit === '‰' ? `${formatNumber(n)}${unit}` : `${formatNumber(n)} ${unit}`;
}

export function threshold(op: Op, value: Threshold, unit: string | undefined): string {
  if (op === 'between') {
    const [lo, hi] = value as [number, number];
    return `${withUnit(lo, unit)} – ${withUnit(hi, unit)}`;
  }
  return `${SYMBOL[op]} ${withUnit(value as number, unit)}`;
}

// Checks belong to one loaded standard, so a check's text never changes: worked out once, reused for every entity.
const cache = new WeakMap<Check, string>();

export function describe(check: Check, metrics: Map<string, Metric>, levelName: (id: string, kind?: string) => string, withLabel = true): string {
  if (!withLabel) return build(check, metrics, levelName, false);
  let text = cache.get(check);
  if (text === undefined) cache.set(check, (text = build(check, metrics, levelName, true)));
  return text;
}

function build(check: Check, metrics: Map<string, Metric>, levelName: (id: string, kind?: string) => string, withLabel: boolean): string {
  const d = (c: Check) => describe(c, metrics, levelName, true);
  const name = (key: string) => metrics.get(key)?.label ?? key;
  const prefix = (key: string) => (withLabel ? `${check.label ?? name(key)} ` : '');
  switch (check.kind) {
    case 'compare':
      return `${prefix(check.metric)}${threshold(check.op, check.value, unitOf(metrics.get(check.metric)))}`;
    case 'status':
      return `${withLabel ? `${check.label ?? name(check.metric)}：` : ''}${check.expect === false ? '否' : '是'}`;
    case 'grade':
      return `${withLabel ? `${check.label ?? name(check.metric)} ` : ''}${check.atLeast}或以上`;
    case 'manual':
      return `人工核查：${check.evidence}`;
    case 'level':
      return `层级为${check.is.map((l) => levelName(l)).join('或')}`;
    case 'na':
      return `不适用：${check.reason}`;
    case 'all':
      return check.label ?? check.of.map(d).join('；');
    case 'any':
      return check.label ?? check.of.map(d).join(' 或 ');
    case 'either':
      return check.label ?? check.of.map(d).join('（或）');
    case 'cases':
      return (
        check.label ??
        [...check.cases.map((c) => `${c.label ?? d(c.when)} → ${d(c.then)}`), ...(check.otherwise ? [`其他 → ${d(check.otherwise)}`] : [])].join('；')
      );
    case 'stages':
      return check.stages.map((s) => `${s.label ?? `${s.year}年`}：${d(s.check)}`).join('；');
    case 'each':
      return `${check.label ? `${check.label}：` : ''}每个${levelName(check.level, check.levelKind)}：${d(check.check)}`;
    case 'share':
      return `${check.label ? `${check.label}：` : ''}${threshold(check.op, check.value, '%')} 的${levelName(check.level, check.levelKind)}：${d(check.check)}`;
    case 'count':
      return `${check.label ? `${check.label}：` : ''}${levelName(check.level, check.levelKind)}数 ${threshold(check.op, check.value, undefined)}：${d(check.check)}`;
    case 'sum':
      return `${check.label ?? `各${levelName(check.level, check.levelKind)}${name(check.metric)}合计`} ${threshold(check.op, check.value, unitOf(metrics.get(check.metric)))}`;
    case 'mean':
      return `${check.label ?? `各${levelName(check.level, check.levelKind)}${name(check.metric)}平均`} ${threshold(check.op, check.value, unitOf(metrics.get(check.metric)))}`;
  }
}
