// A column headed with an indicator id fills the value that indicator is judged by at the row's level:
// WZ-G02 (县级公共图书馆设置率100%) is a rate for the city and a yes/no for a county.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { loadStandardText } from '../src/standard/load.js';
import { buildDataset } from '../src/data/dataset.js';
import { readCsv } from '../src/data/csv.js';
import { evaluate } from '../src/engine/evaluate.js';

const wz = loadStandardText(fs.readFileSync(new URL('../standards/wenzhou-72.yaml', import.meta.url), 'utf8'), 'wenzhou-72.yaml');
const statusOf = (csv: string, entity: string, indicator: string, tier = 'standard') => {
  const ev = evaluate(wz, buildDataset(wz, [readCsv(csv, 'data.csv')]), { tiers: [tier], indicators: [indicator] });
  return ev.results.find((r) => r.entity === entity)?.status;
};

describe.each([
  // [level row, indicator, value, verdict from the standard's text]
  ['温州市,市,', 'WZ-G02', '100%', 'pass'],
  ['温州市,市,', 'WZ-G02', '90.9%', 'fail'],
  ['鹿城区,县,温州市', 'WZ-G02', '是', 'pass'],
  ['鹿城区,县,温州市', 'WZ-G02', '否', 'fail'],
  ['鹿城区,县,温州市', 'WZ-G04', '1', 'pass'], // 人均占有藏书 ≥1册
  ['鹿城区,县,温州市', 'WZ-G04', '0.99', 'fail'],
  ['鹿城区,县,温州市', 'WZ-K02', '100%', 'pass'], // 设置率100%
  ['鹿城区,县,温州市', 'WZ-K02', '99.5%', 'fail'],
  ['五马街道,乡镇,鹿城区', 'WZ-K02', '是', 'pass'],
  ['五马街道,乡镇,鹿城区', 'WZ-K13', '3', 'pass'], // 人员编制3名以上
  ['五马街道,乡镇,鹿城区', 'WZ-K13', '2', 'fail'],
])('%s %s = %s', (row, indicator, value, verdict) => {
  it(`is ${verdict}`, () => {
    const entity = row.split(',')[0]!;
    expect(statusOf(`entity,level,parent,${indicator}\n${row},${value}\n`, entity, indicator)).toBe(verdict);
  });
});

it('a value for a metric not kept at the row level is a warning, not silently dropped', () => {
  const d = buildDataset(wz, [readCsv('entity,level,parent,人均占有藏书\n五马街道,乡镇,鹿城区,1.2\n', 'data.csv')]);
  expect(d.warnings.map((w) => w.message.en).join('\n')).toContain('ignored');
});

describe('city figures from county rows', () => {
  const counties = ['鹿城区', '龙湾区', '瓯海区', '洞头区', '瑞安市', '乐清市', '永嘉县', '平阳县', '苍南县', '文成县', '泰顺县'];
  const status = (header: string, value: (i: number) => string, indicator: string, asOf?: number, tier = 'standard') => {
    const csv = `entity,level,parent,${header}\n${counties.map((c, i) => `${c},县,温州市,${value(i)}`).join('\n')}\n`;
    const ev = evaluate(wz, buildDataset(wz, [readCsv(csv, 'data.csv')]), { indicators: [indicator], asOf: asOf === undefined ? undefined : { year: asOf, month: 12 }, tiers: [tier] });
    return ev.results.find((r) => r.entity === '温州市')?.status;
  };
  it('station counts add up to the city 设置率: 99 of 110 is exactly 90% (the goal’s 2019 stage passes; the standard, 设置率100%, does not)', () => {
    // 【4．1】“2019年设置率达90%，2020年上半年达100%” stages the 创建目标 only.
    expect(status('乡镇（街道）数,已设综合文化站的乡镇（街道）数', () => '10,9', 'WZ-K02', 2019, 'goal')).toBe('pass');
    // The standard's 100% is due by 【4．1】's 2020年6月: in 2019 it is not yet due, from 2020 it fails.
    expect(status('乡镇（街道）数,已设综合文化站的乡镇（街道）数', () => '10,9', 'WZ-K02', 2019)).toBe('pending');
    expect(status('乡镇（街道）数,已设综合文化站的乡镇（街道）数', () => '10,9', 'WZ-K02', 2020)).toBe('fail');
    expect(status('乡镇（街道）数,已设综合文化站的乡镇（街道）数', () => '10,9', 'WZ-K02', undefined, 'goal')).toBe('fail');
    expect(status('乡镇（街道）数,已设综合文化站的乡镇（街道）数', () => '10,9', 'WZ-K02')).toBe('fail');
  });
  it('every county below 90% means the city is below 90% (G11), whatever their sizes', () => {
    expect(status('村（社区）基层综合文化服务中心建成率', () => '50%', 'WZ-G11')).toBe('fail');
  });
  it('every county at or above 90% means the city is too', () => {
    expect(status('村（社区）基层综合文化服务中心建成率', (i) => (i % 2 ? '90%' : '95%'), 'WZ-G11')).toBe('pass');
  });
  it('counties on both sides of 90% leave the city undecided', () => {
    expect(status('村（社区）基层综合文化服务中心建成率', (i) => (i ? '95%' : '80%'), 'WZ-G11')).toBe('missing');
  });
  it('one county below 100% fails "every township" for the city, and is named', () => {
    const ev = evaluate(wz, buildDataset(wz, [readCsv(`entity,level,parent,WZ-K02\n${counties.map((c, i) => `${c},县,温州市,${i === 4 ? '90%' : '100%'}`).join('\n')}\n`, 'data.csv')]), { indicators: ['WZ-K02'] });
    const city = ev.results.find((r) => r.entity === '温州市')!;
    expect(city.status).toBe('fail');
    expect(city.shortfall).toEqual(['瑞安市']);
  });
});

