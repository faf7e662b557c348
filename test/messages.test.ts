// Errors and warnings in both languages: Chinese by default, English with --lang en or DABIAO_LANG=en; the
// position first and the user's value quoted in either, and the same line (same place, same exit code) in both.
import { describe, expect, it } from 'vitest';
import { readCsv } from '../src/data/csv.js';
import { readJson } from '../src/data/json.js';
import { buildDataset, DataErrors } from '../src/data/dataset.js';
import { DataError, formatWarning } from '../src/data/records.js';
import { parseValue } from '../src/data/values.js';
import { knownNames, readAttestations, readWaivers } from '../src/data/audit-records.js';
import { loadStandardText, RuleFileError, formatProblem } from '../src/standard/load.js';
import { UsageError } from '../src/cli/errors.js';
import { describeError } from '../src/cli/describe-error.js';
import { parseAsOfOption, parseTiers } from '../src/cli/options.js';
import { render, say } from '../src/i18n/message.js';
import { didYouMean } from '../src/util/suggest.js';
import type { Lang } from '../src/i18n/lang.js';
import { BASE, dabiao, standardWithCheck } from './helpers.js';

const std = standardWithCheck('{ kind: compare, metric: hours, op: ">=", value: 60 }', '    metric: hours\n');

/** The first error a function throws, as the CLI would print it after "dabiao: ", in each language. */
function lines(fn: () => unknown): Record<Lang, string> {
  try {
    fn();
  } catch (e) {
    const zh = describeError(e, 'zh');
    const en = describeError(e, 'en');
    if (!zh || !en) throw e;
    return { zh: zh[0]!, en: en[0]! };
  }
  throw new Error('expected an error');
}

/** file:line:col (or file:line, or file) — everything before the first ": ". */
const position = (line: string) => line.slice(0, line.indexOf(': '));

describe('Message', () => {
  it('render picks a language; a plain string stays as it is', () => {
    const m = say('“abc”不是数字', '"abc" is not a number');
    expect(render(m, 'zh')).toBe('“abc”不是数字');
    expect(render(m, 'en')).toBe('"abc" is not a number');
    expect(render('a.csv', 'zh')).toBe('a.csv');
  });
  it('did-you-mean hints in both, and empty in both when nothing is close', () => {
    expect(didYouMean('每周开放时问', ['每周开放时间'])).toEqual({ zh: '（是否应为“每周开放时间”？）', en: ' (did you mean "每周开放时间"?)' });
    expect(didYouMean('完全不同', ['每周开放时间'])).toEqual({ zh: '', en: '' });
  });
});

