// Data readers: CSV and JSON, wide and long, UTF-8/BOM/GBK, headers by key, label or indicator id, and errors
// that name file, line and column.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readCsv } from '../src/data/csv.js';
import { readJson } from '../src/data/json.js';
import { decode } from '../src/data/encoding.js';
import { buildDataset, DataErrors } from '../src/data/dataset.js';
import { DataError } from '../src/data/records.js';
import { standardWithCheck } from './helpers.js';

const std = standardWithCheck('{ kind: compare, metric: hours, op: ">=", value: 60 }', '    metric: hours\n');
const csv = (text: string) => buildDataset(std, [readCsv(text, 'data.csv')]);
const hoursOf = (text: string, name = '测试区') => {
  const e = csv(text).entities.find((x) => x.name === name);
  const v = e?.values.get('hours');
  return v?.kind === 'number' ? v.value : undefined;
};
const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DataErrors) return e.errors.map((x) => x.message).join('\n');
    if (e instanceof DataError) return e.message;
    throw e;
  }
  throw new Error('expected an error');
};

describe('headers', () => {
  it.each([
    ['hours', 'the metric key'],
    ['每周开放时间', 'the Chinese label'],
    ['T-01', 'the indicator id of a one-value indicator'],
    [' 每周开放时间 ', 'with stray spaces'],
  ])('%s (%s)', (header) => {
    expect(hoursOf(`entity,${header}\n测试区,61\n`)).toBe(61);
  });
  it('Chinese names for the reserved columns', () => {
    expect(hoursOf('名称,层级,每周开放时间\n测试区,区,61\n')).toBe(61);
  });
  it('an unknown column is a warning with a suggestion', () => {
    const d = csv('entity,每周开放时问\n测试区,61\n');
    expect(d.warnings.map((w) => w.message.en)).toEqual(['unknown column "每周开放时问" ignored (did you mean "每周开放时间"?)']);
    expect(d.warnings[0]).toMatchObject({ line: 1, col: 2 });
  });
});

describe('an indicator id over several yes/no items', () => {
  it('answers all of them', () => {
    const s = standardWithCheck('{ kind: all, of: [{ kind: status, metric: has_station }, { kind: status, metric: policy }] }');
    const d = buildDataset(s, [readCsv('entity,T-01\n测试区,是\n', 'data.csv')]);
    expect(d.entities[0]!.values.get('has_station')).toEqual({ kind: 'boolean', value: true });
    expect(d.entities[0]!.values.get('policy')).toEqual({ kind: 'boolean', value: true });
  });
  it('is an error over items that are not all yes/no', () => {
    const s = standardWithCheck('{ kind: all, of: [{ kind: status, metric: has_station }, { kind: compare, metric: hours, op: ">=", value: 1 }] }');
    expect(errorOf(() => buildDataset(s, [readCsv('entity,T-01\n测试区,是\n', 'data.csv')]))).toContain('T-01 is not measured by one value at 区 level');
  });
});

describe('CSV shapes', () => {
  it('semicolon- and tab-separated files', () => {
    expect(hoursOf('entity;每周开放时间\n测试区;61\n')).toBe(61);
    expect(hoursOf('entity\t每周开放时间\n测试区\t61\n')).toBe(61);
  });
  it('quoted thousands separators', () => {
    expect(hoursOf('entity,每周开放时间\n测试区,"1,500"\n')).toBe(1500);
  });
  it('CRLF line ends and trailing empty columns from Excel', () => {
    expect(hoursOf('entity,每周开放时间,,\r\n测试区,61,,\r\n')).toBe(61);
  });
  it('long format: entity, metric, value', () => {
    expect(hoursOf('entity,level,metric,value\n测试区,区,每周开放时间,61\n')).toBe(61);
  });
  it('long format with Chinese headers', () => {
    expect(hoursOf('名称,指标,数值\n测试区,T-01,62\n')).toBe(62);
  });
});

describe('encodings', () => {
  const text = 'entity,每周开放时间\n测试区,63\n';
  it.each([
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['GBK', iconv.encode(text, 'gbk')],
    ['GB18030', iconv.encode(text, 'gb18030')],
  ])('%s is detected', (_, bytes) => {
    const { text: decoded } = decode(bytes);
    expect(hoursOf(decoded)).toBe(63);
  });
  it('GBK is detected even when the Chinese comes late in the file', () => {
    const long = `entity,hours\n${'x,1\n'.repeat(5000)}测试区,64\n`;
    expect(decode(iconv.encode(long, 'gbk')).encoding).toBe('gb18030');
  });
  it('an encoding can be forced', () => {
    expect(decode(iconv.encode(text, 'gbk'), 'gbk').text).toBe(text);
  });
});

describe('JSON', () => {
  const json = (text: string) => buildDataset(std, [readJson(text, 'data.json')]);
  it('an array of rows', () => {
    const d = json('[{"entity":"测试区","level":"区","每周开放时间":61}]');
    expect(d.entities[0]?.values.get('hours')).toEqual({ kind: 'number', value: 61 });
  });
  it('an object with entities and nested values', () => {
    const d = json('{"entities":[{"entity":"测试区","values":{"hours":"61小时"}}]}');
    expect(d.entities[0]?.values.get('hours')).toEqual({ kind: 'number', value: 61 });
  });
  it('a bad value is reported at its line and column', () => {
    expect(errorOf(() => json('[\n  {"entity": "测试区",\n   "每周开放时间": "abc"}\n]'))).toBe('data.json:3:14: column "每周开放时间": "abc" is not a number');
  });
  it('invalid JSON names the position', () => {
    expect(errorOf(() => readJson('[{"entity": }]', 'data.json'))).toMatch(/^data\.json:1:\d+: not valid JSON/);
  });
});