describe('a county stating how many townships it has', () => {
  it('7 townships stated, 1 row given: "every township" is undecided, not passed', () => {
    expect(statusOf('entity,level,parent,乡镇（街道）数,设有综合文化站\n洞头区,县,温州市,7,\n北岙街道,乡镇,洞头区,,是\n', '洞头区', 'WZ-K02')).toBe('missing');
  });
  it('a rate from its own counts stands for its townships at the city too', () => {
    const csv = 'entity,level,parent,乡镇（街道）数,已设综合文化站的乡镇（街道）数,设有综合文化站\n洞头区,县,温州市,2,1,\n北岙街道,乡镇,洞头区,,,是\n东屏街道,乡镇,洞头区,,,是\n';
    expect(statusOf(csv, '洞头区', 'WZ-K02')).toBe('fail'); // 1 of 2 by its own count
    expect(statusOf(csv, '温州市', 'WZ-K02')).toBe('fail'); // the county's figure, not its two rows
  });
});

describe('stated counts against listed rows', () => {
  it('a stated 2 of 2 cannot outweigh a listed township without a station', () => {
    const csv = 'entity,level,parent,乡镇（街道）数,已设综合文化站的乡镇（街道）数,设有综合文化站\n鹿城区,县,温州市,2,2,\nA镇,乡镇,鹿城区,,,是\nB镇,乡镇,鹿城区,,,否\n';
    expect(statusOf(csv, '鹿城区', 'WZ-K02')).toBe('fail');
  });
  it('more township rows than the stated 乡镇（街道）数 is a data error', () => {
    const csv = 'entity,level,parent,乡镇（街道）数,设有综合文化站\n鹿城区,县,温州市,1,\nA镇,乡镇,鹿城区,,是\nB镇,乡镇,鹿城区,,是\n';
    expect(() => statusOf(csv, '鹿城区', 'WZ-K02')).toThrow(/乡镇（街道）数 for "鹿城区" is 1, but the data lists 2/);
  });
  const others = ['龙湾区', '瓯海区', '洞头区', '瑞安市', '乐清市', '永嘉县', '平阳县', '苍南县', '文成县', '泰顺县'];
  const merged = (count: string) =>
    `entity,level,parent,乡镇（街道）数,已设综合文化站的乡镇（街道）数,设有综合文化站\n${others.map((c) => `${c},县,温州市,10,9,`).join('\n')}\n鹿城区,县,温州市,${count},,\nA镇,乡镇,鹿城区,,,是\nB镇,乡镇,鹿城区,,,否\n`;
  const city = (csv: string) => evaluate(wz, buildDataset(wz, [readCsv(csv, 'data.csv')]), { indicators: ['WZ-K02'], tiers: ["goal"], asOf: { year: 2019, month: 12 } }).results.find((r) => r.entity === '温州市')!;
  it('counties stating counts and a county listing rows merge exactly at the city: 91 of 102 < 90%', () => {
    expect(city(merged('2')).status).toBe('fail');
  });
  it('a county listing rows without its 乡镇（街道）数 leaves the city undecided: its unlisted townships might all have stations', () => {
    const r = city(merged(''));
    expect(r.status).toBe('missing');
    expect(r.reasons).toContainEqual(expect.objectContaining({ code: 'count-unknown', entities: ['鹿城区'] }));
  });
});
