// Every format, produced from the shipped fixtures and read back: CSV with csv-parse, JUnit XML validated against
// the JUnit schema CI servers read, Markdown tables, GitHub workflow commands.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { validateXML } from 'xmllint-wasm';
import { dabiao, ROOT } from './helpers.js';
import { neutralise } from '../src/report/csv/index.js';
import { escapeData, escapeProperty } from '../src/report/github/index.js';
import { xml } from '../src/report/junit/index.js';
import { cell } from '../src/report/markdown/index.js';

const GS = 'fixtures/gongshu-district.csv';
const WZ = 'fixtures/wenzhou-2017-baseline.csv';
const run = (args: string[]) => {
  const r = dabiao(args);
  if (r.code !== 0 && r.code !== 1) throw new Error(r.stderr);
  return r.stdout;
};
const json = (args: string[]) => JSON.parse(run([...args, '--format', 'json']));

describe('csv', () => {
  const args = ['check', '--standard', 'gongshu-53', '--level', '区,街道', GS];
  it('starts with a BOM, and reads back with csv-parse to one row per result with the JSON\'s statuses', () => {
    const text = run([...args, '--format', 'csv']);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    const results = json(args).results as { entity: string; indicator: string; status: string }[];
    expect(rows).toHaveLength(results.length);
    expect(rows.map((r) => `${r['对象']}/${r['指标编号']}/${r['结果代码']}`)).toEqual(results.map((r) => `${r.entity}/${r.indicator}/${r.status}`));
    const gs14 = rows.find((r) => r['对象'] === '拱墅区' && r['指标编号'] === 'GS-14')!;
    expect(gs14).toMatchObject({ 数值: '22', 单位: '项', 差距: '2', 差距单位: '项', 结果: '未达标' });
  });
  it('gaps and compare too, in English with --lang en', () => {
    const args = ['gaps', '--standard', 'wenzhou-72', '--as-of', '2020-12', '--lang', 'en', WZ];
    const gaps = parse(run([...args, '--format', 'csv']).slice(1), { columns: true }) as Record<string, string>[];
    expect(Object.keys(gaps[0]!).slice(0, 4)).toEqual(['group', 'lead', 'overdue', 'entity']);
    const out = json(args);
    const items = out.groups.reduce((n: number, g: { items: unknown[] }) => n + g.items.length, 0) + out.pending.length + out.waived.length;
    expect(gaps).toHaveLength(items);
    expect(gaps.filter((g) => g.lead === '▲').length).toBe(out.groups.flatMap((g: { items: { lead: boolean }[] }) => g.items).filter((i: { lead: boolean }) => i.lead).length);
    const cmp = parse(run(['compare', '--standard', 'wenzhou-72', '--format', 'csv', WZ, 'fixtures/wenzhou-2019.csv']).slice(1), { columns: true }) as Record<string, string>[];
    expect(cmp.find((r) => r['指标编号'] === 'WZ-G07')!['变化']).toBe('新未达标');
  });
  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['拱墅区', '拱墅区'],
    [-5, -5],
  ])('neutralises formula cells: %j → %j', (input, out) => expect(neutralise(input)).toEqual(out));
  it('an entity named like a formula comes out as text', () => {
    const csv = 'entity,level,parent,每周开放时间\n拱墅区,区,,\n=cmd|calc,街道,拱墅区,\n';
    const r = dabiao(['check', '--standard', 'gongshu-53', '--input-format', 'csv', '--format', 'csv', '--level', '街道', '-i', 'GS-07', '-'], csv);
    expect(r.stdout).toContain("'=cmd|calc");
    expect(r.stdout).not.toMatch(/^=cmd/m);
  });
});

