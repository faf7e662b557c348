// The auditor's workflow: deadlines against --as-of, evidence records, waivers, gap lists and comparisons.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadStandardText } from '../src/standard/load.js';
import { parseAsOf, parseDeadline } from '../src/standard/deadlines.js';
import { buildDataset } from '../src/data/dataset.js';
import { readCsv } from '../src/data/csv.js';
import { knownNames, readAttestations, readWaivers } from '../src/data/audit-records.js';
import { evaluate } from '../src/engine/evaluate.js';
import { gapList } from '../src/engine/gaps.js';
import { compare, type Snapshot } from '../src/engine/compare.js';
import type { EvaluateOptions } from '../src/engine/types.js';
import { BASE, dabiao } from './helpers.js';

// A small standard with a responsibility table: T-01 is tied clause by clause to sub-tasks; T-02 is not (its
// deadline is the latest of its sub-tasks'); T-03 is judged by a person; T-04 has no sub-task at all.
const RULE = `${BASE}tasks:
  - { id: "1.1", text: "【1．1】建成文化站。", responsible: [{ name: 市文广新局, lead: true }, { name: 市财政局 }], deadline: 2019年12月 }
  - { id: "1.2", text: "【1．2】开放时间达标。", responsible: [{ name: 各县（市、区）政府 }], deadline: 2020年上半年 }
  - { id: "2.1", text: "【2．1】出台政策。", responsible: [{ name: 市委宣传部, lead: true }], deadline: 每年 }
indicators:
  - id: T-01
    number: 1
    title: 文化站与开放时间
    class: key
    category: [设施]
    level: district
    source: 原文一
    tasks: ["1.1", "1.2"]
    check:
      kind: all
      of:
        - { kind: status, metric: has_station, label: 建有文化站, task: "1.1" }
        - { kind: compare, metric: hours, op: ">=", value: 60, label: 开放时间, task: "1.2" }
  - id: T-02
    number: 2
    title: 藏书
    class: general
    category: [设施]
    level: district
    source: 原文二
    tasks: ["1.1", "1.2"]
    check: { kind: compare, metric: books, op: ">=", value: 1000 }
  - id: T-03
    number: 3
    title: 政策
    class: general
    category: [制度]
    level: district
    source: 原文三
    tasks: ["2.1"]
    evidence: 政策文件
    check: { kind: manual, metric: policy, evidence: 政策文件 }
  - id: T-04
    number: 4
    title: 演出
    class: general
    category: [活动]
    level: district
    source: 原文四
    check: { kind: compare, metric: shows, op: ">=", value: 12 }
`;
const STD = loadStandardText(RULE, 'audit.yaml');

const DATA = 'entity,level,是否建有文化站,每周开放时间,藏书量,政策,演出场次\n测试区,区,否,50,800,是,10\n';
const dataset = () => buildDataset(STD, [readCsv(DATA, 'data.csv')]);
const run = (options: EvaluateOptions = {}) => evaluate(STD, dataset(), options);
const result = (id: string, options: EvaluateOptions = {}) => run(options).results.find((r) => r.indicator.id === id)!;
const asOf = (s: string) => parseAsOf(s)!;

describe('deadlines as the documents write them', () => {
  it.each([
    ['2019年12月', { kind: 'month', at: { year: 2019, month: 12 } }],
    ['2020年6月', { kind: 'month', at: { year: 2020, month: 6 } }],
    ['2020年上半年', { kind: 'month', at: { year: 2020, month: 6 } }],
    ['2020年下半年', { kind: 'month', at: { year: 2020, month: 12 } }],
    ['到2025年', { kind: 'month', at: { year: 2025, month: 12 } }],
    ['2023年底', { kind: 'month', at: { year: 2023, month: 12 } }],
    ['每年', { kind: 'every-year' }],
    ['未注明', { kind: 'unknown' }],
    ['', { kind: 'unknown' }],
  ])('%s', (text, when) => expect(parseDeadline(text)).toEqual(when));
  it('--as-of: a year alone means its end; a month as given', () => {
    expect(parseAsOf('2020')).toEqual({ year: 2020, month: 12 });
    expect(parseAsOf('2020-03')).toEqual({ year: 2020, month: 3 });
    expect(parseAsOf('2020-13')).toBeUndefined();
  });
});

