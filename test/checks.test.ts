// Every check kind, as a table: a check, a data file, and the verdict the threshold's wording gives.
import { describe, expect, it } from 'vitest';
import { evaluateCsv, resultFor, standardWithCheck } from './helpers.js';

const D = 'entity,level\n测试区,区\n';
const district = (cols: string, values: string) => `entity,level,${cols}\n测试区,区,${values}\n`;

interface Case {
  name: string;
  check: string;
  data: string;
  status: 'pass' | 'fail' | 'missing' | 'manual' | 'na';
  gap?: number;
  extra?: string;
}

const cases: Case[] = [
  // compare: 以上 / 不少于 include the number itself; 超过 / 低于 are strict.
  { name: '≥ on the target passes', check: '{ kind: compare, metric: hours, op: ">=", value: 60 }', data: district('每周开放时间', '60'), status: 'pass' },
  { name: '≥ below the target fails, gap in unit', check: '{ kind: compare, metric: hours, op: ">=", value: 60 }', data: district('每周开放时间', '57.5小时'), status: 'fail', gap: 2.5 },
  { name: '> on the target fails', check: '{ kind: compare, metric: hours, op: ">", value: 60 }', data: district('每周开放时间', '60'), status: 'fail' },
  { name: '> above the target passes', check: '{ kind: compare, metric: hours, op: ">", value: 60 }', data: district('每周开放时间', '60.5'), status: 'pass' },
  { name: '≤ on the target passes', check: '{ kind: compare, metric: hours, op: "<=", value: 60 }', data: district('每周开放时间', '60'), status: 'pass' },
  { name: '< on the target fails', check: '{ kind: compare, metric: hours, op: "<", value: 60 }', data: district('每周开放时间', '60'), status: 'fail' },
  { name: '= exact passes', check: '{ kind: compare, metric: hours, op: "=", value: 60 }', data: district('每周开放时间', '60'), status: 'pass' },
  { name: 'between includes both ends', check: '{ kind: compare, metric: hours, op: between, value: [40, 60] }', data: district('每周开放时间', '40'), status: 'pass' },
  { name: 'between outside fails', check: '{ kind: compare, metric: hours, op: between, value: [40, 60] }', data: district('每周开放时间', '61'), status: 'fail', gap: 1 },
  { name: 'a hair under the target fails', check: '{ kind: compare, metric: rate, op: ">=", value: 85 }', data: district('覆盖率', '84.99999999%'), status: 'fail' },
  { name: 'an exact fraction: 1/3 of the hours is on "1/3"', check: '{ kind: compare, metric: rate, op: ">=", value: "1/3" }', data: district('覆盖率', '1/3'), status: 'pass' },
  { name: 'an exact fraction: a rounded 33.33% is under "1/3"', check: '{ kind: compare, metric: rate, op: ">=", value: "1/3" }', data: district('覆盖率', '33.33%'), status: 'fail' },
  { name: 'percent on the target passes', check: '{ kind: compare, metric: rate, op: ">=", value: 85 }', data: district('覆盖率', '85%'), status: 'pass' },
  { name: 'blank is missing, never pass or fail', check: '{ kind: compare, metric: hours, op: ">=", value: 60 }', data: district('每周开放时间', ''), status: 'missing' },
  { name: 'absent column is missing', check: '{ kind: compare, metric: hours, op: ">=", value: 60 }', data: D, status: 'missing' },
  // derived ratio: per capita from parts, exactly on target despite binary fractions
  { name: 'ratio from parts on target', check: '{ kind: compare, metric: books_per_capita, op: ">=", value: 1.5 }', data: district('藏书量,服务人口', '"150,000",100000'), status: 'pass' },
  { name: 'ratio from parts below target', check: '{ kind: compare, metric: books_per_capita, op: ">=", value: 1.5 }', data: district('藏书量,服务人口', '149999,100000'), status: 'fail' },
  { name: 'ratio given directly', check: '{ kind: compare, metric: books_per_capita, op: ">=", value: 1.5 }', data: district('人均藏书', '1.5册'), status: 'pass' },
  { name: 'ratio with a missing part is missing', check: '{ kind: compare, metric: books_per_capita, op: ">=", value: 1.5 }', data: district('藏书量', '150000'), status: 'missing' },
  { name: 'ratio 0.1 + 0.2 style fractions sit on target', check: '{ kind: compare, metric: books_per_capita, op: ">=", value: 0.3 }', data: district('藏书量,服务人口', '3,10'), status: 'pass' },
  // a stated verdict: 达标 answers the line it was stated against; 部分 misses a 100% target
  { name: '达标 in a numeric column passes', check: '{ kind: compare, metric: hours, op: ">=", value: 60 }', data: district('每周开放时间', '达标'), status: 'pass' },
  { name: '未达标 in a numeric column fails', check: '{ kind: compare, metric: hours, op: ">=", value: 60 }', data: district('每周开放时间', '未达标'), status: 'fail' },
  { name: '部分 against 100% fails', check: '{ kind: compare, metric: rate, op: ">=", value: 100 }', data: district('覆盖率', '部分'), status: 'fail' },
  { name: '部分 against 90% is missing', check: '{ kind: compare, metric: rate, op: ">=", value: 90 }', data: district('覆盖率', '部分'), status: 'missing' },
  // status
  { name: 'status yes passes', check: '{ kind: status, metric: has_station }', data: district('是否建有文化站', '有'), status: 'pass' },
  { name: 'status no fails', check: '{ kind: status, metric: has_station }', data: district('是否建有文化站', '×'), status: 'fail' },
  { name: 'status partial fails', check: '{ kind: status, metric: has_station }', data: district('是否建有文化站', '部分'), status: 'fail' },
  { name: 'status expect false', check: '{ kind: status, metric: has_station, expect: false }', data: district('是否建有文化站', '否'), status: 'pass' },
  { name: 'status blank is missing', check: '{ kind: status, metric: has_station }', data: district('是否建有文化站', ''), status: 'missing' },
  // grade: 二级以上 = grade 2 or better
  { name: 'grade better than needed', check: '{ kind: grade, metric: grade, atLeast: 二级 }', data: district('等级', '部颁一级'), status: 'pass' },
  { name: 'grade exactly as needed', check: '{ kind: grade, metric: grade, atLeast: 二级 }', data: district('等级', '二级'), status: 'pass' },
  { name: 'grade worse fails', check: '{ kind: grade, metric: grade, atLeast: 二级 }', data: district('等级', '三级'), status: 'fail' },
  { name: 'grade 特级 is above 一级', check: '{ kind: grade, metric: grade, atLeast: 一级 }', data: district('等级', '特级'), status: 'pass' },
  { name: 'ungraded fails', check: '{ kind: grade, metric: grade, atLeast: 三级 }', data: district('等级', '未定级'), status: 'fail' },
  // manual
  { name: 'manual with no data', check: '{ kind: manual, metric: policy, evidence: 政策文件 }', data: D, status: 'manual' },
  { name: 'manual without a metric', check: '{ kind: manual, evidence: 现场核查 }', data: D, status: 'manual' },
  // A judgement never passes on a bare 是: evidence is the default, and a rule says why when it is not needed.
  { name: 'manual yes without evidence stays manual (evidence is the default)', check: '{ kind: manual, metric: policy, evidence: 政策文件 }', data: district('政策', '是'), status: 'manual' },
  { name: 'manual yes passes where the rule says why evidence is not needed', check: '{ kind: manual, metric: policy, evidence: 政策文件, evidenceNotRequired: 是否建立只看有无 }', data: district('政策', '是'), status: 'pass' },
  { name: 'manual no fails', check: '{ kind: manual, metric: policy, evidence: 政策文件 }', data: district('政策', '否'), status: 'fail' },
  { name: 'manual partial fails', check: '{ kind: manual, metric: policy, evidence: 政策文件 }', data: district('政策', '部分建立'), status: 'fail' },
  { name: 'manual yes without required evidence stays manual', check: '{ kind: manual, metric: policy, evidence: 政策文件, requireEvidence: true }', data: district('政策', '是'), status: 'manual' },
  { name: 'manual yes with evidence passes', check: '{ kind: manual, metric: policy, evidence: 政策文件, requireEvidence: true }', data: district('政策,政策依据', '是,某政策〔2023〕1号'), status: 'pass' },
  { name: 'evidence column by key', check: '{ kind: manual, metric: policy, evidence: 政策文件, requireEvidence: true }', data: district('policy,policy.evidence', '是,https://example.org/doc'), status: 'pass' },
  // all / any
  { name: 'all passes when every part passes', check: '{ kind: all, of: [{ kind: status, metric: has_station }, { kind: compare, metric: hours, op: ">=", value: 60 }] }', data: district('是否建有文化站,每周开放时间', '是,60'), status: 'pass' },
  { name: 'all fails on one failing part even with another missing', check: '{ kind: all, of: [{ kind: status, metric: has_station }, { kind: compare, metric: hours, op: ">=", value: 60 }] }', data: district('是否建有文化站,每周开放时间', '否,'), status: 'fail' },
  { name: 'all is missing when a part is missing and none fails', check: '{ kind: all, of: [{ kind: status, metric: has_station }, { kind: compare, metric: hours, op: ">=", value: 60 }] }', data: district('是否建有文化站,每周开放时间', '是,'), status: 'missing' },
  { name: 'any passes on one part', check: '{ kind: any, of: [{ kind: status, metric: has_station }, { kind: compare, metric: hours, op: ">=", value: 60 }] }', data: district('是否建有文化站,每周开放时间', '否,61'), status: 'pass' },
  { name: 'any fails when all parts fail', check: '{ kind: any, of: [{ kind: status, metric: has_station }, { kind: compare, metric: hours, op: ">=", value: 60 }] }', data: district('是否建有文化站,每周开放时间', '否,59'), status: 'fail' },
  { name: 'any is missing when none passes and one is unknown', check: '{ kind: any, of: [{ kind: status, metric: has_station }, { kind: compare, metric: hours, op: ">=", value: 60 }] }', data: district('是否建有文化站,每周开放时间', '否,'), status: 'missing' },
  // either: alternative measures of one condition; the first the data gives decides
  { name: 'either: the rate decides when given', check: '{ kind: either, of: [{ kind: compare, metric: rate, op: ">=", value: 100 }, { kind: status, metric: has_station }] }', data: district('覆盖率,是否建有文化站', '90%,是'), status: 'fail' },
  { name: 'either: the facts decide without the rate', check: '{ kind: either, of: [{ kind: compare, metric: rate, op: ">=", value: 100 }, { kind: status, metric: has_station }] }', data: district('是否建有文化站', '否'), status: 'fail' },
  { name: 'either: missing when neither is given', check: '{ kind: either, of: [{ kind: compare, metric: rate, op: ">=", value: 100 }, { kind: status, metric: has_station }] }', data: D, status: 'missing' },
  // na
  { name: 'na', check: '{ kind: na, reason: 授权性条款 }', data: D, status: 'na' },
  { name: 'compare on a metric not kept at this level is na', check: '{ kind: compare, metric: avg_shows, op: ">=", value: 5 }', data: 'entity,level,parent\n一街道,街道,测试区\n', status: 'na', extra: '    evaluateAt: [区, 街道]\n' },
];