describe('junit', () => {
  const schema = fs.readFileSync(path.join(ROOT, 'test/schemas/junit.xsd'), 'utf8');
  const valid = async (text: string) => validateXML({ xml: [{ fileName: 'report.xml', contents: text }], schema: [{ fileName: 'junit.xsd', contents: schema }] });
  it('validates against the JUnit schema: a testsuite per entity, a testcase per indicator and tier', async () => {
    const args = ['check', '--standard', 'wenzhou-72', '--tier', 'both', 'fixtures/wenzhou-counties.csv', 'fixtures/wenzhou-townships.csv'];
    const text = run([...args, '--format', 'junit']);
    const v = await valid(text);
    expect(v.errors).toEqual([]);
    expect(v.valid).toBe(true);
    const results = json(args).results as { entity: string; status: string }[];
    expect((text.match(/<testcase /g) ?? []).length).toBe(results.length);
    expect((text.match(/<testsuite /g) ?? []).length).toBe(new Set(results.map((r) => r.entity)).size);
    expect((text.match(/<failure /g) ?? []).length).toBe(results.filter((r) => r.status === 'fail').length);
  });
  it('missing is <skipped> by default and <error> with --fail-on missing; manual and waived are <skipped>', async () => {
    const args = ['check', '--standard', 'wenzhou-72', '--as-of', '2020-12', '--waivers', 'fixtures/wenzhou-waivers.yaml', WZ, '--format', 'junit'];
    const plain = run(args);
    const strict = run([...args, '--fail-on', 'missing']);
    expect((await valid(plain)).valid).toBe(true);
    expect((await valid(strict)).valid).toBe(true);
    expect(plain).not.toContain('<error ');
    expect(plain).toContain('<skipped type="missing"');
    expect(strict).toContain('<error type="missing"');
    expect(plain).toContain('<skipped type="manual"');
    expect(plain).toMatch(/<skipped type="waived" message="已豁免：[^"]*温政办函/);
  });
  it('escapes text and drops characters XML cannot hold', () => {
    expect(xml('a<b & "c" \u0001')).toBe('a&lt;b &amp; &quot;c&quot; ');
  });
});

describe('markdown', () => {
  it('the summary and the gap list, grouped like the table', () => {
    const text = run(['check', '--standard', 'gongshu-53', GS, '--format', 'markdown']);
    expect(text).toMatch(/^# 拱墅区公共文化服务现代化标准 \(gongshu-53\)/);
    expect(text).toContain('| 拱墅区 | 现代化标准 | 35 | 6 | 4 | 7 | 0 | 0 | 1 |');
    expect(text).toContain('#### 服务供给 › 免费开放');
    expect(text).toMatch(/\| GS-20 \| [^|]+ \| 未达标 \|/);
    expect(text).not.toMatch(/\| GS-01 \|/); // passes: not in the gap list
  });
  it('cells cannot break the table or inject markup', () => {
    expect(cell('a|b\nc<script>')).toBe('a\\|b<br>c&lt;script&gt;');
  });
  it('gaps by owner: one section per unit', () => {
    const text = run(['gaps', '--standard', 'wenzhou-72', '--as-of', '2020-12', WZ, '--format', 'markdown']);
    expect(text).toMatch(/^## 市文广新局$/m);
  });
});

describe('github', () => {
  it('one ::error per failing result, on the cell that holds the value; ::warning for missing and manual', () => {
    const args = ['check', '--standard', 'gongshu-53', GS];
    const lines = run([...args, '--format', 'github']).trim().split('\n');
    const results = json(args).results as { status: string }[];
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(results.filter((r) => r.status === 'fail').length);
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(results.filter((r) => r.status === 'missing' || r.status === 'manual').length);
    // GS-20 fails on 长庆街道's branch library, 46小时: the annotation points at that cell of the data file.
    const gs20 = lines.find((l) => l.includes('GS-20'))!;
    const header = fs.readFileSync(GS, 'utf8').split('\n')[0]!.split(',');
    const row = fs.readFileSync(GS, 'utf8').split('\n').findIndex((l) => l.startsWith('长庆街道,')) + 1;
    expect(gs20).toContain(`file=${GS},line=${row},col=${header.indexOf('街道分馆每周开放时间') + 1}`);
  });
  it('--fail-on missing makes missing data an error', () => {
    const lines = run(['check', '--standard', 'gongshu-53', '--fail-on', 'missing', GS, '--format', 'github']).trim().split('\n');
    expect(lines.some((l) => l.startsWith('::error ') && l.includes('GS-28'))).toBe(true);
  });
  it('escapes workflow-command data and properties', () => {
    expect(escapeData('50%\r\nx')).toBe('50%25%0D%0Ax');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
  });
});