describe('bad data names file, line and column', () => {
  it.each([
    ['a ragged row', 'entity,level,每周开放时间\n测试区,区,61\n甲街道,街道\n', 'data.csv:3:3: row has 2 cells but the header has 3'],
    ['not a number', 'entity,每周开放时间\n测试区,abc\n', 'data.csv:2:2: column "每周开放时间": "abc" is not a number'],
    ['a unit that does not fit', 'entity,每周开放时间\n测试区,60TB\n', 'data.csv:2:2: column "每周开放时间": "60TB": unit "TB" does not fit 每周开放时间 (expected a number in 小时)'],
    ['a duplicate entity', 'entity,每周开放时间\n测试区,1\n测试区,2\n', 'data.csv:3: duplicate entity "测试区" (first on line 2)'],
    ['an unknown level', 'entity,level\n测试区,省\n', 'data.csv:2:2: unknown level "省"; levels: 区 / 街道 / 社区'],
    ['a parent that does not exist', 'entity,level,parent\n测试区,区,\n甲街道,街道,测试区\n一社区,社区,乙街道\n', 'data.csv:4:3: parent "乙街道" is not among the 街道 rows'],
    ['a misspelt parent', 'entity,level,parent\n测试区,区,\n甲街道,街道,测试区\n一社区,社区,申街道\n', 'did you mean "甲街道"?'],
    ['a value given twice in long data', 'entity,metric,value\n测试区,hours,1\n测试区,每周开放时间,2\n', 'data.csv:3:2: "每周开放时间" for "测试区" is given twice (first on line 2)'],
    ['a rate computed from impossible parts', 'entity,藏书量,服务人口\n测试区,-5,10\n', 'data.csv:2:2: column "藏书量": "-5" is below 0 册'],
    ['no entity column', 'name2,hours\nx,1\n', 'data.csv:1:1: no entity column'],
    // Two columns for one role would let the second silently win (a street judged as the district).
    ['entity twice', 'entity,level,entity\n测试区,区,甲街道\n', 'data.csv:1:3: columns "entity" (column 1) and "entity" (column 3) both give the entity; keep one'],
    ['entity and 名称', 'entity,名称,每周开放时间\n测试区,甲街道,61\n', 'data.csv:1:2: columns "entity" (column 1) and "名称" (column 2) both give the entity; keep one'],
    ['level and 层级', 'entity,level,层级\n测试区,区,街道\n', 'both give the level'],
    ['parent and 上级', 'entity,parent,上级\n甲街道,测试区,测试区\n', 'both give the parent'],
    ['a metric header twice', 'entity,每周开放时间,每周开放时间\n测试区,61,62\n', 'data.csv:1:3: column 3 has the same header "每周开放时间" as column 2'],
    ['a number too large to be finite', 'entity,每周开放时间\n测试区,1e309\n', 'data.csv:2:2: column "每周开放时间": "1e309" is too large to be a number'],
  ])('%s', (_, text, message) => {
    expect(errorOf(() => csv(text))).toContain(message);
  });
});

describe('values must be finite numbers', () => {
  it('a thousand-digit figure is refused, and the message quotes it cut short', () => {
    const message = errorOf(() => csv(`entity,每周开放时间\n测试区,${'9'.repeat(1000)}\n`));
    expect(message).toContain('is too large to be a number');
    expect(message.length).toBeLessThan(200);
  });
  it('in JSON too', () => {
    expect(errorOf(() => buildDataset(std, [readJson('[{"entity": "测试区", "每周开放时间": 1e309}]', 'data.json')]))).toContain('not a finite number');
  });
  it('a key given twice in one JSON row is an error, not a silent second value', () => {
    expect(errorOf(() => readJson('[{"entity": "测试区", "entity": "甲街道"}]', 'data.json'))).toContain('data.json:1:20: "entity" is given twice in one row');
  });
});

describe('several files', () => {
  const two = (a: string, b: string) => buildDataset(std, [readCsv(a, 'a.csv'), readCsv(b, 'b.csv')]);
  it('may repeat a figure', () => {
    expect(two('entity,每周开放时间\n测试区,110万\n', 'entity,hours\n测试区,1100000\n').entities[0]!.values.get('hours')).toEqual({ kind: 'number', value: 1100000 });
  });
  it('may not disagree on it', () => {
    expect(errorOf(() => two('entity,每周开放时间\n测试区,60\n', 'entity,hours\n测试区,61\n'))).toContain('b.csv:2:2: "每周开放时间" for "测试区" is given twice with different values (first in a.csv line 2)');
  });
});

describe('the entity tree', () => {
  it('streets and communities without a district row roll up to the region', () => {
    const d = csv('entity,level,parent,每周开放时间\n甲街道,街道,,50\n一社区,社区,甲街道,40\n');
    const root = d.roots[0]!;
    expect(root.name).toBe('测试区');
    expect(root.origin).toBeUndefined();
    expect(root.children.map((c) => c.name)).toEqual(['甲街道']);
    expect(root.children[0]!.children.map((c) => c.name)).toEqual(['一社区']);
  });
  it('a parent named but absent is inferred when its level has no rows', () => {
    const d = csv('entity,level,parent\n一社区,社区,甲街道\n二社区,社区,甲街道\n');
    const street = d.entities.find((e) => e.name === '甲街道')!;
    expect(street.level).toBe('street');
    expect(street.children).toHaveLength(2);
    expect(street.parent?.name).toBe('测试区');
  });
  it('levels follow from parents when no level column is given', () => {
    const d = csv('entity,parent\n测试区,\n甲街道,测试区\n一社区,甲街道\n');
    expect(d.entities.map((e) => e.level)).toEqual(['district', 'street', 'community']);
  });
});