describe('unmet clauses before their deadline are not yet due; after it, overdue', () => {
  it('without --as-of every target is final: nothing is pending', () => {
    expect(result('T-01').status).toBe('fail');
    expect(result('T-02').status).toBe('fail');
  });
  it('each clause takes its own sub-task deadline: as of 2020-03, 【1．1】 (2019年12月) is overdue, so T-01 fails', () => {
    const r = result('T-01', { asOf: asOf('2020-03') });
    expect(r.status).toBe('fail');
    const [station, hours] = r.parts!;
    expect(station!.due).toMatchObject({ state: 'overdue', months: 3, task: '1.1' });
    expect(hours!.status).toBe('pending'); // 【1．2】 2020年上半年 is still ahead
    expect(hours!.due).toMatchObject({ state: 'not-yet-due', months: 3, was: 'fail' });
  });
  it('as of 2019-06 both clauses are ahead: the indicator is pending, not failing', () => {
    expect(result('T-01', { asOf: asOf('2019-06') }).status).toBe('pending');
  });
  it('an indicator with no clause-level ties takes the latest of its sub-tasks (2020年上半年)', () => {
    expect(result('T-02', { asOf: asOf('2020-03') }).status).toBe('pending');
    expect(result('T-02', { asOf: asOf('2020-07') }).status).toBe('fail');
    expect(result('T-02', { asOf: asOf('2020-07') }).due).toMatchObject({ state: 'overdue', months: 1, deadline: '2020年上半年' });
  });
  it('每年 items are judged every year: never pending', () => {
    expect(result('T-03', { asOf: asOf('2019-01') }).status).toBe('manual');
  });
  it('pending never trips the exit code; it is counted apart', () => {
    const ev = run({ asOf: asOf('2019-06') });
    expect(ev.summary[0]!.counts.pending).toBe(2);
  });
});