describe('data errors and warnings', () => {
  it.each([
    ['a cell that is not a number', 'entity,每周开放时间\n测试区,abc\n', 'data.csv:2:2: “每周开放时间”列：“abc”不是数字', 'data.csv:2:2: column "每周开放时间": "abc" is not a number'],
    [
      'a unit that does not fit',
      'entity,每周开放时间\n测试区,60TB\n',
      'data.csv:2:2: “每周开放时间”列：“60TB”：单位“TB”不适用于每周开放时间（应为以小时为单位的数字）',
      'data.csv:2:2: column "每周开放时间": "60TB": unit "TB" does not fit 每周开放时间 (expected a number in 小时)',
    ],
    ['a ragged row', 'entity,每周开放时间\n测试区,1,2\n', 'data.csv:2:3: 这一行有 3 个单元格，但表头有 2 列', 'data.csv:2:3: row has 3 cells but the header has 2'],
    ['a header and no rows', 'entity,每周开放时间\n', 'data.csv:1: 文件只有表头，没有数据行', 'data.csv:1: the file has a header but no data rows'],
    ['a duplicate entity', 'entity,level\n甲街道,街道\n甲街道,街道\n', 'data.csv:3: “甲街道”重复（第一次出现在第 2 行）', 'data.csv:3: duplicate entity "甲街道" (first on line 2)'],
    ['an unknown level', 'entity,level\n测试区,省\n', 'data.csv:2:2: 未知层级“省”；层级有：区、街道、社区', 'data.csv:2:2: unknown level "省"; levels: 区 / 街道 / 社区'],
    ['no entity column', '每周开放时间\n1\n', 'data.csv:1:1: 没有名称列（列名写“名称”或“entity”）；现有的列：每周开放时间', 'data.csv:1:1: no entity column (name it "entity" or 名称); found: 每周开放时间'],
  ])('%s', (_, text, zh, en) => {
    const got = lines(() => buildDataset(std, [readCsv(text, 'data.csv')]));
    expect(got).toEqual({ zh, en });
    expect(position(got.zh)).toBe(position(got.en));
  });
  it('JSON errors name their place in both', () => {
    const got = lines(() => readJson('[{"entity": "测试区", "entity": "x"}]', 'data.json'));
    expect(got.zh).toBe('data.json:1:20: “entity”在同一行中出现了两次');
    expect(got.en).toBe('data.json:1:20: "entity" is given twice in one row');
  });
  it('the Error itself keeps the English line, for stack traces', () => {
    try {
      buildDataset(std, [readCsv('entity,每周开放时间\n测试区,abc\n', 'data.csv')]);
    } catch (e) {
      expect(e).toBeInstanceOf(DataErrors);
      const first = (e as DataErrors).errors[0]!;
      expect(first).toBeInstanceOf(DataError);
      expect(first.message).toBe('data.csv:2:2: column "每周开放时间": "abc" is not a number');
      expect(first.text('zh')).toBe('data.csv:2:2: “每周开放时间”列：“abc”不是数字');
      return;
    }
    throw new Error('expected an error');
  });
  it('a warning: an unknown column, with the header it probably means', () => {
    const w = buildDataset(std, [readCsv('entity,每周开放时问\n测试区,61\n', 'data.csv')]).warnings;
    expect(w.map((x) => formatWarning(x, 'zh'))).toEqual(['data.csv:1:2: 未知列“每周开放时问”，已忽略（是否应为“每周开放时间”？）']);
    expect(w.map((x) => formatWarning(x, 'en'))).toEqual(['data.csv:1:2: unknown column "每周开放时问" ignored (did you mean "每周开放时间"?)']);
  });
  it('an expired waiver, and a bad evidence record', () => {
    const data = buildDataset(std, [readCsv('entity,每周开放时间\n测试区,61\n', 'data.csv')]);
    const { warnings } = readWaivers('- { indicator: T-01, entity: 测试区, reason: x, approvedBy: y, expires: 2024-01-31 }\n', 'waivers.yaml', std, knownNames(data), '2024-06-30');
    expect(warnings.map((w) => formatWarning(w, 'zh'))).toEqual(['waivers.yaml:1: T-01（测试区）的豁免已于 2024-01-31 过期，已忽略']);
    expect(warnings.map((w) => formatWarning(w, 'en'))).toEqual(['waivers.yaml:1: waiver for T-01 (测试区) expired on 2024-01-31; ignored']);
    const bad = lines(() => readAttestations('- { indicator: T-1, entity: 测试区, status: 是, evidence: x, attestedBy: y }\n', 'evidence.yaml', std, knownNames(data), '2024-06-30'));
    expect(bad).toEqual({
      zh: 'evidence.yaml:1:16: 指标“T-1”不在 test 中（是否应为“T-01”？）',
      en: 'evidence.yaml:1:16: indicator "T-1" is not in test (did you mean "T-01"?)',
    });
  });
  it('a value read with a warning', () => {
    const r = parseValue('0.881', { key: 'rate', label: '覆盖率', type: 'percent', levels: [], aliases: [] } as never);
    expect(r.ok && r.warning).toEqual({
      zh: '“0.881”按 0.881% 读取——如果它是小数形式的比例，请写成 88.1%',
      en: '"0.881" read as 0.881% — if it is a fraction, write 88.1%',
    });
  });
});

