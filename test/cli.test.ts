// The CLI end to end, spawned with colour off: stdout, stderr and exit codes.
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dabiao } from './helpers.js';

const GS = 'fixtures/gongshu-district.csv';
/** These tests read dabiao's English (Chinese is the default). */
const EN = { DABIAO_LANG: 'en' };

describe('dabiao check', () => {
  it('prints a table grouped by category with a summary line per entity', () => {
    const r = dabiao(['check', '--standard', 'gongshu-53', GS]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('拱墅区（区）');
    expect(r.stdout).toContain('服务设施 › 区级文化设施');
    expect(r.stdout).toMatch(/拱墅区 {2}\d+ 达标 · \d+ 未达标 · \d+ 缺数据 · \d+ 待核查/);
    expect(r.stdout).not.toMatch(/\u001b\[/); // NO_COLOR
  });
  it('exits 1 when something fails (default --fail-on fail)', () => {
    expect(dabiao(['check', '--standard', 'gongshu-53', GS]).code).toBe(1);
  });
  it('--fail-on never exits 0', () => {
    expect(dabiao(['check', '--standard', 'gongshu-53', '--fail-on', 'never', GS]).code).toBe(0);
  });
  it('exits 0 when everything selected passes, 1 with --fail-on missing when something is missing', () => {
    expect(dabiao(['check', '--standard', 'gongshu-53', '-i', 'GS-01', '-i', 'GS-13', GS]).code).toBe(0);
    expect(dabiao(['check', '--standard', 'gongshu-53', '-i', 'GS-28', GS]).code).toBe(0);
    expect(dabiao(['check', '--standard', 'gongshu-53', '-i', 'GS-28', '--fail-on', 'missing', GS]).code).toBe(1);
  });
  it('JSON output is stable: schemaVersion, summary, results with target and gap', () => {
    const r = dabiao(['check', '--standard', 'gongshu-53', '--format', 'json', GS]);
    const out = JSON.parse(r.stdout);
    expect(out.schemaVersion).toBe(2);
    expect(out.standard.id).toBe('gongshu-53');
    expect(out.results).toHaveLength(53);
    const gs14 = out.results.find((x: { indicator: string }) => x.indicator === 'GS-14');
    expect(gs14).toMatchObject({ entity: '拱墅区', level: 'district', tier: 'standard', status: 'fail', value: 22, gap: { amount: 2 } });
    expect(gs14.target.text).toContain('≥ 24');
    const sum = out.summary[0];
    expect(sum.pass + sum.fail + sum.missing + sum.manual + sum.na).toBe(53);
  });
  it('reads stdin with --input-format', () => {
    const r = dabiao(['check', '--standard', 'gongshu-53', '--input-format', 'csv', '--format', 'json', '-i', 'GS-13', '-'], 'entity,GS-13\n拱墅区,100万\n');
    expect(JSON.parse(r.stdout).results[0].status).toBe('pass');
  });
  it('--output writes the whole report to a file and never over an input', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-'));
    const out = path.join(dir, 'report.json');
    const r = dabiao(['check', '--standard', 'gongshu-53', '--format', 'json', '--fail-on', 'never', '-o', out, GS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).results).toHaveLength(53);
    const copy = path.join(dir, 'data.csv');
    fs.copyFileSync(GS, copy);
    const before = fs.readFileSync(copy);
    const clash = dabiao(['check', '--standard', 'gongshu-53', '-o', copy, copy], undefined, EN);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('is the same file as the input');
    expect(fs.readFileSync(copy)).toEqual(before);
  });
  it('--level takes several levels: the district and its streets in one run', () => {
    const r = dabiao(['check', '--standard', 'gongshu-53', '--format', 'json', '-i', 'GS-07', '--level', '区,街道', GS]);
    const levels = new Set(JSON.parse(r.stdout).results.map((x: { level: string }) => x.level));
    expect([...levels].sort()).toEqual(['district', 'street']);
  });
  it('a street-level indicator-id column fills what the street contributes (GS-27: "每年为每个街道送演出平均5场以上")', () => {
    const csv = `entity,level,parent,GS-27\n拱墅区,区,,\n${['米市巷街道', '湖墅街道'].map((s, i) => `${s},街道,拱墅区,${i ? 4 : 6}`).join('\n')}\n`;
    const r = dabiao(['check', '--standard', 'gongshu-53', '--input-format', 'csv', '--format', 'json', '-i', 'GS-27', '-'], csv);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).results[0].status).toBe('missing'); // 16 streets not given; 6 and 4 average 5
  });
  it('--only filters by class, --indicator by id', () => {
    const r = dabiao(['check', '--standard', 'gongshu-53', '--format', 'json', '-i', 'GS-14,GS-20', GS]);
    expect(JSON.parse(r.stdout).results.map((x: { indicator: string }) => x.indicator)).toEqual(['GS-14', 'GS-20']);
  });
});

