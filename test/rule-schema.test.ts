// Rule files: every problem reported at once, each with file:line:col.
import { describe, expect, it } from 'vitest';
import { loadStandardText, RuleFileError, formatProblem } from '../src/standard/load.js';
import { BASE } from './helpers.js';

function problems(yaml: string): string[] {
  try {
    loadStandardText(yaml, 'rule.yaml');
  } catch (e) {
    if (e instanceof RuleFileError) return e.problems.map((p) => formatProblem(p, 'en'));
    throw e;
  }
  throw new Error('expected the rule file to be rejected');
}

const indicator = (body: string) => `${BASE}indicators:
  - id: T-01
    number: 1
    title: 测试
    category: [测试]
    level: district
    source: 原文
${body}`;
const lineOf = (yaml: string, needle: string) => yaml.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('rule-file problems carry positions', () => {
  it.each([
    ['an unknown key', '    threshold: 60\n    check: { kind: status, metric: has_station }\n', 'threshold: 60', 'unknown key "threshold"'],
    ['an unknown operator', '    check: { kind: compare, metric: hours, op: "≥", value: 60 }\n', 'op: "≥"', 'check.op: Invalid option'],
    ['an undeclared metric', '    check: { kind: compare, metric: hourz, op: ">=", value: 60 }\n', 'hourz', 'unknown metric "hourz" (did you mean "hours"?)'],
    ['a metric of the wrong type', '    check: { kind: status, metric: hours }\n', 'kind: status', 'metric "hours" is of type number; this needs boolean'],
    ['an unknown level', '    check: { kind: each, level: 省, check: { kind: status, metric: has_station } }\n', 'level: 省', 'unknown level "省"'],
    ['a grade not on the scale', '    check: { kind: grade, metric: grade, atLeast: 五级 }\n', '五级', 'grade "五级" is not on the scale'],
    ['between without a range', '    check: { kind: compare, metric: hours, op: between, value: 60 }\n', 'between', 'between needs [low, high]'],
    ['stages out of order', '    check: { kind: stages, stages: [{ year: 2025, check: { kind: na, reason: x } }, { year: 2023, check: { kind: na, reason: x } }] }\n', 'stages', 'stage years must increase'],
    ['an unknown tier', '    check: { kind: status, metric: has_station }\n    tiers: { dream: { kind: status, metric: has_station } }\n', 'dream', 'unknown tier "dream"'],
    ['an unknown check kind', '    check: { kind: maybe, metric: has_station }\n', 'kind: maybe', 'check'],
  ])('%s', (_, body, needle, message) => {
    const yaml = indicator(body);
    const found = problems(yaml);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^rule\\.yaml:${lineOf(yaml, needle)}:\\d+: `));
    expect(found[0]).toContain(message);
  });

  it('reports every problem in one run, schema and references alike', () => {
    const yaml = `${BASE}indicators:
  - id: T-01
    number: 1
    title: 测试
    category: [测试]
    level: district
    source: 原文
    check: { kind: compare, metric: nope, op: ">=", value: 1 }
  - id: T-02
    number: 2
    title: 测试
    category: [测试]
    level: district
    check: { kind: status, metric: has_station }
  - id: T-01
    number: 3
    title: 测试
    category: [测试]
    level: district
    source: 原文
    check: { kind: status, metric: has_station, extra: 1 }
`;
    const found = problems(yaml);
    expect(found.some((p) => p.includes('unknown metric "nope"'))).toBe(true);
    expect(found.some((p) => p.includes('missing required key "source"'))).toBe(true);
    expect(found.some((p) => p.includes('unknown key "extra"'))).toBe(true);
    expect(found.length).toBeGreaterThanOrEqual(3);
  });

  it('YAML syntax errors have positions too', () => {
    expect(problems('format: 1\nid: [unclosed\n')[0]).toMatch(/^rule\.yaml:\d+:\d+: /);
  });

  it('a duplicate indicator id', () => {
    const yaml = indicator('    check: { kind: status, metric: has_station }\n') + indicator('    check: { kind: status, metric: has_station }\n').split('indicators:\n')[1];
    expect(problems(yaml).some((p) => p.includes('duplicate indicator id "T-01"'))).toBe(true);
  });
});

describe('the built-in standards are valid', () => {
  it.each(['gongshu-53', 'wenzhou-72'])('%s', async (id) => {
    const fs = await import('node:fs');
    const file = new URL(`../standards/${id}.yaml`, import.meta.url);
    const std = loadStandardText(fs.readFileSync(file, 'utf8'), `${id}.yaml`);
    expect(std.id).toBe(id);
  });
});