describe.each(cases)('$name', ({ check, data, status, gap, extra }) => {
  it(`is ${status}`, () => {
    const r = resultFor(standardWithCheck(check, extra), data, {}, data.includes('一街道') ? '一街道' : '测试区');
    expect(r.status).toBe(status);
    if (gap !== undefined) expect(r.gap?.amount).toBeCloseTo(gap, 9);
  });
});

describe('cases: a station floor area depends on its service population', () => {
  // ≥ 5万（含）→ 1500 ㎡; 3–5万 → 1000 ㎡; < 3万 → 500 ㎡ (3万 itself in the 3–5万 band).
  const check = `
      kind: cases
      cases:
        - when: { kind: compare, metric: population, op: ">=", value: 50000 }
          then: { kind: compare, metric: area, op: ">=", value: 1500 }
        - when: { kind: compare, metric: population, op: ">=", value: 30000 }
          then: { kind: compare, metric: area, op: ">=", value: 1000 }
      otherwise: { kind: compare, metric: area, op: ">=", value: 500 }`;
  const std = standardWithCheck(check);
  it.each([
    ['50000', '1500', 'pass'],
    ['50000', '1499', 'fail'],
    ['49999', '1000', 'pass'],
    ['30000', '1000', 'pass'],
    ['30000', '999', 'fail'],
    ['29999', '500', 'pass'],
    ['29999', '499', 'fail'],
    ['5万', '1500㎡', 'pass'],
    ['', '1000', 'missing'], // 1000 meets the 3–5万 band but not the ≥5万 one
    ['', '1500', 'pass'], // meets every band
    ['', '400', 'fail'], // fails every band
  ])('population %s, area %s → %s', (pop, area, status) => {
    expect(resultFor(std, district('服务人口,建筑面积', `${pop},${area}`)).status).toBe(status);
  });
});

