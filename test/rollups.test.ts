// Roll-ups over child entities: each / share / count / sum / mean, with empty sets, unknown members and `given`.
import { describe, expect, it } from 'vitest';
import { BASE, evaluateCsv, resultFor, standardWithCheck } from './helpers.js';
import { loadStandardText } from '../src/standard/load.js';

const streets = (rows: [string, string][], col = '每周开放时间', extra = '') =>
  `entity,level,parent,${col}${extra ? `,${extra}` : ''}\n测试区,区,,\n${rows.map(([n, v]) => `${n},街道,测试区,${v}`).join('\n')}\n`;

describe('each', () => {
  const std = standardWithCheck('{ kind: each, level: 街道, check: { kind: compare, metric: hours, op: ">=", value: 48 } }');
  it('passes when every street meets it (48 is on the line)', () => {
    expect(resultFor(std, streets([['甲街道', '48'], ['乙街道', '50']])).status).toBe('pass');
  });
  it('fails and names the streets that fall short', () => {
    const r = resultFor(std, streets([['甲街道', '46'], ['乙街道', '50'], ['丙街道', '47']]));
    expect(r.status).toBe('fail');
    expect(r.shortfall).toEqual(['甲街道', '丙街道']);
  });
  it('fails even when another street is unknown', () => {
    const r = resultFor(std, streets([['甲街道', '46'], ['乙街道', '']]));
    expect(r.status).toBe('fail');
    expect(r.unknown).toEqual(['乙街道']);
  });
  it('is missing, naming them, when the only doubt is unknown streets', () => {
    const r = resultFor(std, streets([['甲街道', '50'], ['乙街道', '']]));
    expect(r.status).toBe('missing');
    expect(r.unknown).toEqual(['乙街道']);
  });
  it('over no streets is missing, not a vacuous pass', () => {
    const r = resultFor(std, 'entity,level\n测试区,区\n');
    expect(r.status).toBe('missing');
    expect(r.reasons[0]).toMatchObject({ code: 'no-members' });
  });
  it('reaches grandchildren: every community under every street', () => {
    const s = standardWithCheck('{ kind: each, level: 社区, check: { kind: compare, metric: hours, op: ">=", value: 40 } }');
    const data = 'entity,level,parent,每周开放时间\n测试区,区,,\n甲街道,街道,测试区,\n一社区,社区,甲街道,40\n二社区,社区,甲街道,39\n三社区,社区,乙街道,41\n乙街道,街道,测试区,\n';
    const r = resultFor(s, data);
    expect(r.status).toBe('fail');
    expect(r.shortfall).toEqual(['二社区']);
  });
});

describe('share', () => {
  const std = standardWithCheck('{ kind: share, level: 街道, check: { kind: status, metric: has_station }, op: ">=", value: 50, given: station_rate }');
  const rows = (vals: string[]) => streets(vals.map((v, i) => [`街道${i + 1}`, v] as [string, string]), '是否建有文化站');
  it.each([
    [['是', '否'], 'pass'], // exactly 50%
    [['是', '否', '否'], 'fail'],
    [['是', '是', '否'], 'pass'],
    [['是', '否', ''], 'missing'], // 33% or 67%: undecided
    [['是', '是', ''], 'pass'], // ≥ 67% whatever the blank says
    [['否', '否', ''], 'fail'], // ≤ 33% whatever the blank says
  ])('%j → %s', (vals, status) => {
    expect(resultFor(std, rows(vals)).status).toBe(status);
  });
  it('reports how many more streets are needed', () => {
    const r = resultFor(std, rows(['是', '否', '否', '否']));
    expect(r.status).toBe('fail');
    expect(r.gap?.entities).toBe(1);
    expect(r.gap?.amount).toBeCloseTo(25, 9);
  });
  it('uses a given rate when the data supplies it', () => {
    const data = 'entity,level,文化站设置率\n测试区,区,50%\n';
    expect(resultFor(std, data).status).toBe('pass');
    expect(resultFor(std, 'entity,level,文化站设置率\n测试区,区,49.9%\n').status).toBe('fail');
  });
  it('over no streets and no given rate is missing', () => {
    expect(resultFor(std, 'entity,level\n测试区,区\n').status).toBe('missing');
  });
});

describe('count', () => {
  const std = standardWithCheck('{ kind: count, level: 街道, check: { kind: status, metric: has_station }, op: ">=", value: 2 }');
  it.each([
    [['是', '是', '否'], 'pass'],
    [['是', '否', '否'], 'fail'],
    [['是', '否', ''], 'missing'],
  ])('%j → %s', (vals, status) => {
    expect(resultFor(std, streets(vals.map((v, i) => [`街道${i + 1}`, v] as [string, string]), '是否建有文化站')).status).toBe(status);
  });
});

