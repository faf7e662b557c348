// Targets in words, built from the check itself: "≥ 1.5 册/人", "每个街道：每周开放时间 ≥ 48 小时" / "every street: …".
import type { Check, Op, Threshold } from '../standard/types.js';
import type { Target } from '../engine/types.js';
import { formatNumber } from '../data/values.js';
import type { Words } from './words.js';
import { gradeName } from './actuals.js';

const SYMBOL: Record<Exclude<Op, 'between'>, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

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

export function renderTarget(t: Target, w: Words): string {
  const en = w.lang === 'en';
  switch (t.kind) {
    case 'check':
      return w.describe(t.check);
    case 'band':
      return `${(en ? t.labelEn : t.label) ?? renderTarget(t.condition, w)} → ${renderTarget(t.then, w)}`;
    case 'stage':
      return `${stageName(t, w)}${en ? ': ' : '：'}${renderTarget(t.of, w)}`;
    case 'join':
      return (en ? t.labelEn : t.label) ?? t.parts.map((p) => renderTarget(p, w)).join(JOIN[w.lang][t.how]);
  }
}

/** A year stage's name: its label in the rule file, else the year. */
export function stageName(s: { year: number; label?: string; labelEn?: string }, w: Words): string {
  return w.lang === 'en' ? (s.labelEn ?? `by ${s.year}`) : (s.label ?? `${s.year}年`);
}

const JOIN = {
  zh: { all: '；', any: ' 或 ', either: '（或）' },
  en: { all: '; ', any: ' or ', either: ' (or) ' },
} as const;

// A check's words never change within a run: worked out once per check and language, reused for every entity.
const cache = new WeakMap<Words, WeakMap<Check, string>>();

export function describeCheck(check: Check, w: Words, withLabel = true): string {
  if (!withLabel) return build(check, w, false);
  let byCheck = cache.get(w);
  if (!byCheck) cache.set(w, (byCheck = new WeakMap()));
  let text = byCheck.get(check);
  if (text === undefined) byCheck.set(check, (text = build(check, w, true)));
  return text;
}

function build(check: Check, w: Words, withLabel: boolean): string {
  const en = w.lang === 'en';
  const d = (c: Check) => describeCheck(c, w, true);
  const label = w.checkLabel(check);
  const prefix = (key: string) => (withLabel ? `${label ?? w.metric(key)} ` : '');
  const colon = en ? ': ' : '：';
  const titled = (body: string) => (label ? `${label}${colon}${body}` : body);
  const members = (c: { level: string; levelKind?: string }) => w.levels(c.level, c.levelKind);
  switch (check.kind) {
    case 'compare':
      return `${prefix(check.metric)}${threshold(check.op, check.value, w.unitOf(check.metric))}`;
    case 'status': {
      const yes = check.expect === false ? (en ? 'no' : '否') : en ? 'yes' : '是';
      return `${withLabel ? `${label ?? w.metric(check.metric)}${colon}` : ''}${yes}`;
    }
    case 'grade': {
      const g = gradeName(check.atLeast, w);
      const name = withLabel ? (label ?? w.metric(check.metric)) : '';
      // "station grade" + "grade 1": the word once.
      const said = en && /\bgrade$/i.test(name) && /^grade /i.test(g) ? `${name} ${g.slice(6)}` : `${name}${name ? ' ' : ''}${g}`;
      return en ? `${said} or better` : `${said}或以上`;
    }
    case 'manual': {
      const evidence = en ? (check.evidenceEn ?? 'evidence as the standard describes') : check.evidence;
      return en ? `judged by a person: ${evidence}` : `人工核查：${evidence}`;
    }
    case 'level':
      return en ? `level is ${check.is.map((l) => w.level(l)).join(' or ')}` : `层级为${check.is.map((l) => w.level(l)).join('或')}`;
    case 'na':
      return en ? `not applicable${check.reasonEn ? `: ${check.reasonEn}` : ''}` : `不适用：${check.reason}`;
    case 'all':
      return label ?? check.of.map(d).join(JOIN[w.lang].all);
    case 'any':
      return label ?? check.of.map(d).join(JOIN[w.lang].any);
    case 'either':
      return label ?? check.of.map(d).join(JOIN[w.lang].either);
    case 'cases': {
      if (label) return label;
      const bands = check.cases.map((c) => `${(en ? c.labelEn : c.label) ?? d(c.when)} → ${d(c.then)}`);
      if (check.otherwise) bands.push(`${en ? 'otherwise' : '其他'} → ${d(check.otherwise)}`);
      return bands.join(JOIN[w.lang].all);
    }
    case 'stages':
      return check.stages.map((s) => `${stageName(s, w)}${colon}${d(s.check)}`).join(JOIN[w.lang].all);
    case 'each':
      return titled(en ? `every ${w.level(check.level, check.levelKind)}: ${d(check.check)}` : `每个${members(check)}：${d(check.check)}`);
    case 'share':
      return titled(en ? `${threshold(check.op, check.value, '%')} of ${members(check)}: ${d(check.check)}` : `${threshold(check.op, check.value, '%')} 的${members(check)}：${d(check.check)}`);
    case 'count':
      return titled(en ? `number of ${members(check)} ${threshold(check.op, check.value, undefined)}: ${d(check.check)}` : `${members(check)}数 ${threshold(check.op, check.value, undefined)}：${d(check.check)}`);
    case 'sum':
      return `${label ?? (en ? `${w.metric(check.metric)}, total over ${members(check)}` : `各${members(check)}${w.metric(check.metric)}合计`)} ${threshold(check.op, check.value, w.unitOf(check.metric))}`;
    case 'mean':
      return `${label ?? (en ? `${w.metric(check.metric)}, average over ${members(check)}` : `各${members(check)}${w.metric(check.metric)}平均`)} ${threshold(check.op, check.value, w.unitOf(check.metric))}`;
  }
}