describe('level: thresholds that differ by level', () => {
  const check = `
      kind: cases
      cases:
        - when: { kind: level, is: [区] }
          then: { kind: compare, metric: hours, op: ">=", value: 76 }
      otherwise: { kind: compare, metric: hours, op: ">=", value: 60 }`;
  const std = standardWithCheck(check, '    evaluateAt: [区, 街道]\n');
  it('the district needs 76, a street 60', () => {
    const data = 'entity,level,parent,每周开放时间\n测试区,区,,70\n一街道,街道,测试区,60\n';
    expect(resultFor(std, data).status).toBe('fail');
    expect(resultFor(std, data, {}, '一街道').status).toBe('pass');
  });
});

describe('tiers', () => {
  const std = standardWithCheck('{ kind: compare, metric: books_per_capita, op: ">=", value: 1 }', '    tiers:\n      goal: { kind: compare, metric: books_per_capita, op: ">=", value: 1.5 }\n');
  const data = district('人均藏书', '1.2');
  it('standard passes at 1.2, goal fails by 0.3', () => {
    const results = evaluateCsv(std, data, { tiers: ['standard', 'goal'] }).results;
    expect(results.find((r) => r.tier === 'standard')?.status).toBe('pass');
    const goal = results.find((r) => r.tier === 'goal');
    expect(goal?.status).toBe('fail');
    expect(goal?.gap?.amount).toBeCloseTo(0.3, 9);
  });
  it('达标 answers the standard, not a goal with its own target', () => {
    const results = evaluateCsv(std, district('人均藏书', '达标'), { tiers: ['standard', 'goal'] }).results;
    expect(results.map((r) => r.status)).toEqual(['pass', 'missing']);
  });
  it('a tier without its own check inherits', () => {
    const plain = standardWithCheck('{ kind: compare, metric: books_per_capita, op: ">=", value: 1 }');
    const results = evaluateCsv(plain, data, { tiers: ['standard', 'goal'] }).results;
    expect(results.map((r) => r.status)).toEqual(['pass', 'pass']);
  });
});
