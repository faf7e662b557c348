// Bottom-level rows are judged as they are read and let go (issue 9). Whatever order the rows come in, and however
// they are split over files, the results are the same — and the same as when every row is kept (stdin, where rows
// cannot be read twice, keeps them when the bottom level is judged itself).
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from '../bench/generate.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { dabiao, ROOT } from './helpers.js';
import { HashSet64 } from '../src/util/hash-set.js';

const ALL_LEVELS = ['--level', '市,县,乡镇,村'];
let dir: string;
let header: string;
let upper: string[]; // 市, 县 and 乡镇 rows, as generated
let villages: string[];

const write = (name: string, lines: string[]) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${header}\n${lines.join('\n')}\n`);
  return file;
};

type Json = { results: Record<string, unknown>[]; summary: Record<string, unknown>[] };
const check = (args: string[], input?: string): Json => {
  const r = dabiao(['check', '--standard', 'wenzhou-72', '--format', 'json', '--fail-on', 'never', ...args], input);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Json;
};
/** The results without where they were read (line numbers differ between arrangements, by design). */
const verdicts = (j: Json) => j.results.map(({ at: _at, ...rest }) => JSON.stringify(rest));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-stream-'));
  const file = path.join(dir, 'generated.csv');
  await generate({ file, villages: 1500, seed: 7 });
  const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  header = lines[0]!;
  const rows = lines.slice(1);
  const isVillage = (l: string) => /^[^,]*,(村|社区),/.test(l);
  upper = rows.filter((l) => !isVillage(l));
  villages = rows.filter(isVillage);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('bottom-level rows before or after their parents, in one file or several', () => {
  it('the generated data has parents and villages of both kinds', () => {
    expect(upper.length).toBeGreaterThan(100);
    expect(villages.length).toBe(1500);
    expect(villages.some((l) => /,社区,/.test(l)) && villages.some((l) => /,村,/.test(l))).toBe(true);
  });

  for (const [what, levels] of [
    ['the levels judged by default', []],
    ['every level, villages included (read a second time)', ALL_LEVELS],
  ] as const) {
    it(`gives the same results for ${what}`, () => {
      const half = Math.floor(villages.length / 2);
      const after = check([...levels, write('after.csv', [...upper, ...villages])]);
      const before = check([...levels, write('before.csv', [...villages, ...upper])]);
      const split = check([...levels, write('v1.csv', villages.slice(0, half)), write('upper.csv', upper), write('v2.csv', villages.slice(half))]);
      expect(after.results.length).toBeGreaterThan(levels.length ? 1500 : 100);
      expect(verdicts(before)).toEqual(verdicts(after));
      expect(verdicts(split)).toEqual(verdicts(after));
      expect(before.summary).toEqual(after.summary);
      expect(split.summary).toEqual(after.summary);
      if (levels.length) {
        // Every village judged, each once.
        const judged = new Set(after.results.filter((r) => r.level === 'village').map((r) => r.path!.toString()));
        expect(judged.size).toBe(1500);
      }
    }, 240_000);
  }

  it('gives the results of keeping every row (stdin keeps them when the bottom level is judged)', () => {
    const text = `${header}\n${[...villages, ...upper].join('\n')}\n`;
    const kept = check([...ALL_LEVELS, '--input-format', 'csv', '-'], text);
    const streamed = check([...ALL_LEVELS, write('streamed.csv', [...villages, ...upper])]);
    expect(verdicts(streamed)).toEqual(verdicts(kept));
    expect(streamed.summary).toEqual(kept.summary);
  }, 240_000);

  it('a village listed twice under one township is an error naming both lines; in two files, both files', () => {
    const again = villages[0]!;
    const one = dabiao(['check', '--standard', 'wenzhou-72', '--lang', 'en', write('twice.csv', [...upper, ...villages, again])]);
    expect(one.code).toBe(2);
    const name = again.split(',')[0]!;
    expect(one.stderr).toContain(`duplicate entity "${name}" (first on line ${upper.length + 2})`);
    const two = dabiao(['check', '--standard', 'wenzhou-72', '--lang', 'en', write('a.csv', [...upper, ...villages]), write('b.csv', [again])]);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(new RegExp(`b\\.csv:2: "${name}" is also on line ${upper.length + 2} of .*a\\.csv`));
  }, 120_000);

  it('a village whose township is in no row is refused like any row with an unknown parent', () => {
    const orphan = villages[0]!.replace(/^([^,]*,[^,]*,)[^,]*/, '$1不存在镇');
    const r = dabiao(['check', '--standard', 'wenzhou-72', '--lang', 'en', write('orphan.csv', [...upper, orphan, ...villages.slice(1)])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/orphan\.csv:\d+:3: parent "不存在镇" is not among the .* rows/);
  }, 120_000);
});

describe('a report piped to another program', () => {
  const run = (args: string[], read: (out: NodeJS.ReadableStream, child: ChildProcess) => void) =>
    new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'bin/dabiao.js'), ...args], { cwd: ROOT, env: { ...process.env, DABIAO_LANG: undefined } });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
      read(child.stdout, child);
    });
  const args = () => ['check', '--standard', 'wenzhou-72', ...ALL_LEVELS, '--format', 'json', '--fail-on', 'never', write('piped.csv', [...upper, ...villages])];

  it('waits for a slow reader and hands it the whole report', async () => {
    const chunks: Buffer[] = [];
    const r = await run(args(), (out) => {
      // Take nothing for a while: the report must wait in the pipe, not be lost or fail.
      (out as NodeJS.ReadableStream & { pause(): void }).pause();
      setTimeout(() => {
        out.on('data', (d: Buffer) => chunks.push(d));
        out.resume();
      }, 1500);
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json;
    expect(j.results.filter((x) => x.level === 'village').length).toBe(villages.length * 8);
    expect(j.summary.length).toBe(upper.length + villages.length);
  }, 120_000);

  it('stops quietly when the reader closes early (| head)', async () => {
    const r = await run(args(), (out) => out.once('data', () => (out as NodeJS.ReadableStream & { destroy(): void }).destroy()));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 120_000);
});

describe('HashSet64', () => {
  it('agrees with a Set of strings, and remembers where each was first seen', () => {
    const set = new HashSet64(4);
    const plain = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const key = `${i % 7}\u0000村${(i * 7919) % 12_000}`;
      const first = set.add(key, i);
      expect(first).toBe(plain.get(key));
      if (!plain.has(key)) plain.set(key, i);
    }
    expect(set.size).toBe(plain.size);
    expect(set.has('0\u0000村0')).toBe(true);
    expect(set.has('no such key')).toBe(false);
  });
});