describe('rule-file problems', () => {
  const indicator = (check: string) => `${BASE}indicators:
  - id: T-01
    number: 1
    title: 测试
    category: [测试]
    level: district
    source: 原文
    check: ${check}
`;
  it.each([
    ['an undeclared metric', '{ kind: compare, metric: hourz, op: ">=", value: 60 }', 'rule.yaml:42:37: 未知数据项“hourz”（是否应为“hours”？）', 'rule.yaml:42:37: unknown metric "hourz" (did you mean "hours"?)'],
    ['a metric of the wrong type', '{ kind: status, metric: hours }', 'rule.yaml:42:36: 数据项“hours”的类型是 number，这里需要 boolean', 'rule.yaml:42:36: metric "hours" is of type number; this needs boolean'],
    [
      'an unknown key (zod, described by dabiao)',
      '{ kind: status, metric: has_station, extra: 1 }',
      'rule.yaml:42:56: indicators.0.check：未知的键“extra”',
      'rule.yaml:42:56: indicators.0.check: unknown key "extra"',
    ],
    [
      'an unknown operator (zod\'s own words, from its Chinese locale)',
      '{ kind: compare, metric: hours, op: "≥", value: 60 }',
      'rule.yaml:42:48: indicators.0.check.op：无效选项：期望以下之一 ">="|">"|"<="|"<"|"="|"between"',
      'rule.yaml:42:48: indicators.0.check.op: Invalid option: expected one of ">="|">"|"<="|"<"|"="|"between"',
    ],
    [
      'a fraction written wrong (the schema\'s own message)',
      '{ kind: compare, metric: hours, op: ">=", value: "1-3" }',
      'rule.yaml:42:61: indicators.0.check.value：分数要写成“1/3”这样',
      'rule.yaml:42:61: indicators.0.check.value: a fraction is written like "1/3"',
    ],
  ])('%s', (_, check, zh, en) => {
    expect(lines(() => loadStandardText(indicator(check), 'rule.yaml'))).toEqual({ zh, en });
  });
  it('a YAML syntax error keeps the parser\'s words inside a Chinese sentence', () => {
    const got = lines(() => loadStandardText('format: 1\nid: [unclosed\n', 'rule.yaml'));
    expect(got.zh).toMatch(/^rule\.yaml:\d+:\d+: YAML 语法错误：\S/);
    expect(got.en).toBe(got.zh.replace('YAML 语法错误：', ''));
  });
  it('a lint warning', () => {
    const s = standardWithCheck('{ kind: status, metric: policy }', '    evidence: 政策文件\n');
    expect(s.warnings!.map((w) => formatProblem(w, 'zh'))).toEqual([
      expect.stringMatching(/^test\.yaml:\d+:\d+: T-01 写明了依据（“政策文件”），但没有哪项检查要求它：请把由人判定的条款写成 manual 检查$/),
    ]);
  });
  it('RuleFileError.message is the English', () => {
    try {
      loadStandardText(indicator('{ kind: status, metric: hours }'), 'rule.yaml');
    } catch (e) {
      expect(e).toBeInstanceOf(RuleFileError);
      expect((e as Error).message).toBe('rule.yaml:42:36: metric "hours" is of type number; this needs boolean');
      return;
    }
    throw new Error('expected an error');
  });
});

