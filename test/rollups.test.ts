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
    const r = resultFor(std, data, { asOf: asOf === undefined ? undefined : { year: asOf, month: 12 } });
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

describe('roll-ups know how many members there are (a count metric with countOf)', () => {
  // Gongshu item 16 ("街道、社区公共文化场馆免费提供 Wi-Fi服务") is a community roll-up: a street listing one
  // community says nothing about the ones it does not list, unless it gives its 社区数.
  const std = loadStandardText(
    BASE.replace('metrics:\n', 'metrics:\n  - { key: community_count, label: 社区数, type: number, unit: 个, levels: [district, street], additive: true, countOf: 社区 }\n') +
      `indicators:
  - { id: T-01, number: 1, title: t, category: [c], level: community, evaluateAt: [区], source: s,
      check: { kind: each, level: 社区, check: { kind: status, metric: has_station } } }
  - { id: T-02, number: 2, title: t, category: [c], level: community, evaluateAt: [区], source: s,
      check: { kind: share, level: 社区, check: { kind: status, metric: has_station }, op: ">=", value: 50 } }
  - { id: T-03, number: 3, title: t, category: [c], level: community, evaluateAt: [区], source: s,
      check: { kind: count, level: 社区, check: { kind: status, metric: has_station }, op: ">=", value: 2 } }
  - { id: T-04, number: 4, title: t, category: [c], level: community, evaluateAt: [区], source: s,
      check: { kind: mean, level: 社区, metric: shows, op: ">=", value: 2 } }
`,
    'counts.yaml',
  );
  const data = (count1: string, count2: string, rows: string) =>
    `entity,level,parent,社区数,是否建有文化站,演出场次\n测试区,区,,,,\n甲街道,街道,测试区,${count1},,\n乙街道,街道,测试区,${count2},,\n${rows}`;
  const at = (csv: string, id: string) => evaluateCsv(std, csv).results.find((r) => r.entity === '测试区' && r.indicator.id === id)!;
  const ok = '一社区,社区,甲街道,,是,3\n二社区,社区,乙街道,,是,3\n';
  it.each([
    ['every listed community passes but neither street gives its 社区数: unknown, not a pass', '', '', ok, 'T-01', 'missing'],
    ['the streets give 社区数 1 and 1: complete, passes', '1', '1', ok, 'T-01', 'pass'],
    ['甲街道 gives 2 but lists 1: one community unknown', '2', '1', ok, 'T-01', 'missing'],
    ['a listed community failing fails "every community" whatever the count', '', '', '一社区,社区,甲街道,,否,\n二社区,社区,乙街道,,是,\n', 'T-01', 'fail'],
    ['a 50% share cannot be decided without the counts', '', '', ok, 'T-02', 'missing'],
    ['nor fail: unlisted communities might all have one', '', '', '一社区,社区,甲街道,,否,\n二社区,社区,乙街道,,否,\n', 'T-02', 'missing'],
    ['a count already at its floor passes: more communities cannot lower it', '', '', ok, 'T-03', 'pass'],
    ['a mean cannot be bounded without the counts', '', '', ok, 'T-04', 'missing'],
    ['a mean is decided once the counts are given', '1', '1', ok, 'T-04', 'pass'],
  ])('%s', (_, c1, c2, rows, id, status) => {
    expect(at(data(c1, c2, rows), id).status).toBe(status);
  });
  it('names the streets whose 社区数 is missing, in its own reason', () => {
    const r = at(data('1', '', ok), 'T-01');
    expect(r.reasons).toContainEqual({ code: 'count-unknown', level: 'community', metric: 'community_count', entities: ['乙街道'] });
  });
  it("the district's own 社区数 covers every street", () => {
    const csv = `entity,level,parent,社区数,是否建有文化站\n测试区,区,,2,\n甲街道,街道,测试区,,\n乙街道,街道,测试区,,\n一社区,社区,甲街道,,是\n二社区,社区,乙街道,,是\n`;
    expect(at(csv, 'T-01').status).toBe('pass');
  });
  it('validate-standard warns about a roll-up that cannot know its members, and not once a count exists', () => {
    const without = standardWithCheck('{ kind: each, level: 社区, check: { kind: status, metric: has_station } }');
    expect(without.warnings?.map((w) => w.message.en).join('\n')).toMatch(/cannot tell how many there are/);
    expect(std.warnings).toEqual([]);
  });
});

