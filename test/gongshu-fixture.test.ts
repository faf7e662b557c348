// The Gongshu fixture: one district, 18 streets and 27 communities, in four encodings of the same data.
// Expected verdicts are from fixtures/gongshu-expected.md. They were worked out by hand from the standard's
// text, not by running dabiao. A judgement (manual) passes only with evidence in a `…依据` column.
import { describe, it, expect } from 'vitest';
import { checkJson, type JsonResult, type Status } from './helpers.js';

type JsonReport = ReturnType<typeof checkJson>;

const FILES = [
  'fixtures/gongshu-district.csv',
  'fixtures/gongshu-district-long.csv',
  'fixtures/gongshu-district.json',
  'fixtures/gongshu-district.gbk.csv',
];

const expected: Record<string, Status> = {
  'GS-01': 'pass',
  'GS-02': 'pass',
  'GS-03': 'pass',
  'GS-04': 'pass',
  'GS-05': 'pass', // every community: ≥100㎡ (珠儿潭 100㎡), signage, 按省市标准配置 是 + 依据
  'GS-06': 'pass',
  'GS-07': 'pass',
  'GS-08': 'pass', // 瓜山、东新园 are 未来社区: 是 + 依据; the rest na
  'GS-09': 'pass', // 体育场/体育馆/游泳馆 each 是; 9/18 = 50%; given 50%
  'GS-10': 'pass', // 图书馆 是, 文化馆 是
  'GS-11': 'pass', // 入驻 是; 无缝对接 是 + 依据
  'GS-12': 'pass',
  'GS-13': 'pass',
  'GS-14': 'fail', // 22 < 24 项
  'GS-15': 'manual', // 省市数字文化资源建设要求: 是 without evidence
  'GS-16': 'pass',
  'GS-17': 'pass', // 1,650,000 / 110万 = 1.5 exactly
  'GS-18': 'pass',
  'GS-19': 'missing', // 康桥街道 blank; 信息服务 是 + 依据 in all 18
  'GS-20': 'fail', // 长庆街道 branch 46 h < 48 h
  'GS-21': 'pass',
  'GS-22': 'manual',
  'GS-23': 'pass', // 28/84 = exactly 1/3; 博物馆 是 + 依据; no district 美术馆 → na
  'GS-24': 'pass',
  'GS-25': 'pass',
  'GS-26': 'pass',
  'GS-27': 'pass', // mean 90/18 = 5
  'GS-28': 'missing',
  'GS-29': 'pass',
  'GS-30': 'pass',
  'GS-31': 'fail', // 石桥街道 1 exhibition < 2
  'GS-32': 'pass',
  'GS-33': 'fail', // HD coverage 58.5% < 60%
  'GS-34': 'manual',
  'GS-35': 'manual',
  'GS-36': 'pass', // 3 of 3 new areas meet indoor ≥0.1 或 outdoor ≥0.3; both procedures 是 + 依据
  'GS-37': 'pass',
  'GS-38': 'manual', // 是 without evidence
  'GS-39': 'pass', // lowest institution ８５％ on target; 与履职相适应 是 + 依据
  'GS-40': 'pass', // 18 streets 按照规定配备 是 + 依据
  'GS-41': 'na',
  'GS-42': 'pass', // least-trained person: district 15天, streets/communities ≥5
  'GS-43': 'fail', // 朝晖九区社区 1 team < 2 (the blank attestation cannot rescue it)
  'GS-44': 'pass', // 3‰ on target
  'GS-45': 'pass',
  'GS-46': 'missing',
  'GS-47': 'pass',
  'GS-48': 'fail', // 2025 stage: 21/27 communities = 77.8% < 80%
  'GS-49': 'missing',
  'GS-50': 'manual', // 是, but the required evidence is absent
  'GS-51': 'pass',
  'GS-52': 'pass',
  'GS-53': 'manual',
};

function run(file: string, ...extra: string[]): JsonReport {
  return checkJson(['--standard', 'gongshu-53', ...extra, file]);
}

function districtResult(report: JsonReport, id: string): JsonResult {
  const r = report.results.find((x) => x.entity === '拱墅区' && x.indicator === id && x.tier === 'standard');
  if (!r) throw new Error(`no result for 拱墅区 / ${id}`);
  return r;
}

describe.each(FILES)('gongshu-53 on %s', (file) => {
  const report = run(file);

  it('has the JSON shape and exactly 53 district results', () => {
    expect(typeof report.schemaVersion).toBe('number');
    const mine = report.results.filter((x) => x.entity === '拱墅区' && x.tier === 'standard');
    expect(mine.map((x) => x.indicator).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s is %s', (id, status) => {
    expect(districtResult(report, id).status).toBe(status);
  });

  it('summary counts for 拱墅区', () => {
    const counts: Record<string, number> = {};
    for (const id of Object.keys(expected)) {
      const s = districtResult(report, id).status;
      counts[s] = (counts[s] ?? 0) + 1;
    }
    expect(counts).toEqual({ pass: 35, fail: 6, missing: 4, manual: 7, na: 1 });
  });

  it('failing and incomplete roll-ups name the street or community', () => {
    expect(JSON.stringify(districtResult(report, 'GS-20'))).toContain('长庆街道');
    expect(JSON.stringify(districtResult(report, 'GS-31'))).toContain('石桥街道');
    expect(JSON.stringify(districtResult(report, 'GS-43'))).toContain('朝晖九区社区');
    expect(districtResult(report, 'GS-19').unknown).toEqual(['康桥街道']);
    const gs48 = JSON.stringify(districtResult(report, 'GS-48'));
    for (const c of ['长征桥社区', '和睦新村社区', '康桥社区', '半山桥社区', '大塘新村社区', '华丰社区']) {
      expect(gs48).toContain(c);
    }
  });

  it('every street gives 社区数, so no community roll-up is undecided for want of a count', () => {
    for (const r of report.results.filter((x) => x.entity === '拱墅区')) {
      expect(JSON.stringify(r)).not.toContain('count-unknown');
    }
  });

  it('roll-ups do not blame entities that pass', () => {
    // 和睦街道's branch opens exactly 48 h; 康桥街道 has exactly 1 study room and only 3 shows (GS-27 is a mean).
    expect(JSON.stringify(districtResult(report, 'GS-20'))).not.toContain('和睦街道');
    expect(JSON.stringify(districtResult(report, 'GS-27'))).not.toContain('康桥街道');
  });
});

describe('gongshu-53 year stages', () => {
  const asOf2023 = run(FILES[0]!, '--as-of', '2023');
  const asOf2025 = run(FILES[0]!, '--as-of', '2025');

  it('GS-48 passes as of 2023 (≥50% of communities) and fails as of 2025 (≥80%)', () => {
    expect(districtResult(asOf2023, 'GS-48').status).toBe('pass');
    expect(districtResult(asOf2023, 'GS-48').year).toBe(2023);
    expect(districtResult(asOf2025, 'GS-48').status).toBe('fail');
    expect(districtResult(asOf2025, 'GS-48').year).toBe(2025);
  });

  it('GS-04 (到2025年) is judged against its 2025 target even as of 2023', () => {
    expect(districtResult(asOf2023, 'GS-04').status).toBe('pass');
    expect(districtResult(asOf2023, 'GS-04').year).toBe(2025);
  });
});