describe('usage errors', () => {
  it.each([
    ['--tier', () => parseTiers(std, 'dream'), '--tier “dream”：test 的目标层级有 standard、goal、both', '--tier "dream": test has tiers standard, goal, both'],
    ['--as-of', () => parseAsOfOption('23'), '--as-of “23”：请给出年份或月份，例如 2025 或 2020-03', '--as-of "23": give a year or a month, such as 2025 or 2020-03'],
  ])('%s', (_, fn, zh, en) => {
    expect(lines(fn)).toEqual({ zh, en });
  });
  it('UsageError.message is the English', () => {
    expect(new UsageError(say('中文', 'English')).message).toBe('English');
  });
  it('a system error names the file in both', () => {
    const e = Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT', path: 'nope.csv' });
    expect(describeError(e, 'zh')).toEqual(['nope.csv: 文件不存在']);
    expect(describeError(e, 'en')).toEqual(['nope.csv: no such file']);
  });
});

describe('the CLI speaks Chinese by default and English when asked, with the same exit code', () => {
  const GS = 'fixtures/gongshu-district.csv';
  it.each([
    [
      'a data error',
      ['check', '--standard', 'gongshu-53', 'fixtures/broken/not-a-number.csv'],
      'dabiao: fixtures/broken/not-a-number.csv:2:4: “区图书馆每周开放时间”列：“abc”不是数字',
      'dabiao: fixtures/broken/not-a-number.csv:2:4: column "区图书馆每周开放时间": "abc" is not a number',
    ],
    [
      'a rule-file error',
      ['check', '--standard', 'fixtures/broken/bad-rule.yaml', GS],
      'dabiao: fixtures/broken/bad-rule.yaml:46:39: 未知数据项“reading_room_hours_weekly”',
      'dabiao: fixtures/broken/bad-rule.yaml:46:39: unknown metric "reading_room_hours_weekly"',
    ],
    [
      'a usage error',
      ['check', '--standard', 'gongshu-35', GS],
      'dabiao: 未知标准“gongshu-35”（是否应为“gongshu-53”？）；内置标准有：gongshu-53、wenzhou-72（也可给出 .yaml 规则文件的路径）',
      'dabiao: unknown standard "gongshu-35" (did you mean "gongshu-53"?); built-in: gongshu-53, wenzhou-72 (or give a path to a .yaml rule file)',
    ],
    ['a missing file', ['check', '--standard', 'gongshu-53', 'nope.csv'], 'dabiao: nope.csv: 文件不存在', 'dabiao: nope.csv: no such file'],
  ])('%s', (_, args, zh, en) => {
    const inChinese = dabiao(args);
    expect(inChinese.code).toBe(2);
    expect(inChinese.stderr.split('\n')).toContain(zh);
    const inEnglish = dabiao(args, undefined, { DABIAO_LANG: 'en' });
    expect(inEnglish.code).toBe(2);
    expect(inEnglish.stderr.split('\n')).toContain(en);
    expect(dabiao([...args, '--lang', 'en']).stderr).toBe(inEnglish.stderr);
  });
  it('a warning', () => {
    const args = ['check', '--standard', 'gongshu-53', '--fail-on', 'never', 'fixtures/broken/unknown-column.csv'];
    const zh = dabiao(args);
    expect(zh.code).toBe(0);
    expect(zh.stderr).toBe('警告：fixtures/broken/unknown-column.csv:1:4: 未知列“人均藏叔”，已忽略（是否应为“人均藏书”？）\n');
    expect(dabiao([...args, '--lang', 'en']).stderr).toBe('warning: fixtures/broken/unknown-column.csv:1:4: unknown column "人均藏叔" ignored (did you mean "人均藏书"?)\n');
  });
  it('validate-standard', () => {
    const r = dabiao(['validate-standard', 'standards/gongshu-53.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^通过：standards\/gongshu-53\.yaml — gongshu-53《.+》：53 项指标，\d+ 个数据项，3 个层级，目标层级 standard\n$/);
  });
  it('an unknown DABIAO_LANG is said in both, since the language is what is wrong', () => {
    const r = dabiao(['standards', 'list'], undefined, { DABIAO_LANG: 'fr' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('dabiao: DABIAO_LANG="fr": 语言只能是 zh、en; languages are zh, en\n');
  });
});