describe('bad usage and bad input: one line, exit 2, no stack trace', () => {
  it.each([
    ['an unknown standard', ['check', '--standard', 'gongshu-35', GS], 'unknown standard "gongshu-35" (did you mean "gongshu-53"?)'],
    ['an unknown format', ['check', '--standard', 'gongshu-53', '--format', 'xml', GS], "argument 'xml' is invalid"],
    ['an unknown indicator', ['check', '--standard', 'gongshu-53', '-i', 'GS-99', GS], '--indicator "GS-99" is not in gongshu-53'],
    ['an unknown tier', ['check', '--standard', 'gongshu-53', '--tier', 'goal', GS], '--tier "goal"'],
    ['an unknown level', ['check', '--standard', 'gongshu-53', '--level', '省', GS], '--level "省"'],
    ['a bad year', ['check', '--standard', 'gongshu-53', '--as-of', '23', GS], '--as-of "23"'],
    ['a missing file', ['check', '--standard', 'gongshu-53', 'nope.csv'], 'nope.csv: no such file'],
    ['an unknown extension', ['check', '--standard', 'gongshu-53', 'README.md'], 'cannot tell the format'],
    ['stdin without a format', ['check', '--standard', 'gongshu-53', '-'], 'needs --input-format'],
    ['a ragged row', ['check', '--standard', 'gongshu-53', 'fixtures/broken/ragged-row.csv'], 'fixtures/broken/ragged-row.csv:'],
    ['not a number', ['check', '--standard', 'gongshu-53', 'fixtures/broken/not-a-number.csv'], 'is not a number'],
    ['a unit that does not fit', ['check', '--standard', 'gongshu-53', 'fixtures/broken/wrong-unit.csv'], 'unit "TB" does not fit'],
    ['a duplicate entity', ['check', '--standard', 'gongshu-53', 'fixtures/broken/duplicate-entity.csv'], 'duplicate entity'],
    ['an unknown parent', ['check', '--standard', 'gongshu-53', 'fixtures/broken/unknown-parent.csv'], 'did you mean "米市巷街道"?'],
    ['a folder given as data', ['check', '--standard', 'gongshu-53', '--input-format', 'csv', 'fixtures'], 'fixtures: is a folder, not a file'],
    ['a header and no rows', ['check', '--standard', 'gongshu-53', '--input-format', 'csv', '-'], 'the file has a header but no data rows'],
    ['a street twice', ['check', '--standard', 'gongshu-53', '--input-format', 'csv', '-'], 'duplicate entity "米市巷街道"'],
    ['filters that leave nothing', ['check', '--standard', 'wenzhou-72', '--only', 'key', '-i', 'WZ-G04', 'fixtures/wenzhou-2017-baseline.csv'], 'no indicator is both --only key and --indicator WZ-G04'],
    ['a level with no rows', ['check', '--standard', 'wenzhou-72', '--level', '村', 'fixtures/wenzhou-2017-baseline.csv'], 'nothing to check: no entity at 村'],
    ['a broken rule file', ['check', '--standard', 'fixtures/broken/bad-rule.yaml', GS], 'fixtures/broken/bad-rule.yaml:'],
  ])('%s', (name, args, message) => {
    const stdin: Record<string, string> = {
      'a header and no rows': 'entity,level\n',
      'a street twice': 'entity,level,parent,阅报栏\n米市巷街道,街道,拱墅区,1\n米市巷街道,街道,湖墅街道,1\n',
    };
    const r = dabiao(args, stdin[name], EN);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    expect(r.stdout).toBe('');
  });
  it('an unknown column is a warning on stderr, not an error', () => {
    const r = dabiao(['check', '--standard', 'gongshu-53', '--fail-on', 'never', 'fixtures/broken/unknown-column.csv'], undefined, EN);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('unknown column "人均藏叔" ignored (did you mean "人均藏书"?)');
  });
  it('validate-standard lists every mistake of a broken rule file', () => {
    const r = dabiao(['validate-standard', 'fixtures/broken/bad-rule.yaml']);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(4);
    for (const l of lines) expect(l).toMatch(/^dabiao: fixtures\/broken\/bad-rule\.yaml:\d+:\d+: /);
  });
});