describe('sum and mean', () => {
  const sum = standardWithCheck('{ kind: sum, level: 街道, metric: shows, op: ">=", value: 10 }');
  const mean = standardWithCheck('{ kind: mean, level: 街道, metric: shows, op: ">=", value: 5, given: avg_shows }');
  const rows = (vals: string[]) => streets(vals.map((v, i) => [`街道${i + 1}`, v] as [string, string]), '演出场次');
  it('sum on the target passes', () => expect(resultFor(sum, rows(['4', '6'])).status).toBe('pass'));
  it('sum below fails with the gap', () => {
    const r = resultFor(sum, rows(['4', '5']));
    expect(r.status).toBe('fail');
    expect(r.gap?.amount).toBe(1);
  });
  it('a partial sum already over a ≥ target passes', () => expect(resultFor(sum, rows(['12', ''])).status).toBe('pass'));
  it('a partial sum under the target is missing', () => expect(resultFor(sum, rows(['4', ''])).status).toBe('missing'));
  it('mean on the target passes though one street is below', () => expect(resultFor(mean, rows(['3', '7'])).status).toBe('pass'));
  it('mean below fails', () => expect(resultFor(mean, rows(['3', '6'])).status).toBe('fail'));
  it('mean with a street unknown is missing when it could go either way', () => expect(resultFor(mean, rows(['9', ''])).status).toBe('missing'));
  it('mean with a street unknown passes when the known streets already settle it', () => expect(resultFor(mean, rows(['10', ''])).status).toBe('pass'));
  it('mean over no streets is missing', () => expect(resultFor(mean, 'entity,level\n测试区,区\n').status).toBe('missing'));
  it('a given mean is used', () => expect(resultFor(mean, 'entity,level,平均演出场次\n测试区,区,5\n').status).toBe('pass'));
});

describe('roll-ups evaluated at a child itself', () => {
  it('a street judged on its own is its own only member', () => {
    const std = standardWithCheck('{ kind: each, level: 街道, check: { kind: compare, metric: hours, op: ">=", value: 48 } }', '    evaluateAt: [区, 街道]\n');
    const res = evaluateCsv(std, streets([['甲街道', '46'], ['乙街道', '50']])).results;
    expect(res.map((r) => [r.entity, r.status])).toEqual([
      ['测试区', 'fail'],
      ['甲街道', 'fail'],
      ['乙街道', 'pass'],
    ]);
  });
});

describe('stages: targets that change by year', () => {
  const std = standardWithCheck(`
      kind: stages
      stages:
        - { year: 2023, check: { kind: share, level: 街道, check: { kind: status, metric: has_station }, op: ">=", value: 50 } }
        - { year: 2025, check: { kind: share, level: 街道, check: { kind: status, metric: has_station }, op: ">=", value: 80 } }`);
  const data = streets([['甲街道', '是'], ['乙街道', '是'], ['丙街道', '否'], ['丁街道', '否']], '是否建有文化站'); // 50%
  it.each([
    [2022, 'pass', 2023],
    [2023, 'pass', 2023],
    [2024, 'pass', 2023],
    [2025, 'fail', 2025],
    [2030, 'fail', 2025],
    [undefined, 'fail', 2025],
  ])('as of %s → %s (stage %s)', (asOf, status, year) => {
    const r = resultFor(std, data, { asOf });
    expect(r.status).toBe(status);
    expect(r.year).toBe(year);
  });
});

describe('members the standard knows but the data lacks', () => {
  const withPlaces = (check: string) =>
    loadStandardText(
      BASE.replace('tiers:', 'places:\n  - { name: 甲街道, level: 街道 }\n  - { name: 乙街道, level: 街道 }\n  - { name: 丙街道, level: 街道 }\ntiers:') +
        `indicators:\n  - { id: T-01, number: 1, title: t, category: [c], level: district, source: s, check: ${check} }\n`,
      'places.yaml',
    );
  const each = withPlaces('{ kind: each, level: 街道, check: { kind: compare, metric: hours, op: ">=", value: 48 } }');
  it('"every street" with a known street absent is missing and names it', () => {
    const r = resultFor(each, streets([['甲街道', '50'], ['乙街道', '50']]));
    expect(r.status).toBe('missing');
    expect(r.unknown).toEqual(['丙街道']);
  });
  it('passes once every known street is there', () => {
    expect(resultFor(each, streets([['甲街道', '50'], ['乙街道', '50'], ['丙街道', '48']])).status).toBe('pass');
  });
  it('a failing street still fails the item while another is absent', () => {
    expect(resultFor(each, streets([['甲街道', '40']])).status).toBe('fail');
  });
  it('sum counts absent known streets as unknown', () => {
    const sum = withPlaces('{ kind: sum, level: 街道, metric: shows, op: ">=", value: 10 }');
    expect(resultFor(sum, streets([['甲街道', '4'], ['乙街道', '5']], '演出场次')).status).toBe('missing');
  });
});