describe('the evidence file', () => {
  const write = (name: string, text: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-audit-'));
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const read = (text: string, name = 'evidence.yaml', day = '2024-06-30') => readAttestations(text, name, STD, knownNames(dataset()), day);
  it('a record settles a manual item: 是 with a document passes, and the result says which record settled it', () => {
    const { records } = read('- { indicator: T-03, entity: 测试区, status: 是, evidence: 测政发〔2023〕5号, attestedBy: 张三, date: 2024-01-05 }\n');
    const r = evaluate(STD, dataset(), { attestations: records }).results.find((x) => x.indicator.id === 'T-03')!;
    expect(r.status).toBe('pass');
    expect(r.reasons).toContainEqual(expect.objectContaining({ code: 'attested', file: 'evidence.yaml', line: 1, by: '张三' }));
  });
  it('否 fails it', () => {
    const { records } = read('- { indicator: T-03, entity: all, status: 否, evidence: 核查记录第3页, attestedBy: 张三 }\n');
    expect(evaluate(STD, dataset(), { attestations: records }).results.find((x) => x.indicator.id === 'T-03')!.status).toBe('fail');
  });
  it('CSV with Chinese headers works too', () => {
    const { records } = read('指标,对象,结论,依据,核查人,日期\nT-03,测试区,是,https://example.org/p.pdf,李四,2024-02-01\n', 'evidence.csv');
    expect(records[0]).toMatchObject({ indicator: 'T-03', entity: '测试区', met: true, by: '李四', line: 2 });
  });
  it.each([
    ['no evidence text', '- { indicator: T-03, entity: 测试区, status: 是, attestedBy: 张三 }\n', 'evidence.yaml:1: no evidence text'],
    ['no attester', '- { indicator: T-03, entity: 测试区, status: 是, evidence: x }\n', 'evidence.yaml:1: no who attests it'],
    ['an unknown indicator, with a suggestion', '- { indicator: T-3, entity: 测试区, status: 是, evidence: x, attestedBy: y }\n', 'indicator "T-3" is not in test (did you mean "T-03"?)'],
    ['an unknown entity, with a suggestion', '- { indicator: T-03, entity: 测试去, status: 是, evidence: x, attestedBy: y }\n', 'entity "测试去" is not in the data (did you mean "测试区"?)'],
    ['a status that is not 是/否', '- { indicator: T-03, entity: 测试区, status: 也许, evidence: x, attestedBy: y }\n', 'status "也许" is not 是 or 否'],
    ['an unknown field', '- { indicator: T-03, entity: 测试区, staus: 是 }\n', 'unknown field "staus"'],
  ])('%s is an error with its line', (_, text, message) => {
    expect(() => read(text)).toThrow(message);
  });
  it('an expired record is ignored with a warning', () => {
    const out = read('- { indicator: T-03, entity: 测试区, status: 是, evidence: x, attestedBy: y, expires: 2023-12-31 }\n');
    expect(out.records).toEqual([]);
    expect(out.warnings[0]!.message.en).toContain('expired on 2023-12-31; ignored');
  });
  it('end to end: --evidence turns the manual item into a pass, and a bad record is one line, exit 2', () => {
    const data = write('d.csv', DATA);
    const rule = write('r.yaml', RULE);
    const ok = write('e.yaml', '- { indicator: T-03, entity: 测试区, status: 是, evidence: 测政发〔2023〕5号, attestedBy: 张三 }\n');
    const r = dabiao(['check', '-s', rule, '--format', 'json', '-i', 'T-03', '--evidence', ok, data]);
    expect(JSON.parse(r.stdout).results[0].status).toBe('pass');
    const bad = write('bad.yaml', '- { indicator: T-03, entity: 测试区, status: 是, attestedBy: 张三 }\n');
    const e = dabiao(['check', '-s', rule, '--evidence', bad, data], undefined, { DABIAO_LANG: 'en' });
    expect(e.code).toBe(2);
    expect(e.stderr.trim().split('\n')).toEqual([`dabiao: ${bad}:1: no evidence text (a document name, number or link)`]);
  });
});

describe('waivers', () => {
  const read = (text: string, day = '2024-06-30') => readWaivers(text, 'waivers.yaml', STD, knownNames(dataset()), day);
  const waived = (text: string) => evaluate(STD, dataset(), { waivers: read(text).records });
  it('a waived failure is reported as waived, keeps what it was, and does not fail CI', () => {
    const ev = waived('- { indicator: T-04, entity: 测试区, reason: 剧院维修停演, approvedBy: 市文广新局, expires: 2025-12-31 }\n');
    const r = ev.results.find((x) => x.indicator.id === 'T-04')!;
    expect(r.status).toBe('waived');
    expect(r.waived).toMatchObject({ was: 'fail', waiver: { reason: '剧院维修停演', by: '市文广新局' } });
    expect(ev.summary[0]!.counts.waived).toBe(1);
  });
  it('every field is required', () => {
    expect(() => read('- { indicator: T-04, entity: 测试区, reason: x, approvedBy: y }\n')).toThrow('waivers.yaml:1: no an expiry date');
    expect(() => read('- { indicator: T-04, entity: 测试区, approvedBy: y, expires: 2025-01-01 }\n')).toThrow('no the reason');
  });
  it('an expired waiver is ignored with a warning', () => {
    const out = read('- { indicator: T-04, entity: all, reason: x, approvedBy: y, expires: 2024-01-31 }\n');
    expect(out.records).toEqual([]);
    expect(out.expired).toHaveLength(1);
    expect(out.warnings[0]!.message.en).toContain('expired on 2024-01-31');
  });
  it('a waiver for an item that passes anyway is unused', () => {
    const ev = waived('- { indicator: T-04, entity: 测试区, reason: x, approvedBy: y, expires: 2025-01-01 }\n- { indicator: T-01, entity: all, reason: x, approvedBy: y, expires: 2025-01-01, covers: missing }\n');
    expect(ev.waivers.map((u) => u.used)).toEqual([1, 1]);
    const passing = evaluate(STD, buildDataset(STD, [readCsv('entity,level,演出场次\n测试区,区,12\n', 'data.csv')]), { waivers: read('- { indicator: T-04, entity: 测试区, reason: x, approvedBy: y, expires: 2025-01-01 }\n').records });
    expect(passing.waivers[0]!.used).toBe(0);
  });
  it('never hides missing data unless it says so', () => {
    const data = buildDataset(STD, [readCsv('entity,level\n测试区,区\n', 'data.csv')]);
    const plain = readWaivers('- { indicator: T-04, entity: 测试区, reason: x, approvedBy: y, expires: 2025-01-01 }\n', 'w.yaml', STD, knownNames(data), '2024-06-30').records;
    expect(evaluate(STD, data, { waivers: plain }).results.find((x) => x.indicator.id === 'T-04')!.status).toBe('missing');
    const covering = readWaivers('- { indicator: T-04, entity: 测试区, reason: x, approvedBy: y, expires: 2025-01-01, covers: missing }\n', 'w.yaml', STD, knownNames(data), '2024-06-30').records;
    expect(evaluate(STD, data, { waivers: covering }).results.find((x) => x.indicator.id === 'T-04')!.status).toBe('waived');
  });
});

describe('the gap list', () => {
  it('only what needs action, key indicators first, one section per responsible unit with the lead marked', () => {
    const ev = run();
    const list = gapList(STD, ev.results, 'owner');
    expect(list.items.map((i) => i.result.indicator.id)).toEqual(['T-01', 'T-02', 'T-04', 'T-03']);
    const byUnit = Object.fromEntries(list.groups.map((g) => [g.key ?? '未分配', g.items.map((x) => `${x.item.result.indicator.id}${x.lead ? '▲' : ''}`)]));
    // T-01 fails on both clauses, so both sub-tasks' units answer for it.
    expect(byUnit['市文广新局']).toEqual(['T-01▲', 'T-02▲']);
    expect(byUnit['各县（市、区）政府']).toEqual(['T-01', 'T-02']);
    expect(byUnit['市委宣传部']).toEqual(['T-03▲']);
    // T-04 has no sub-task: it is listed as unassigned, never dropped.
    expect(byUnit['未分配']).toEqual(['T-04']);
    expect(list.groups.at(-1)!.key).toBeUndefined();
  });
  it('a clause tied to a sub-task puts only that sub-task\'s units on the hook', () => {
    const data = buildDataset(STD, [readCsv('entity,level,是否建有文化站,每周开放时间\n测试区,区,是,50\n', 'data.csv')]);
    const list = gapList(STD, evaluate(STD, data, { indicators: ['T-01'] }).results, 'owner');
    expect(list.groups.map((g) => g.key)).toEqual(['各县（市、区）政府']);
  });
  it('gaps --by owner end to end prints a section per unit and the unassigned one', () => {
    // uses the shipped fixture of the standard with a responsibility table
    const r = dabiao(['gaps', '--standard', 'wenzhou-72', '--by', 'owner', '--as-of', '2020-12', 'fixtures/wenzhou-2017-baseline.csv']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^市文广新局（牵头 \d+ 项/m);
    expect(r.stdout).toMatch(/^各县（市、区）政府（/m);
    expect(r.stdout).toContain('逾期');
  });
});

describe('comparing two submissions', () => {
  const snap = (indicator: string, status: Snapshot['status'], value?: number, gap?: number): Snapshot => ({
    path: ['测试区'],
    entity: '测试区',
    level: 'district',
    indicator,
    title: indicator,
    tier: 'standard',
    status,
    value,
    gap: gap === undefined ? undefined : { amount: gap, unit: '小时' },
  });
  it.each([
    [snap('A', 'fail', 50, 10), snap('A', 'pass', 60), 'newly-passing'],
    [snap('A', 'pass', 60), snap('A', 'fail', 50, 10), 'newly-failing'],
    [snap('A', 'fail', 40, 20), snap('A', 'fail', 50, 10), 'improved'],
    [snap('A', 'fail', 50, 10), snap('A', 'fail', 40, 20), 'regressed'],
    [snap('A', 'pass', 60), snap('A', 'missing'), 'regressed'],
    [snap('A', 'missing'), snap('A', 'fail', 40, 20), 'newly-failing'],
    [snap('A', 'pass', 60), snap('A', 'pass', 60), 'unchanged'],
  ])('%#: %j → %j is %s', (a, b, change) => {
    const c = compare({ id: 't', title: 't' }, [a], [b]);
    expect(c.rows[0]!.change).toBe(change);
  });
  it('says how much the value and the gap moved', () => {
    const row = compare({ id: 't', title: 't' }, [snap('A', 'fail', 40, 20)], [snap('A', 'fail', 50, 10)]).rows[0]!;
    expect(row).toMatchObject({ valueDelta: 10, gapDelta: -10 });
  });
  it('the same data in different shapes (wide, long, JSON, GBK) is "no change"', () => {
    for (const other of ['fixtures/gongshu-district-long.csv', 'fixtures/gongshu-district.json', 'fixtures/gongshu-district.gbk.csv']) {
      const r = dabiao(['compare', '--standard', 'gongshu-53', '--fail-on', 'regression', 'fixtures/gongshu-district.csv', other]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('无变化');
    }
  });
  it('a saved JSON report compares with data files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-cmp-'));
    const saved = path.join(dir, 'old.json');
    dabiao(['check', '--standard', 'gongshu-53', '--format', 'json', '--fail-on', 'never', '-o', saved, 'fixtures/gongshu-district.csv']);
    const r = dabiao(['compare', '--standard', 'gongshu-53', '--format', 'json', saved, 'fixtures/gongshu-district.csv']);
    const out = JSON.parse(r.stdout);
    expect(out.rows.every((x: { change: string }) => x.change === 'unchanged')).toBe(true);
  });
});

