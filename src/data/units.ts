// Units as analysts write them, and the exact conversions dabiao allows between them.
// Anything not listed here must match the metric's unit as written; there is no guessing.

interface UnitFamily {
  canonical: string;
  /** Spelling (after NFKC, lower-case latin) → factor to the canonical unit. */
  spellings: Record<string, number>;
}

const FAMILIES: UnitFamily[] = [
  { canonical: '平方米', spellings: { 平方米: 1, m2: 1, 'm²': 1, 平米: 1, 平方: 1, sqm: 1 } },
  { canonical: 'TB', spellings: { tb: 1, t: 1, gb: 1 / 1024, g: 1 / 1024, pb: 1024 } },
  { canonical: '小时', spellings: { 小时: 1, 个小时: 1, h: 1, hr: 1, hrs: 1, 时: 1, 分钟: 1 / 60, min: 1 / 60 } },
  { canonical: '天', spellings: { 天: 1, 日: 1, d: 1, days: 1 } },
  { canonical: '%', spellings: { '%': 1, '‰': 0.1 } },
  { canonical: '‰', spellings: { '‰': 1, '%': 10 } },
  { canonical: '人', spellings: { 人: 1, 名: 1 } },
  { canonical: '个', spellings: { 个: 1, 项: 1 } },
  { canonical: '项', spellings: { 项: 1, 个: 1 } },
  { canonical: '场', spellings: { 场: 1, 场次: 1 } },
];

export function normalizeUnit(unit: string): string {
  const s = unit.normalize('NFKC').replace(/\s+/g, '');
  return /^[a-z0-9²]+$/i.test(s) ? s.toLowerCase() : s;
}

/**
 * The factor that turns a number written in `written` into the metric's `unit`, or undefined when the
 * two do not fit. A composite unit such as 册/人 also accepts its numerator (人均藏书 "1.2册").
 */
export function unitFactor(written: string, unit: string | undefined): number | undefined {
  const w = normalizeUnit(written);
  if (w === '') return 1;
  if (unit === undefined) return undefined;
  const u = normalizeUnit(unit);
  if (w === u) return 1;
  if (w.includes('/') && u.includes('/')) {
    // 0.3㎡/人 for 平方米/人: same denominator, numerators that convert.
    const [wn, wd] = w.split('/') as [string, string];
    const [un, ud] = u.split('/') as [string, string];
    return wd === ud ? unitFactor(wn, un) : undefined;
  }
  const numerator = u.includes('/') ? u.split('/')[0]! : undefined;
  if (numerator !== undefined && w === numerator) return 1;
  for (const target of [u, numerator]) {
    if (target === undefined) continue;
    const family = FAMILIES.find((f) => normalizeUnit(f.canonical) === target || f.spellings[target] === 1);
    const factor = family?.spellings[w];
    const base = family?.spellings[target];
    if (factor !== undefined && base !== undefined) return factor / base;
  }
  return undefined;
}