describe('members to which the condition does not apply', () => {
  it('a roll-up whose every member is na is na, not missing', () => {
    const std = standardWithCheck('{ kind: each, level: 街道, check: { kind: cases, cases: [{ when: { kind: status, metric: has_station }, then: { kind: compare, metric: hours, op: ">=", value: 48 } }] } }');
    const r = resultFor(std, 'entity,level,parent,是否建有文化站,每周开放时间\n测试区,区,,,\n甲街道,街道,测试区,否,\n乙街道,街道,测试区,否,\n');
    expect(r.status).toBe('na');
  });
});

describe('collective targets judged on one member', () => {
  const data = streets([['甲街道', '否'], ['乙街道', '是']], '是否建有文化站');
  it.each([
    ['a 50% share is na for a single street', '{ kind: share, level: 街道, check: { kind: status, metric: has_station }, op: ">=", value: 50 }', 'na'],
    ['a 100% share is that street\'s own condition', '{ kind: share, level: 街道, check: { kind: status, metric: has_station }, op: ">=", value: 100 }', 'fail'],
    ['a sum is na for a single street', '{ kind: sum, level: 街道, metric: shows, op: ">=", value: 40 }', 'na'],
  ])('%s', (_, check, status) => {
    const std = standardWithCheck(check, '    evaluateAt: [区, 街道]\n');
    expect(resultFor(std, data, {}, '甲街道').status).toBe(status);
  });
});

describe('intermediate entities that give a rate instead of rows', () => {
  // At the district, "every community" must count a street that reports only its own coverage rate.
  const std = loadStandardText(
    BASE.replace("  - { key: station_rate, label: 文化站设置率, type: percent, levels: [district] }", "  - { key: station_rate, label: 文化站设置率, type: percent }") +
      `indicators:
  - { id: T-01, number: 1, title: t, category: [c], level: community, evaluateAt: [区, 街道], source: s,
      check: { kind: share, level: 社区, check: { kind: status, metric: has_station }, op: ">=", value: 100, given: station_rate } }
  - { id: T-02, number: 2, title: t, category: [c], level: community, evaluateAt: [区], source: s,
      check: { kind: share, level: 社区, check: { kind: status, metric: has_station }, op: ">=", value: 50, given: station_rate } }
  - { id: T-03, number: 3, title: t, category: [c], level: community, evaluateAt: [区], source: s,
      check: { kind: sum, level: 社区, metric: shows, op: ">=", value: 10, given: shows } }
`,
    'gaps.yaml',
  );
  const data = (rate: string) =>
    `entity,level,parent,是否建有文化站,文化站设置率,演出场次\n测试区,区,,,,\n甲街道,街道,测试区,,,\n一社区,社区,甲街道,是,,3\n二社区,社区,甲街道,是,,3\n乙街道,街道,测试区,,${rate},5\n`;
  const at = (rate: string, id: string) => evaluateCsv(std, data(rate)).results.find((r) => r.entity === '测试区' && r.indicator.id === id)!;
  it('a street below 100% fails "every community" at the district, and is named', () => {
    const r = at('90%', 'T-01');
    expect(r.status).toBe('fail');
    expect(r.shortfall).toEqual(['乙街道']);
  });
  it('a street at 100% lets it pass', () => expect(at('100%', 'T-01').status).toBe('pass'));
  it('a street with neither rows nor a rate leaves it missing', () => expect(at('', 'T-01').status).toBe('missing'));
  it('a 50% share decides from a bare rate when every part lies on one side of it', () => {
    expect(at('100%', 'T-02').status).toBe('pass'); // 甲街道 2/2 and 乙街道 100%: any weighting is ≥ 50%
  });
  it('a 50% share cannot merge a bare rate that lies on the other side: missing, naming the street', () => {
    const r = at('10%', 'T-02'); // 甲街道 100%, 乙街道 10%: the district's share depends on 乙街道's size
    expect(r.status).toBe('missing');
    expect(r.unknown).toContain('乙街道');
  });
  it('a street reporting its own rate is judged by it, even with some community rows', () => {
    const withRows = data('90%') + '三社区,社区,乙街道,是,,\n';
    const r = evaluateCsv(std, withRows).results.find((x) => x.entity === '测试区' && x.indicator.id === 'T-01')!;
    expect(r.status).toBe('fail');
    expect(r.shortfall).toEqual(['乙街道']);
  });
  it("a total adds the street's own total", () => expect(at('100%', 'T-03').status).toBe('pass'));
});