describe('standards, template, validate-standard', () => {
  it('standards list names the built-ins', () => {
    const r = dabiao(['standards', 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('gongshu-53');
  });
  it('standards show prints an indicator with its source text and target', () => {
    const r = dabiao(['standards', 'show', 'gongshu-53', 'GS-20']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('20.区图书馆、街道分馆、社区阅览室每周开放时间分别达到60小时、48小时和40小时以上。');
    expect(r.stdout).toContain('≥ 48 小时');
  });
  it('standards show --format json gives the normalized standard', () => {
    const s = JSON.parse(dabiao(['standards', 'show', 'gongshu-53', '--format', 'json']).stdout);
    expect(s.indicators).toHaveLength(53);
    expect(s.metrics[0]).toHaveProperty('key');
    expect(s.metrics[0]).toHaveProperty('label');
    expect(s.metrics[0]).toHaveProperty('levels');
  });
  it('template gives a header and one row per street, which check then reads', () => {
    const r = dabiao(['template', '--standard', 'gongshu-53', '--level', '街道']);
    expect(r.code).toBe(0);
    const lines = r.stdout.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^entity,level,parent,/);
    expect(lines).toHaveLength(19);
    expect(lines[1]).toMatch(/^米市巷街道,街道,拱墅区,/);
    const blank = dabiao(['check', '--standard', 'gongshu-53', '--input-format', 'csv', '--fail-on', 'never', '-'], r.stdout);
    expect(blank.code).toBe(0);
    expect(blank.stderr).toBe('');
  });
  it('validate-standard accepts the built-ins, with no warning', () => {
    for (const id of ['gongshu-53', 'wenzhou-72']) {
      const r = dabiao(['validate-standard', '--strict', `standards/${id}.yaml`]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    expect(dabiao(['validate-standard', 'standards/gongshu-53.yaml'], undefined, EN).stdout).toContain('53 indicators');
  });
  it('validate-standard warns about evidence a rule names but never asks for, and --strict exits 1', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-'));
    const file = path.join(dir, 'r.yaml');
    fs.writeFileSync(
      file,
      `format: 1\nid: t\ntitle: t\nissuer: t\ndocument: { date: 2024-01-01 }\nregion: 测试区\nlevels: [{ id: district, name: 区 }]\ntiers: [{ id: standard, name: 标准 }]\nmetrics:\n  - { key: policy, label: 政策, type: boolean }\nindicators:\n  - id: T-01\n    number: 1\n    title: t\n    category: [c]\n    level: district\n    source: s\n    evidence: 政策文件\n    check: { kind: status, metric: policy }\n`,
    );
    const r = dabiao(['validate-standard', '--strict', file], undefined, EN);
    expect(r.stderr).toMatch(/r\.yaml:18:\d+: warning: T-01 names evidence \("政策文件"\) but no check asks for it/);
    expect(r.code).toBe(1);
    expect(dabiao(['validate-standard', file]).code).toBe(0);
  });
  it('--help exits 0', () => {
    expect(dabiao(['check', '--help']).code).toBe(0);
  });
});

describe('-o never costs the user data', () => {
  const fresh = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-out-'));
    fs.copyFileSync(GS, path.join(dir, 'd.csv'));
    return dir;
  };
  it('refuses an input reached by another path: a symlink to the data file', () => {
    const dir = fresh();
    fs.symlinkSync(path.join(dir, 'd.csv'), path.join(dir, 'link.csv'));
    const before = fs.readFileSync(path.join(dir, 'd.csv'));
    const r = dabiao(['check', '--standard', 'gongshu-53', '-o', path.join(dir, 'link.csv'), path.join(dir, 'd.csv')], undefined, EN);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is the same file as the input');
    expect(fs.readFileSync(path.join(dir, 'd.csv'))).toEqual(before);
    expect(fs.lstatSync(path.join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
  });
  it('refuses the rule file itself, and the evidence and waiver files', () => {
    const dir = fresh();
    const rule = path.join(dir, 'r.yaml');
    fs.copyFileSync('standards/gongshu-53.yaml', rule);
    const r = dabiao(['check', '-s', rule, '-o', rule, path.join(dir, 'd.csv')]);
    expect(r.code).toBe(2);
    expect(fs.readFileSync(rule, 'utf8')).toBe(fs.readFileSync('standards/gongshu-53.yaml', 'utf8'));
    const w = dabiao(['check', '-s', 'wenzhou-72', '--waivers', 'fixtures/wenzhou-waivers.yaml', '-o', 'fixtures/wenzhou-waivers.yaml', 'fixtures/wenzhou-2017-baseline.csv']);
    expect(w.code).toBe(2);
  });
  it('writes into a FIFO as a FIFO, and through a symlink to its target, keeping the link', () => {
    const dir = fresh();
    const fifo = path.join(dir, 'fifo');
    spawnSync('mkfifo', [fifo]);
    // The reader copies the FIFO to a file, so it never waits on us while we wait on the run.
    const copy = path.join(dir, 'from-fifo.json');
    const reader = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', fifo, copy]);
    const done = new Promise((resolve) => reader.on('close', resolve));
    const r = dabiao(['check', '--standard', 'gongshu-53', '--format', 'json', '--fail-on', 'never', '-o', fifo, path.join(dir, 'd.csv')]);
    expect(r.code).toBe(0);
    return done.then(() => {
      expect(JSON.parse(fs.readFileSync(copy, 'utf8')).results).toHaveLength(53);
      expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
      const link = path.join(dir, 'report-link.txt');
      fs.symlinkSync('report.txt', link);
      expect(dabiao(['check', '--standard', 'gongshu-53', '--fail-on', 'never', '-o', link, path.join(dir, 'd.csv')]).code).toBe(0);
      expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
      expect(fs.readFileSync(path.join(dir, 'report.txt'), 'utf8')).toContain('拱墅区');
    });
  });
  it('a device is written directly: /dev/null stays a device; /dev/full is one line and exit 2', () => {
    const dir = fresh();
    expect(dabiao(['check', '--standard', 'gongshu-53', '--fail-on', 'never', '-o', '/dev/null', path.join(dir, 'd.csv')]).code).toBe(0);
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
    const full = dabiao(['check', '--standard', 'gongshu-53', '-o', '/dev/full', path.join(dir, 'd.csv')], undefined, EN);
    expect(full.code).toBe(2);
    expect(full.stderr.trim()).toBe('dabiao: cannot write /dev/full: no space left on the device');
  });
  it('-o - means stdout', () => {
    const r = dabiao(['check', '--standard', 'gongshu-53', '--format', 'json', '-o', '-', GS]);
    expect(JSON.parse(r.stdout).results).toHaveLength(53);
  });
  it('template -o refuses to overwrite a filled-in sheet unless --force', () => {
    const dir = fresh();
    const sheet = path.join(dir, 'streets.csv');
    fs.writeFileSync(sheet, 'entity,level\n米市巷街道,街道\n');
    const r = dabiao(['template', '--standard', 'gongshu-53', '--level', '街道', '-o', sheet]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--force');
    expect(fs.readFileSync(sheet, 'utf8')).toBe('entity,level\n米市巷街道,街道\n');
    expect(dabiao(['template', '--standard', 'gongshu-53', '--level', '街道', '--force', '-o', sheet]).code).toBe(0);
    expect(fs.readFileSync(sheet, 'utf8')).toMatch(/^\uFEFFentity,level,parent/);
  });
  it('a failed run leaves no partial file behind', () => {
    const dir = fresh();
    const out = path.join(dir, 'report.json');
    const r = dabiao(['check', '--standard', 'gongshu-53', '--format', 'json', '-o', out, 'fixtures/broken/not-a-number.csv']);
    expect(r.code).toBe(2);
    expect(fs.readdirSync(dir)).toEqual(['d.csv']);
  });
});
