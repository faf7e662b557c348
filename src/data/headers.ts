// What a column header (or a long file's `metric` cell) names: a reserved column, a metric, or evidence for one.
import type { Standard } from '../standard/types.js';
import { suggest } from '../util/suggest.js';

export type Role = 'entity' | 'level' | 'kind' | 'parent' | 'metric' | 'value' | 'evidence';

const RESERVED: Record<Role, string[]> = {
  entity: ['entity', 'name', '名称', '单位', '单位名称', '地区', '地区名称', '区域', '实体', '行政区', '行政区划', '主体'],
  level: ['level', '层级', '级别', '行政级别'],
  kind: ['kind', '类型', '村社类型', '村（社区）类型'],
  parent: ['parent', '上级', '所属', '上级单位', '上级地区', '所属地区', '隶属'],
  metric: ['metric', 'key', '指标', '指标项', '指标项目', '数据项'],
  value: ['value', '值', '数值', '取值', '数据'],
  evidence: ['evidence', '依据', '证明材料', '佐证材料'],
};

const EVIDENCE_SUFFIXES = ['.evidence', '_evidence', '-evidence', 'evidence', '（依据）', '依据', '证明材料', '佐证材料', '证明'];

export type Target =
  | { role: 'metric'; metric: string }
  | { role: 'evidence'; metric: string }
  /** An indicator id: which metric it fills depends on the entity's level (see indicatorMetricsAt). */
  | { role: 'indicator'; indicator: string }
  | { role: 'indicator-evidence'; indicator: string };

export function headerKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[()]/g, (c) => (c === '(' ? '（' : '）'))
    .toLowerCase();
}

export interface HeaderIndex {
  reserved(header: string): Role | undefined;
  resolve(header: string): Target | undefined;
  suggest(header: string): string | undefined;
}

export function headerIndex(std: Standard): HeaderIndex {
  const reserved = new Map<string, Role>();
  for (const [role, names] of Object.entries(RESERVED) as [Role, string[]][]) {
    for (const n of names) reserved.set(headerKey(n), role);
  }
  const names = new Map<string, Target>();
  const display: string[] = [];
  for (const m of std.metrics) {
    for (const n of [m.key, m.label, ...m.aliases, ...(m.labelEn ? [m.labelEn] : [])]) {
      names.set(headerKey(n), { role: 'metric', metric: m.key });
      display.push(n);
    }
  }
  for (const ind of std.indicators) {
    const k = headerKey(ind.id);
    if (names.has(k)) continue;
    names.set(k, { role: 'indicator', indicator: ind.id });
    display.push(ind.id);
  }

  const resolve = (header: string): Target | undefined => {
    const k = headerKey(header);
    const direct = names.get(k);
    if (direct) return direct;
    for (const suffix of EVIDENCE_SUFFIXES) {
      const sk = headerKey(suffix);
      if (k.length > sk.length && k.endsWith(sk)) {
        const base = names.get(k.slice(0, -sk.length).replace(/[._-]$/, ''));
        if (base?.role === 'metric') return { role: 'evidence', metric: base.metric };
        if (base?.role === 'indicator') return { role: 'indicator-evidence', indicator: base.indicator };
      }
    }
    return undefined;
  };
  return {
    reserved: (h) => reserved.get(headerKey(h)),
    resolve,
    suggest: (h) => suggest(h, display),
  };
}
