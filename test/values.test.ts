import { describe, expect, it } from 'vitest';
import { parseValue } from '../src/data/values.js';
import type { Metric } from '../src/standard/types.js';

const metric = (over: Partial<Metric>): Metric => ({ key: 'm', label: '指标', aliases: [], type: 'number', levels: [], ...over });
const hours = metric({ unit: '小时' });
const area = metric({ unit: '平方米' });
const storage = metric({ unit: 'TB' });
const count = metric({ unit: '人次' });
const perCapita = metric({ unit: '册/人' });
const percent = metric({ type: 'percent' });
const permille = metric({ type: 'percent', unit: '‰' });
const yesNo = metric({ type: 'boolean' });
const grade = metric({ type: 'grade' });
const plain = metric({});

describe('numbers as analysts write them', () => {
  it.each([
    ['1,500', plain, 1500],
    ['1,234,567.5', plain, 1234567.5],
    ['88.1%', percent, 88.1],
    ['８８．１％', percent, 88.1],
    ['88.1', percent, 88.1],
    ['3‰', permille, 3],
    ['0.3%', permille, 3],
    ['3‰', percent, 0.3],
    ['60TB', storage, 60],
    ['61440GB', storage, 60],
    ['76小时', hours, 76],
    ['76 h', hours, 76],
    ['1500平方米', area, 1500],
    ['1500㎡', area, 1500],
    ['1500m²', area, 1500],
    ['120万', count, 1200000],
    ['120万人次', count, 1200000],
    ['1.3万', plain, 13000],
    ['1.2册', perCapita, 1.2],
    ['1.2册/人', perCapita, 1.2],
    ['0.3㎡/人', metric({ unit: '平方米/人' }), 0.3],
    [' 42 ', plain, 42],
    [1500, plain, 1500],
    ['1/3', percent, 100 / 3],
    ['三分之一', percent, 100 / 3],
    ['1/4', plain, 0.25],
  ] as const)('%s → %s', (raw, m, expected) => {
    const r = parseValue(raw, m);
    expect(r.ok && r.value.kind === 'number' && r.value.value).toBeCloseTo(expected, 9);
  });

  it.each([
    ['abc', plain, 'is not a number'],
    ['60TB', hours, 'unit "TB" does not fit'],
    ['60小时', area, 'unit "小时" does not fit'],
    ['50%', hours, 'unit "%" does not fit'],
    ['1,5', plain, 'is not a number'],
    ['12次', count, 'unit "次" does not fit'],
    ['150%', percent, 'is above 100%'],
    ['-1500', plain, 'is below 0'],
    ['-3‰', permille, 'is below 0‰'],
  ] as const)('%s is an error for %o', (raw, m, message) => {
    const r = parseValue(raw, m);
    expect(r.ok).toBe(false);
    expect(!r.ok && !r.missing && r.error.en).toContain(message);
  });

  it('warns when a bare fraction is given for a percentage', () => {
    const r = parseValue('0.881', percent);
    expect(r.ok && r.warning?.en).toContain('88.1%');
  });
});

describe('a verdict stated instead of a figure', () => {
  it.each([
    ['达标', plain, { kind: 'verdict', value: true }],
    ['未达标', percent, { kind: 'verdict', value: false }],
    ['部分', percent, { kind: 'partial' }],
    ['部分建立', plain, { kind: 'partial' }],
    ['全覆盖', percent, { kind: 'number', value: 100 }],
  ] as const)('%s', (raw, m, expected) => {
    const r = parseValue(raw, m);
    expect(r.ok && r.value).toEqual(expected);
  });
});

describe('blank means missing, for every type', () => {
  it.each(['', '  ', '-', '—', 'N/A', null, undefined])('%o', (raw) => {
    for (const m of [plain, percent, yesNo, grade]) expect(parseValue(raw, m)).toEqual({ ok: false, missing: true });
  });
});

describe('yes / no / partly', () => {
  it.each([
    ['是', true], ['有', true], ['已建立', true], ['达标', true], ['√', true], ['yes', true], ['TRUE', true], [true, true], ['1', true],
    ['否', false], ['无', false], ['未建立', false], ['未达标', false], ['×', false], ['no', false], [false, false], ['0', false],
  ] as const)('%s → %s', (raw, expected) => {
    const r = parseValue(raw, yesNo);
    expect(r.ok && r.value).toEqual({ kind: 'boolean', value: expected });
  });
  it.each(['部分', '部分建立', '初步建立', '基本建立'])('%s is partial', (raw) => {
    const r = parseValue(raw, yesNo);
    expect(r.ok && r.value.kind).toBe('partial');
  });
  it('rejects anything else', () => {
    const r = parseValue('也许', yesNo);
    expect(!r.ok && !r.missing && r.error.en).toContain('is not yes/no');
  });
});

describe('grades', () => {
  it.each([
    ['一级', 0], ['部颁一级', 0], ['国家一级馆', 0], ['1级', 0], ['1', 0], ['二级', 1], ['部颁二级', 1], ['三级', 2], ['未定级', 3],
  ] as const)('%s → index %s', (raw, index) => {
    const r = parseValue(raw, grade);
    expect(r.ok && r.value.kind === 'grade' && r.value.index).toBe(index);
  });
  it('rejects a grade not on the scale', () => {
    expect(parseValue('五星', grade).ok).toBe(false);
  });
});

describe('table cells wrap by display width, never inside a number', () => {
  it.each([
    ['区图书馆每周开放时间 ≥ 48 小时', 20],
    ['人均年新增藏书：0.09 册/人', 12],
    ['27/27（100%）', 8],
  ])('%s at %s columns', async (text, width) => {
    const { wrap } = await import('../src/report/table/wrap.js');
    const stringWidth = (await import('string-width')).default;
    const lines = wrap(text, width).split('\n');
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(width);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    for (const n of text.match(/[0-9.]+/g) ?? []) expect(lines.some((l) => l.includes(n))).toBe(true);
  });
});
