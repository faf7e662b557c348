// Reads one cell as analysts write it (1,500 · 88.1% · ８８．１％ · 60TB · 120万 · 是/否 · 部颁一级) into a typed value.
import type { Metric } from '../standard/types.js';
import { DEFAULT_GRADE_SCALE, gradeIndex } from '../standard/grades.js';
import { unitFactor } from './units.js';
import { say, type Message } from '../i18n/message.js';

export type Value =
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'partial' }
  /** 达标 / 未达标 written where a figure was expected: the data states the verdict itself. */
  | { kind: 'verdict'; value: boolean }
  | { kind: 'grade'; index: number; grade: string }
  | { kind: 'text'; value: string };

export type Parsed =
  | { ok: true; value: Value; warning?: Message }
  | { ok: false; missing: true }
  | { ok: false; missing: false; error: Message };

const MISSING = new Set(['', '-', '--', '—', '——', '/', 'n/a', 'na', 'null', '无数据', '暂无', '未填', '待填']);
const TRUE = new Set([
  '是', '有', '已建立', '建立', '已建', '建有', '已设置', '设置', '达标', '已达标', '√', '✓', '✔', '对', '已', '具有', '具备',
  '已完成', '完成', '已实现', '实现', '已出台', '出台', '已制定', '制定', '已开展', '开展', '已落实', '落实', '全覆盖',
  'y', 'yes', 'true', 't', '1', 'ok', 'pass',
]);
const FALSE = new Set([
  '否', '无', '未建立', '没有', '未建', '未设置', '未达标', '不达标', '×', '✗', '✘', '错', '未', '不具有', '不具备',
  '未完成', '未实现', '未出台', '未制定', '未开展', '未落实', 'n', 'no', 'false', 'f', '0', 'fail',
]);
const PARTIAL = new Set([
  '部分', '部分建立', '部分达标', '部分设置', '部分实现', '部分开展', '部分落实', '初步建立', '基本建立', '初步建成', '试点', 'partial',
]);

const MULTIPLIERS: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3, 百: 1e2 };

/** Half-width, no spaces, Chinese punctuation that stands for ASCII mapped to it. */
export function normalizeCell(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/，/g, ',')
    .replace(/。/g, '.');
}

export function parseValue(input: unknown, metric: Metric): Parsed {
  if (input === null || input === undefined) return { ok: false, missing: true };
  if (typeof input === 'boolean') {
    return metric.type === 'boolean'
      ? { ok: true, value: { kind: 'boolean', value: input } }
      : fail(say(`${input} 不是${describeType(metric).zh}`, `${input} is not a ${describeType(metric).en}`));
  }
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail(say(`${input} 不是有限的数字`, `${input} is not a finite number`));
    return parseText(String(input), metric);
  }
  if (typeof input !== 'string') {
    const found = JSON.stringify(input);
    return fail(say(`应为${describeType(metric).zh}，却是 ${found}`, `expected a ${describeType(metric).en}, found ${found}`));
  }
  return parseText(input, metric);
}

/** The values a metric can take: a count, area or population is never negative, a share never over 100%. */
export function rangeOf(metric: Metric): { min: number; max: number; unit: string } {
  if (metric.type === 'percent') {
    const permille = (metric.unit ?? '%') === '‰';
    return { min: metric.min ?? 0, max: metric.max ?? (permille ? 1000 : 100), unit: permille ? '‰' : '%' };
  }
  return { min: metric.min ?? 0, max: metric.max ?? Infinity, unit: metric.unit ? ` ${metric.unit}` : '' };
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

function parseText(raw: string, metric: Metric): Parsed {
  if (raw === '') return { ok: false, missing: true };
  // Most cells are plain numbers; they need none of the work below.
  if (metric.type === 'number' && PLAIN_NUMBER.test(raw) && raw[0] !== '-' && metric.max === undefined && !metric.min) {
    const n = Number(raw);
    if (Number.isFinite(n)) return { ok: true, value: { kind: 'number', value: n } };
    return fail(tooLarge(raw));
  }
  const s = normalizeCell(raw);
  if (MISSING.has(s.toLowerCase())) return { ok: false, missing: true };
  switch (metric.type) {
    case 'number':
    case 'percent': {
      if (metric.type === 'percent' && EVERY.has(s)) return { ok: true, value: { kind: 'number', value: (metric.unit ?? '%') === '‰' ? 1000 : 100 } };
      const stated = statedVerdict(s);
      return stated ? { ok: true, value: stated } : parseNumber(s, raw, metric);
    }
    case 'boolean':
      return parseBoolean(s, raw);
    case 'grade': {
      const scale = metric.scale ?? DEFAULT_GRADE_SCALE;
      const index = gradeIndex(s, scale);
      if (index === undefined) {
        const q = abbreviate(raw);
        return fail(say(`“${q.zh}”不是等级（${scale.join(' / ')}）`, `"${q.en}" is not a grade (${scale.join(' / ')})`));
      }
      return { ok: true, value: { kind: 'grade', index, grade: scale[index] ?? '未定级' } };
    }
    case 'text':
      return { ok: true, value: { kind: 'text', value: raw.trim() } };
  }
}

function parseBoolean(s: string, raw: string): Parsed {
  const k = s.toLowerCase();
  if (TRUE.has(k)) return { ok: true, value: { kind: 'boolean', value: true } };
  if (FALSE.has(k)) return { ok: true, value: { kind: 'boolean', value: false } };
  if (PARTIAL.has(k)) return { ok: true, value: { kind: 'partial' } };
  const q = abbreviate(raw);
  return fail(say(`“${q.zh}”不是“是/否”（是/否、有/无、已建立/未建立、达标/未达标、√/×、部分）`, `"${q.en}" is not yes/no (是/否, 有/无, 已建立/未建立, 达标/未达标, √/×, 部分)`));
}

const MET = new Set(['达标', '已达标', '全部达标', '均达标', '全面达标']);
const EVERY = new Set(['全部', '全覆盖', '全部覆盖']);
const NOT_MET = new Set(['未达标', '不达标', '均未达标']);

/** Statements that stand for a figure: 达标 (meets the standard), 未达标, 部分 (partly). */
function statedVerdict(s: string): Value | undefined {
  if (MET.has(s)) return { kind: 'verdict', value: true };
  if (NOT_MET.has(s)) return { kind: 'verdict', value: false };
  if (PARTIAL.has(s.toLowerCase())) return { kind: 'partial' };
  return undefined;
}

const NUMBER = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(?:e([+-]?\d+))?(万|亿|千|百)?(.*)$/i;

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 1/3 or 三分之一: a fraction, as a percentage for percent metrics. */
function parseFraction(s: string, metric: Metric): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(s) ?? /^([一二两三四五六七八九十])分之([一二两三四五六七八九十])$/.exec(s);
  if (!m) return undefined;
  const [num, den] = /\d/.test(m[1]!) ? [Number(m[1]), Number(m[2])] : [CN_DIGITS[m[2]!]!, CN_DIGITS[m[1]!]!];
  if (den === 0) return undefined;
  const perUnit = metric.type === 'percent' ? ((metric.unit ?? '%') === '‰' ? 1000 : 100) : 1;
  return (num / den) * perUnit;
}