describe('kinds within a level: 行政村 and 社区 are both 村（社区）', () => {
  // Wenzhou general item 25: "每个行政村每年看5场以上戏剧或文艺演出 … 100%的村达标" counts villages, not urban communities.
  const std = loadStandardText(
    BASE.replace('  - { id: community, name: 社区 }', '  - { id: village, name: 村（社区）, kinds: [{ id: admin_village, name: 行政村, aliases: [村] }, { id: urban_community, name: 社区 }] }').replace(
      'metrics:\n',
      'metrics:\n  - { key: village_count, label: 行政村数, type: number, levels: [district, street], countOf: 行政村 }\n',
    ) +
      `indicators:
  - { id: T-01, number: 1, title: t, category: [c], level: village, evaluateAt: [区], source: s,
      check: { kind: each, level: 行政村, check: { kind: compare, metric: shows, op: ">=", value: 5 } } }
  - { id: T-02, number: 2, title: t, category: [c], level: village, evaluateAt: [区], source: s,
      check: { kind: each, level: 村（社区）, check: { kind: compare, metric: shows, op: ">=", value: 5 } } }
`,
    'kinds.yaml',
  );
  const rows = (r: string, kindCol = false) =>
    `entity,level,parent,行政村数,演出场次${kindCol ? ',类型' : ''}\n测试区,区,,1,${kindCol ? ',' : ''}\n甲街道,街道,测试区,,${kindCol ? ',' : ''}\n${r}`;
  const at = (csv: string, id: string) => evaluateCsv(std, csv).results.find((r) => r.entity === '测试区' && r.indicator.id === id)!;
  it('a 社区 short of 5 shows does not fail "every 行政村"; it does fail "every 村（社区）"', () => {
    const csv = rows('一村,村,甲街道,,6\n二社区,社区,甲街道,,2\n');
    expect(at(csv, 'T-01').status).toBe('pass');
    expect(at(csv, 'T-02').status).toBe('fail');
  });
  it('the kind may come from a column of its own', () => {
    const csv = rows('一村,村（社区）,甲街道,,6,行政村\n二社区,村（社区）,甲街道,,2,社区\n', true);
    expect(at(csv, 'T-01').status).toBe('pass');
  });
  it('a row that does not say 村 or 社区 and falls short leaves "every 行政村" undecided, naming it', () => {
    const r = at(rows('一村,村,甲街道,,6\n二,村（社区）,甲街道,,2\n'), 'T-01');
    expect(r.status).toBe('missing');
    expect(r.reasons.find((x) => x.code === 'kind-unknown')).toMatchObject({ entities: ['二'] });
  });
  it('a kind the level does not have is a data error naming the cell', () => {
    expect(() => evaluateCsv(std, rows('一村,村（社区）,甲街道,,6,乡\n', true))).toThrow(/data\.csv:4:\d+: "乡" is not a kind of 村（社区）/);
  });
});

describe('a level total tells a kind its count once every row says its kind', () => {
  // "每个行政村…100%的村达标" with 村（社区）数 given and every row saying 村 or 社区: the 行政村 are all listed.
  const std = loadStandardText(
    BASE.replace('  - { id: community, name: 社区 }', '  - { id: village, name: 村（社区）, kinds: [{ id: admin_village, name: 行政村, aliases: [村] }, { id: urban_community, name: 社区 }] }').replace(
      'metrics:\n',
      'metrics:\n  - { key: vc_count, label: 村（社区）数, type: number, levels: [district, street], countOf: 村（社区） }\n  - { key: av_count, label: 行政村数, type: number, levels: [district, street], countOf: 行政村 }\n',
    ) +
      `indicators:
  - { id: T-01, number: 1, title: t, category: [c], level: village, evaluateAt: [区], source: s,
      check: { kind: each, level: 行政村, check: { kind: compare, metric: shows, op: ">=", value: 5 } } }
`,
    'totals.yaml',
  );
  const data = (total: string, rows: string) => `entity,level,parent,村（社区）数,演出场次\n测试区,区,,${total},\n${rows}`;
  const at = (csv: string) => evaluateCsv(std, csv).results.find((r) => r.entity === '测试区')!;
  it.each([
    ['村（社区）数 3, three rows with kinds: complete', '3', '一村,村,测试区,,6\n二村,村,测试区,,7\n三社区,社区,测试区,,1\n', 'pass'],
    ['村（社区）数 4, three rows: one unlisted row might be a 行政村', '4', '一村,村,测试区,,6\n二村,村,测试区,,7\n三社区,社区,测试区,,1\n', 'missing'],
    ['no count at all: unknown', '', '一村,村,测试区,,6\n二村,村,测试区,,7\n三社区,社区,测试区,,1\n', 'missing'],
  ])('%s', (_, total, rows, status) => {
    expect(at(data(total, rows)).status).toBe(status);
  });
});
