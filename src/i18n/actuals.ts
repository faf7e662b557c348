// Values found, in words: "1.2 册/人", "16/18（88.9%）", "是（依据：…）" / "yes (evidence: …)".
import type { Actual } from '../engine/types.js';
import type { Value } from '../data/values.js';
import { formatNumber } from '../data/values.js';
import { canonicalGrade } from '../standard/grades.js';
import type { Words } from './words.js';
import { withUnit } from './targets.js';

const GRADES_EN: Record<string, string> = { 特级: 'special grade', 一级: 'grade 1', 二级: 'grade 2', 三级: 'grade 3', 四级: 'grade 4', 五级: 'grade 5', 未定级: 'ungraded' };

/** A grade as written in the standard, or its English (一级 → grade 1). */
export function gradeName(grade: string, w: Words): string {
  return w.lang === 'en' ? (GRADES_EN[canonicalGrade(grade)] ?? grade) : grade;
}

export function renderValue(v: Value, metric: string | undefined, w: Words): string {
  const en = w.lang === 'en';
  switch (v.kind) {
    case 'number':
      return withUnit(v.value, metric ? w.unitOf(metric) : undefined);
    case 'boolean':
      return v.value ? (en ? 'yes' : '是') : en ? 'no' : '否';
    case 'partial':
      return en ? 'partly' : '部分';
    case 'verdict':
      return v.value ? (en ? 'met' : '达标') : en ? 'not met' : '未达标';
    case 'grade':
      return gradeName(v.grade, w);
    case 'text':
      return v.value;
  }
}

function shareText(k: number, n: number): string {
  return `${k}/${n}`;
}

function percent(k: number, n: number): string {
  return `${formatNumber(+((k / n) * 100).toFixed(1))}%`;
}

export function renderActual(a: Actual, w: Words): string {
  const en = w.lang === 'en';
  switch (a.kind) {
    case 'value':
      return renderValue(a.value, a.metric, w);
    case 'number':
      return `${a.atLeast ? '≥ ' : ''}${withUnit(a.value, a.unit)}`;
    case 'level':
      return w.level(a.level);
    case 'evidenced':
      return en ? `${renderActual(a.of, w)} (evidence: ${a.evidence})` : `${renderActual(a.of, w)}（依据：${a.evidence}）`;
    case 'tally': {
      const name = w.levels(a.level, a.levelKind);
      const open = a.open ? (en ? `; number of ${name} not known` : `，${name}总数未知`) : '';
      if (a.n === 0) return en ? `no ${name} data${open}` : `无${name}数据${open}`;
      if (a.unknown === a.n) return en ? `no data for any of ${a.n} ${name}${open}` : `${a.n}个${name}均无数据${open}`;
      const share = `${shareText(a.pass, a.n)}${en ? ` (${percent(a.pass, a.n)})` : `（${percent(a.pass, a.n)}）`}`;
      const unknown = a.unknown ? (en ? `, ${a.unknown} without data` : `，其中${a.unknown}个无数据`) : '';
      return `${share}${unknown}${open}`;
    }
    case 'counted': {
      const share = `${shareText(a.pass, a.n)}${en ? ` (${percent(a.pass, a.n)})` : `（${percent(a.pass, a.n)}）`}`;
      return en ? `${share} (with the counts ${w.list(a.from)} report)` : `${share}（含${a.from.join('、')}填报的数量）`;
    }
    case 'blocks': {
      const parts = [
        ...(a.tally ? [renderActual(a.tally, w)] : []),
        ...a.reported.map((r) => `${r.name}${en ? ': ' : '：'}${renderActual(r.actual, w)}`),
        ...(a.silent.length ? [en ? `no data: ${w.list(a.silent)}` : `无数据：${w.list(a.silent)}`] : []),
      ];
      return w.join(parts);
    }
    case 'parts':
      return w.join(
        a.parts.map((p) => {
          const label = en ? p.labelEn : p.label;
          const value = p.actual ? renderActual(p.actual, w) : '—';
          return label ? `${label}${en ? ': ' : '：'}${value}` : value;
        }),
      );
    case 'banded': {
      if (!a.condition) return a.value ? renderActual(a.value, w) : '—';
      if (!a.value) return renderActual(a.condition, w);
      return en ? `${renderActual(a.value, w)} (${renderActual(a.condition, w)})` : `${renderActual(a.value, w)}（${renderActual(a.condition, w)}）`;
    }
  }
}
