// How data reaches dabiao at scale (issue 9): Excel workbooks from the command line, JSON refused above its
// limit, a progress bar only for a person at a terminal, and a start that loads nothing a command does not use.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dabiao } from './helpers.js';
import { generate } from '../bench/generate.js';
import { MAX_JSON_BYTES } from '../src/data/open.js';
import { PROGRESS_MIN_BYTES } from '../src/cli/progress.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EN = { DABIAO_LANG: 'en' };
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-inputs-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Json = { results: Record<string, unknown>[]; warnings: string[] };
const json = (args: string[]) => {
  const r = dabiao(['check', '--standard', 'gongshu-53', '--format', 'json', '--fail-on', 'never', ...args], undefined, EN);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Json;
};

describe('an Excel workbook on the command line', () => {
  it('gives the results of its CSV twin', () => {
    const fromCsv = json(['fixtures/gongshu-district.csv']);
    const fromXlsx = json(['fixtures/gongshu-district.xlsx']);
    const strip = (j: Json) => j.results.map(({ at: _at, ...r }) => r);
    expect(strip(fromXlsx)).toEqual(strip(fromCsv));
    expect(fromXlsx.results.length).toBe(fromCsv.results.length);
  });

  it('--sheet picks a sheet by position; an unknown sheet is one line naming the file', () => {
    expect(json(['--sheet', '1', 'fixtures/gongshu-district.xlsx']).results.length).toBeGreaterThan(50);
    const r = dabiao(['check', '--standard', 'gongshu-53', '--sheet', '没有这张表', 'fixtures/gongshu-district.xlsx'], undefined, EN);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('fixtures/gongshu-district.xlsx');
  });

  it('an old .xls, or a file that is not a workbook, is one line and exit 2', () => {
    const xls = path.join(dir, 'old.xls');
    fs.writeFileSync(xls, 'not really');
    const old = dabiao(['check', '--standard', 'gongshu-53', xls], undefined, EN);
    expect(old.code).toBe(2);
    expect(old.stderr).toContain('save it as .xlsx or CSV');
    const fake = path.join(dir, 'fake.xlsx');
    fs.writeFileSync(fake, 'name,level\n');
    const bad = dabiao(['check', '--standard', 'gongshu-53', fake], undefined, EN);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain(fake);
  });
});

describe('JSON at scale', () => {
  it(`is refused above ${MAX_JSON_BYTES / 2 ** 20} MB with a pointer to CSV, before it is read`, () => {
    const big = path.join(dir, 'big.json');
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, MAX_JSON_BYTES + 1); // sparse: no disk used
    const r = dabiao(['check', '--standard', 'gongshu-53', big], undefined, EN);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${big}: a JSON file of 64 MB is over the 64 MB limit`);
    expect(r.stderr).toContain('use CSV');
  });
});

describe('the progress bar', () => {
  let big: string;
  beforeAll(async () => {
    // 10,000 villages, each row carrying a long note (a column dabiao does not know, so ignored): big enough for
    // the bar, quick to check.
    const plain = path.join(dir, 'plain.csv');
    await generate({ file: plain, villages: 10_000, seed: 3 });
    const [head, ...rows] = fs.readFileSync(plain, 'utf8').trimEnd().split('\n');
    const note = '备注'.repeat(700);
    big = path.join(dir, 'province.csv');
    fs.writeFileSync(big, [`${head},备注`, ...rows.map((r) => `${r},${note}`)].join('\n'));
    expect(fs.statSync(big).size).toBeGreaterThan(PROGRESS_MIN_BYTES);
  }, 120_000);

  // `script` gives the command a terminal; its transcript is what that terminal showed.
  const inTerminal = (args: string, env: Record<string, string> = {}) => {
    const log = path.join(dir, `tty-${Math.random().toString(36).slice(2)}.log`);
    const cmd = `node ${path.join(ROOT, 'bin/dabiao.js')} check --standard wenzhou-72 --format json --fail-on never -o ${path.join(dir, 'out.json')} ${args}`;
    const r = spawnSync('script', ['-qec', cmd, log], { env: { ...process.env, CI: '', ...env }, encoding: 'utf8', timeout: 200_000 });
    expect(r.status, r.stderr).toBe(0);
    return fs.readFileSync(log, 'utf8');
  };

  it('shows bytes, rows per second and time left on a terminal', () => {
    const shown = inTerminal(big, { DABIAO_LANG: 'en' });
    expect(shown).toMatch(/\d+% \| [\d.]+\/[\d.]+ MB \| [\d,]+ rows, [\d,]+ rows\/s \| .* left/);
  }, 240_000);

  it('never under CI, with --quiet, or when stderr is not a terminal', () => {
    expect(inTerminal(big, { CI: 'true', DABIAO_LANG: 'en' })).not.toMatch(/rows\/s/);
    expect(inTerminal(`--quiet ${big}`, { DABIAO_LANG: 'en' })).not.toMatch(/rows\/s/);
    const piped = dabiao(['check', '--standard', 'wenzhou-72', '--format', 'json', '--fail-on', 'never', '-o', path.join(dir, 'p.json'), big], undefined, EN);
    expect(piped.code).toBe(0);
    expect(piped.stderr).not.toMatch(/rows\/s/);
  }, 480_000);
});

describe('a fast start', () => {
  // What `dabiao --version` and `standards list` load: the static imports of the entry point, followed through
  // the compiled files. Commands load their work, readers, formatters and the rule-file parser when they run.
  const closure = (entry: string) => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = fs.readFileSync(file, 'utf8');
      for (const m of src.matchAll(/^(?:import|export)\s(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm)) {
        const spec = (m[1] ?? m[2])!;
        if (spec.startsWith('.')) walk(path.resolve(path.dirname(file), spec));
        else if (!spec.startsWith('node:')) packages.add(spec);
      }
    };
    walk(path.join(ROOT, entry));
    return { modules: seen.size, packages: [...packages] };
  };

  it('the entry point loads commander and nothing else from node_modules', () => {
    const { packages, modules } = closure('dist/cli/main.js');
    expect(packages).toEqual(['commander']);
    expect(modules).toBeLessThan(30);
  });

  it('standards list reads the index the build wrote, in either language', () => {
    const zh = dabiao(['standards', 'list']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^gongshu-53 .*53 项/m);
    expect(zh.stdout).toMatch(/^wenzhou-72 .*72 项/m);
    const en = dabiao(['standards', 'list'], undefined, EN);
    expect(en.stdout).toMatch(/^wenzhou-72 .*72 indicators/m);
  });
});
