// Ordinal grades (一级 best). "二级以上" means grade 2 or better, i.e. an index on the scale ≤ that of 二级.
export const DEFAULT_GRADE_SCALE = ['一级', '二级', '三级'];

const NUMERALS: Record<string, string> = { '1': '一', '2': '二', '3': '三', '4': '四', '5': '五' };
const UNGRADED = new Set(['未定级', '无', '否', '未达标', '不达标', '无等级', 'none', 'ungraded']);

/** Reduces 部颁一级 / 国家一级馆 / 省定1级站 / 1 to the bare grade word (一级). */
export function canonicalGrade(raw: string): string {
  let s = raw.normalize('NFKC').replace(/\s+/g, '');
  s = s.replace(/^(部颁|国家级?|省定|省级?|市级?|全国)/, '');
  s = s.replace(/(馆|站|标准|文化站|图书馆|文化馆)$/, '');
  s = s.replace(/^([1-5])(级)?$/, (_, d: string) => `${NUMERALS[d]}级`);
  s = s.replace(/^([一二三四五])$/, '$1级');
  return s;
}

/** Position on the scale (0 = best); scale.length for "no grade"; undefined if unreadable. */
export function gradeIndex(raw: string, scale: readonly string[]): number | undefined {
  const g = canonicalGrade(raw);
  if (UNGRADED.has(g.toLowerCase())) return scale.length;
  const i = scale.findIndex((s) => canonicalGrade(s) === g);
  return i >= 0 ? i : undefined;
}