describe('the shipped auditor fixtures (wenzhou 2017 baseline)', () => {
  const BASELINE = 'fixtures/wenzhou-2017-baseline.csv';
  const json = (args: string[]) => {
    const r = dabiao(args);
    if (r.code !== 0 && r.code !== 1) throw new Error(r.stderr);
    return { ...r, out: JSON.parse(r.stdout) };
  };
  it('gaps --by owner --as-of 2020-12: a section per unit of the responsibility table, overdue flags, and 未分配 last', () => {
    const { out } = json(['gaps', '--standard', 'wenzhou-72', '--by', 'owner', '--as-of', '2020-12', '--format', 'json', BASELINE]);
    const keys = out.groups.map((g: { key: string | null }) => g.key);
    for (const unit of ['市文广新局', '各县（市、区）政府', '市委宣传部']) expect(keys).toContain(unit);
    const bureau = out.groups.find((g: { key: string }) => g.key === '市文广新局');
    // K09 (建成综合性服务平台, 【16．1】 2019年12月) is not met at the end of 2017's data: overdue by 12 months in 2020-12.
    const k09 = bureau.items.find((i: { indicator: string }) => i.indicator === 'WZ-K09');
    expect(k09).toMatchObject({ status: 'fail', overdue: true, lead: true });
    expect(k09.due).toContainEqual(expect.objectContaining({ state: 'overdue', months: 12 }));
    // 【11．4】 (the only task of G27–G29) is led by “▲文广新局, 市财政局，各县（市、区）政府”: the document drops the 市
    // there alone, and it is the same bureau — its items are in its section, not in one of their own.
    expect(keys).not.toContain('文广新局');
    for (const id of ['WZ-G27', 'WZ-G28', 'WZ-G29']) expect(bureau.items.find((i: { indicator: string }) => i.indicator === id)).toMatchObject({ lead: true });
    // every actionable item is under some unit, or under 未分配 — none is dropped
    const listed = new Set(out.groups.flatMap((g: { items: { indicator: string }[] }) => g.items.map((i) => i.indicator)));
    expect(listed.size).toBe(out.counts.actionable);
  });
  it('the evidence file turns named manual results into pass (G01, G53: 是 with documents) or fail (G35: 否)', () => {
    const { out } = json(['check', '--standard', 'wenzhou-72', '--tier', 'both', '--format', 'json', '--evidence', 'fixtures/wenzhou-evidence.yaml', '-i', 'WZ-G01,WZ-G53,WZ-G35', BASELINE]);
    const status = (id: string, tier: string) => out.results.find((r: { indicator: string; tier: string }) => r.indicator === id && r.tier === tier);
    for (const tier of ['standard', 'goal']) {
      expect(status('WZ-G01', tier).status).toBe('pass');
      expect(status('WZ-G53', tier).status).toBe('pass');
      expect(status('WZ-G35', tier).status).toBe('fail');
    }
    // the result says which record settled it
    const reasons = status('WZ-G01', 'standard').parts.flatMap((p: { reasons: { code: string; line: number }[] }) => p.reasons);
    expect(reasons).toContainEqual(expect.objectContaining({ code: 'attested', file: 'fixtures/wenzhou-evidence.yaml', line: 3 }));
  });
  it('the waiver file: K14 waived and the exit code 0 when nothing else fails; the expired and the unused waiver reported', () => {
    const args = ['check', '--standard', 'wenzhou-72', '--as-of', '2020-12', '--waivers', 'fixtures/wenzhou-waivers.yaml', '-i', 'WZ-K14,WZ-G02', BASELINE];
    const r = dabiao([...args, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('wenzhou-waivers.yaml:7: waiver for WZ-G40 (温州市) expired on 2019-06-30; ignored');
    expect(r.stderr).toContain('wenzhou-waivers.yaml:12: waiver for WZ-G02 (温州市) is unused');
    const { out } = json([...args, '--format', 'json']);
    expect(out.results.find((x: { indicator: string }) => x.indicator === 'WZ-K14')).toMatchObject({ status: 'waived', waived: { was: 'fail', approvedBy: '温州市人民政府办公室（温政办函〔2019〕12号）' } });
    // without the waiver the same run fails
    expect(dabiao(['check', '--standard', 'wenzhou-72', '--as-of', '2020-12', '-i', 'WZ-K14,WZ-G02', BASELINE]).code).toBe(1);
  });
  it('the gap list puts waived items in their own section, with reason and approver', () => {
    const args = ['gaps', '--standard', 'wenzhou-72', '--as-of', '2020-12', '--waivers', 'fixtures/wenzhou-waivers.yaml', BASELINE];
    const r = dabiao(args);
    for (const heading of ['已豁免', '已过期的豁免', '未使用的豁免']) expect(r.stdout).toMatch(new RegExp(`^${heading}`, 'm'));
    const { out } = json([...args, '--format', 'json']);
    expect(out.waived).toEqual([expect.objectContaining({ indicator: 'WZ-K14', waived: expect.objectContaining({ reason: expect.stringContaining('延至2021年底'), approvedBy: '温州市人民政府办公室（温政办函〔2019〕12号）' }) })]);
    expect(out.expiredWaivers.map((w: { indicator: string }) => w.indicator)).toEqual(['WZ-G40']);
    expect(out.unusedWaivers.map((w: { indicator: string }) => w.indicator)).toEqual(['WZ-G02']);
    // the waived item is not among the items to act on
    expect(out.groups.flatMap((g: { items: { indicator: string }[] }) => g.items.map((i) => i.indicator))).not.toContain('WZ-K14');
  });
  it('compare 2017 → 2019 lists what improved and what regressed, and --fail-on regression exits 1', () => {
    // fixtures/wenzhou-2019.csv: 设置率 88.1% → 95.1%, 配备率 26.31% → 62.5%, 编制3名以上 54 → 120 stations,
    // 建成率 85.6% → 91.2%, city cultural-centre databases 0 → 3; 人均到馆 2 → 0.5 次, library digital 60 → 25 TB.
    const r = dabiao(['compare', '--standard', 'wenzhou-72', '--format', 'json', '--fail-on', 'regression', BASELINE, 'fixtures/wenzhou-2019.csv']);
    expect(r.code).toBe(1);
    const change = Object.fromEntries(JSON.parse(r.stdout).rows.map((x: { indicator: string; change: string }) => [x.indicator, x.change]));
    expect(change).toMatchObject({
      'WZ-K02': 'improved', // 95.1% < 100%, closer
      'WZ-K13': 'improved',
      'WZ-K14': 'improved',
      'WZ-K07': 'newly-passing', // 3 databases: 建成3个地方特色数字资源库
      'WZ-G11': 'newly-passing', // 91.2% ≥ 90%
      'WZ-G07': 'newly-failing', // 0.5 < 0.6 次
      'WZ-G36': 'newly-failing', // 25 < 30 TB
      'WZ-G04': 'unchanged', // 1.2 → 1.5 册: passes the standard (≥1册) both times
    });
  });
});