function parseNumber(s: string, raw: string, metric: Metric): Parsed {
  const fraction = metric.unit?.includes('/') ? undefined : parseFraction(s, metric);
  if (fraction !== undefined) return { ok: true, value: { kind: 'number', value: fraction } };
  const m = NUMBER.exec(s);
  if (!m) return fail(notANumber(raw));
  const [, digits, exp, mult, unitText] = m as unknown as [string, string, string | undefined, string | undefined, string];
  if (/^[\d,.]/.test(unitText)) return fail(notANumber(raw));
  let n = Number(digits.replace(/,/g, '')) * (exp ? 10 ** Number(exp) : 1) * (mult ? MULTIPLIERS[mult]! : 1);
  const unit = metric.type === 'percent' ? (metric.unit ?? '%') : metric.unit;
  const factor = unitFactor(unitText, unit);
  if (factor === undefined) {
    const q = abbreviate(raw);
    const expected = unit ? say(`应为以${unit}为单位的数字`, `expected a number in ${unit}`) : say('应为不带单位的数字', 'expected a plain number');
    return fail(say(`“${q.zh}”：单位“${unitText}”不适用于${metric.label}（${expected.zh}）`, `"${q.en}": unit "${unitText}" does not fit ${metric.label} (${expected.en})`));
  }
  n *= factor;
  // 1e309 or a thousand-digit figure overflows to Infinity, which would pass any floor.
  if (!Number.isFinite(n)) return fail(tooLarge(raw));
  const range = rangeOf(metric);
  const q = abbreviate(raw);
  if (n < range.min) return fail(say(`“${q.zh}”小于 ${range.min}${range.unit}，${metric.label}不可能这么小`, `"${q.en}" is below ${range.min}${range.unit}, which ${metric.label} cannot be`));
  if (n > range.max) return fail(say(`“${q.zh}”大于 ${range.max}${range.unit}，${metric.label}不可能这么大`, `"${q.en}" is above ${range.max}${range.unit}, which ${metric.label} cannot be`));
  if (metric.type === 'percent' && unitText === '' && n > 0 && n <= 1 && (metric.unit ?? '%') === '%') {
    return {
      ok: true,
      value: { kind: 'number', value: n },
      warning: say(`“${raw}”按 ${n}% 读取——如果它是小数形式的比例，请写成 ${+(n * 100).toFixed(6)}%`, `"${raw}" read as ${n}% — if it is a fraction, write ${+(n * 100).toFixed(6)}%`),
    };
  }
  return { ok: true, value: { kind: 'number', value: n } };
}

function describeType(metric: Metric): Message {
  switch (metric.type) {
    case 'percent':
      return say('百分比', 'percentage');
    case 'boolean':
      return say('是/否值', 'yes/no value');
    case 'number':
      return say('数字', 'number');
    case 'grade':
      return say('等级', 'grade');
    case 'text':
      return say('文本', 'text');
  }
}

/** A cell quoted in a message: long ones cut, so one bad cell cannot flood the terminal. */
function abbreviate(raw: string): Message {
  if (raw.length <= 40) return say(raw, raw);
  const cut = `${raw.slice(0, 20)}…${raw.slice(-10)}`;
  return say(`${cut}（${raw.length}个字符）`, `${cut} (${raw.length} characters)`);
}

function notANumber(raw: string): Message {
  const q = abbreviate(raw);
  return say(`“${q.zh}”不是数字`, `"${q.en}" is not a number`);
}

function tooLarge(raw: string): Message {
  const q = abbreviate(raw);
  return say(`“${q.zh}”太大，不能作为数字`, `"${q.en}" is too large to be a number`);
}

function fail(error: Message): Parsed {
  return { ok: false, missing: false, error };
}

/** Enough digits that a value just under a target never shows as the target itself (0.999999, not 1). */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return Math.abs(n) >= 1e5 ? String(+n.toFixed(2)) : String(+n.toPrecision(10));
}
