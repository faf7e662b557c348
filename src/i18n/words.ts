// Words for one standard in one language: names from the rule file (its English ones where it has them) and
// dabiao's own phrases. Every report renders engine results through one of these.
import type { Check, Indicator, Responsible, Standard } from '../standard/types.js';
import { formatMonth, parseDeadline } from '../standard/deadlines.js';
import type { Actual, Outcome, Reason, Status, Target } from '../engine/types.js';
import type { Value } from '../data/values.js';
import type { Lang } from './lang.js';
import { describeCheck, renderTarget } from './targets.js';
import { renderActual, renderValue } from './actuals.js';
import { reasonText, reasonsText } from './reasons.js';
import { gapText } from './gaps.js';

export interface Words {
  readonly lang: Lang;
  readonly standard: Standard;
  level(id: string, kind?: string): string;
  /** A level's name as a countable noun: "streets" in English, 街道 in Chinese. */
  levels(id: string, kind?: string): string;
  metric(key: string): string;
  unitOf(key: string): string | undefined;
  checkLabel(check: Check): string | undefined;
  title(indicator: Indicator): string;
  category(indicator: Indicator): string;
  tier(id: string): string;
  status(s: Status): string;
  target(t: Target): string;
  describe(check: Check, withLabel?: boolean): string;
  actual(a: Actual | undefined): string;
  value(v: Value, metric?: string): string;
  gap(o: Outcome): string;
  reason(r: Reason): string;
  reasons(rs: Reason[]): string[];
  /** Names joined, at most `max` of them: 甲、乙 等12个 / A, B and 10 more. `total`: how many there are in all. */
  list(names: string[], max?: number, total?: number): string;
  /** Two phrases as one: 甲；乙 / A; B. */
  join(parts: string[]): string;
  /** A name from the rule file's glossary (a responsible unit), in English where it has one. */
  term(name: string): string;
  /** Responsible units, the lead marked ▲. */
  units(units: Responsible[]): string;
  /** A deadline as written (2019年12月), or in English (by 2019-12, every year). */
  deadline(text: string): string;
  /** A sub-task id as the document writes it: 【4．1】 / task 4.1. */
  task(id: string): string;
}

const STATUS: Record<Lang, Record<Status, string>> = {
  zh: { pass: '达标', fail: '未达标', missing: '缺数据', manual: '待核查', pending: '未到期', waived: '已豁免', na: '不适用' },
  en: { pass: 'pass', fail: 'fail', missing: 'missing', manual: 'manual', pending: 'not yet due', waived: 'waived', na: 'n/a' },
};

export function words(standard: Standard, lang: Lang): Words {
  const metrics = new Map(standard.metrics.map((m) => [m.key, m]));
  const levelOf = (id: string) => standard.levels.find((l) => l.id === id);
  const en = lang === 'en';
  const w: Words = {
    lang,
    standard,
    level(id, kind) {
      const level = levelOf(id);
      const k = kind ? level?.kinds.find((x) => x.id === kind) : undefined;
      if (k) return (en && k.nameEn) || k.name;
      return (en && level?.nameEn) || level?.name || id;
    },
    levels(id, kind) {
      return en ? plural(w.level(id, kind)) : w.level(id, kind);
    },
    metric(key) {
      const m = metrics.get(key);
      return (en && m?.labelEn) || m?.label || key;
    },
    unitOf(key) {
      const m = metrics.get(key);
      if (!m) return undefined;
      return m.type === 'percent' ? (m.unit ?? '%') : m.unit;
    },
    // In English a Chinese label gives way to words built from the check's parts, which have English names.
    checkLabel(check) {
      return en ? check.labelEn : check.label;
    },
    title(indicator) {
      return (en && indicator.titleEn) || indicator.title;
    },
    category(indicator) {
      return ((en && indicator.categoryEn) || indicator.category).join(' › ');
    },
    tier(id) {
      const t = standard.tiers.find((x) => x.id === id);
      return (en && t?.nameEn) || t?.name || id;
    },
    status: (s) => STATUS[lang][s],
    target: (t) => renderTarget(t, w),
    describe: (check, withLabel = true) => describeCheck(check, w, withLabel),
    actual: (a) => (a === undefined ? '—' : renderActual(a, w)),
    value: (v, metric) => renderValue(v, metric, w),
    gap: (o) => gapText(o, w),
    reason: (r) => reasonText(r, w),
    reasons: (rs) => reasonsText(rs, w),
    list(names, max = 8, total = names.length) {
      if (names.length <= max && total <= names.length) return names.join(en ? ', ' : '、');
      const shown = names.slice(0, max).join(en ? ', ' : '、');
      const count = Math.max(total, names.length);
      return en ? `${shown} and ${count - Math.min(max, names.length)} more` : `${shown} 等${count}个`;
    },
    join: (parts) => parts.join(en ? '; ' : '；'),
    term: (name) => (en && standard.glossary[name]) || name,
    units: (units) => units.map((u) => `${u.lead ? '▲' : ''}${w.term(u.name)}`).join(en ? ', ' : '、'),
    deadline(text) {
      if (!en) return text;
      const when = parseDeadline(text);
      if (when.kind === 'month') return `by ${formatMonth(when.at)}`;
      if (when.kind === 'every-year') return 'every year';
      return standard.glossary[text] ?? (text.trim() ? 'not stated' : '');
    },
    task: (id) => (en ? `task ${id}` : `【${id.replace('.', '．')}】`),
  };
  return w;
}

/** street → streets, county → counties, village → villages; names that are not English stay as they are. */
function plural(name: string): string {
  if (!/^[A-Za-z][A-Za-z -]*$/.test(name)) return name;
  if (/[^aeiou]y$/i.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/i.test(name)) return `${name}es`;
  return `${name}s`;
}
