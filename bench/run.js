#!/usr/bin/env node
// npm run bench [-- --villages 100000,1000000 | --quick] [--results 300000] [--timeout MINUTES] [--out FILE] [--no-time]
//
// For each size: generates Wenzhou-shaped data into a temp dir (deleted afterwards), then times, each in its
// own child process, (a) a csv-parse pass that only counts rows, (b) `dabiao check --standard wenzhou-72 --format json`,
// and at the largest size (c) `check --level 村 --format json`. Then (d) every output format writing 300,000
// village results (`check --level 村 --format F -o FILE`, 8 results a village), and the startup of two light
// commands against `node -e 0`. Prints a Markdown report; --out also writes it to FILE.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { spawn, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate } from './generate.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(ROOT, 'bin/dabiao.js');
const COUNT_ROWS = path.join(ROOT, 'bench/count-rows.js');
const RUSAGE = pathToFileURL(path.join(ROOT, 'bench/rusage.js')).href;
const GNU_TIME = '/usr/bin/time';
const STARTUP_RUNS = 10;
const USAGE = 'node bench/run.js [--villages N,N | --quick] [--results N] [--timeout MINUTES] [--out FILE] [--no-time]';
const FORMATS_JS = pathToFileURL(path.join(ROOT, 'dist/report/formats.js')).href;
/** Results per village with `--level 村`: the eight indicators wenzhou-72 judges at the 村 level. */
const RESULTS_PER_VILLAGE = 8;

const log = (line) => process.stderr.write(`${line}\n`);
const int = (n) => Math.round(n).toLocaleString('en-US');
const secs = (s) => s.toFixed(2);
const mib = (kib) => (kib === undefined ? '?' : int(kib / 1024));

function parseArgs(argv) {
  const opts = { villages: [100_000, 1_000_000], results: 300_000, timeoutMin: 15, out: undefined, gnuTime: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--villages') opts.villages = argv[++i].split(',').map(parseCount);
    else if (a === '--quick') (opts.villages = [10_000]), (opts.results = 10_000);
    else if (a === '--results') opts.results = parseCount(argv[++i]);
    else if (a === '--timeout') opts.timeoutMin = Number(argv[++i]);
    else if (a === '--out') opts.out = argv[++i];
    else if (a === '--no-time') opts.gnuTime = false;
    else throw new Error(`unknown option ${a}\nusage: ${USAGE}`);
  }
  if (!(opts.timeoutMin > 0)) throw new Error('--timeout takes a number of minutes');
  return opts;
}

/** 100000, 100k or 1M. */
function parseCount(text) {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim().replaceAll('_', ''));
  if (!m) throw new Error(`--villages: not a count: ${text}`);
  return Math.round(Number(m[1]) * { '': 1, k: 1e3, m: 1e6 }[m[2].toLowerCase()]);
}

/** GNU time reports the peak RSS of a child even when it dies; check that this machine's `time` is GNU's. */
function gnuTimeWorks(dir) {
  const stats = path.join(dir, 'probe');
  const r = spawnSync(GNU_TIME, ['-o', stats, '-f', '%e %M', process.execPath, '-e', '0'], { stdio: 'ignore' });
  return r.status === 0 && fs.existsSync(stats) && /^[\d.]+ \d+$/m.test(fs.readFileSync(stats, 'utf8'));
}

const signalName = (n) => Object.keys(os.constants.signals).find((k) => os.constants.signals[k] === n) ?? `signal ${n}`;

/** What GNU time wrote: "[Command terminated by signal N]\n%e %M". Empty if time itself was killed. */
function readGnuTime(file) {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const [, wall, rss] = /([\d.]+) (\d+)\s*$/.exec(text) ?? [];
  const sig = /terminated by signal (\d+)/.exec(text);
  return { wall: wall && Number(wall), rssKiB: rss && Number(rss), signal: sig ? signalName(Number(sig[1])) : undefined };
}

let running; // the child being measured, killed with its process group on timeout or Ctrl-C
let measured = 0;

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/**
 * Runs `node ...args` in its own process group and returns
 * { status, signal, wall, rssKiB, timedOut, stdout, stderr } (stderr: its last 20 kB).
 */
async function measure(args, { dir, timeoutMs, gnuTime, captureStdout = false }) {
  const stats = path.join(dir, `rusage-${++measured}`);
  const [cmd, cmdArgs, env] = gnuTime
    ? [GNU_TIME, ['-o', stats, '-f', '%e %M', process.execPath, ...args], process.env]
    : [process.execPath, ['--import', RUSAGE, ...args], { ...process.env, BENCH_RUSAGE_FILE: stats }];
  const t0 = performance.now();
  const stdio = ['ignore', captureStdout ? 'pipe' : 'ignore', 'pipe'];
  const child = spawn(cmd, cmdArgs, { cwd: ROOT, env, stdio, detached: true });
  running = child;
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-20_000)));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child);
  }, timeoutMs);
  const [code, signal] = await once(child, 'close');
  clearTimeout(timer);
  running = undefined;
  const wall = (performance.now() - t0) / 1000;
  if (!gnuTime) {
    const rss = fs.existsSync(stats) ? Number(fs.readFileSync(stats, 'utf8')) : undefined;
    return { status: code, signal: signal ?? undefined, wall, rssKiB: rss, timedOut, stdout, stderr };
  }
  const t = readGnuTime(stats);
  const died = t.signal ?? signal ?? undefined;
  return { status: died ? undefined : code, signal: died, wall: t.wall ?? wall, rssKiB: t.rssKiB, timedOut, stdout, stderr };
}

/** Why a run does not count, e.g. "OOM after 75 s", or undefined when it exited with an expected code. */
function failure(r, okCodes) {
  const after = `after ${int(r.wall)} s`;
  if (r.timedOut) return `timeout ${after}`;
  if (/heap out of memory|Reached heap limit|Allocation failed/.test(r.stderr)) return `OOM ${after}`;
  if (r.signal) return `killed by ${r.signal} ${after}`;
  if (!okCodes.includes(r.status)) return `exit ${r.status} ${after}`;
  return undefined;
}

/** The lines of stderr that say what went wrong (V8's native stack after an OOM says nothing). */
function stderrGist(stderr) {
  const lines = stderr.split('\n').map((l) => l.trimEnd()).filter((l) => l && !/^\s*\d+: 0x/.test(l));
  const telling = lines.filter((l) => /error|dabiao:|memory|invalid/i.test(l));
  return (telling.length ? telling : lines).slice(0, 5);
}

async function benchSize(villages, { dir, timeoutMs, gnuTime, withLevel }) {
  const file = path.join(dir, `wenzhou-${villages}.csv`);
  const run = (args, extra) => measure(args, { dir, timeoutMs, gnuTime, ...extra });
  const check = ['check', '--standard', 'wenzhou-72'];
  try {
    log(`${int(villages)} villages: generating…`);
    const t0 = performance.now();
    const gen = await generate({ file, villages });
    log(`  ${(gen.bytes / 1e6).toFixed(1)} MB, ${int(gen.rows)} rows in ${secs((performance.now() - t0) / 1000)} s`);
    const parse = await run([COUNT_ROWS, file], { captureStdout: true });
    log(`  (a) csv-parse count: ${failure(parse, [0]) ?? `${secs(parse.wall)} s`}`);
    const full = await run([CLI, ...check, '--format', 'json', file]);
    log(`  (b) check --format json: ${failure(full, [0, 1]) ?? `${secs(full.wall)} s`}`);
    let level;
    if (withLevel) {
      level = await run([CLI, ...check, '--level', '村', '--format', 'json', file]);
      log(`  (c) check --level 村 --format json: ${failure(level, [0, 1]) ?? `${secs(level.wall)} s`}`);
    }
    return { villages, bytes: gen.bytes, generated: gen.rows, parse, full, level };
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/**
 * (d) Each format writing `results` village results to a file: time, peak RSS and the report's size. Every
 * formatter writes to a sink in pieces, so a report larger than memory allows, or than V8's longest string
 * (2^29 − 24 characters), still comes out whole.
 */
async function benchFormats(results, { dir, timeoutMs, gnuTime }) {
  const villages = Math.ceil(results / RESULTS_PER_VILLAGE);
  const file = path.join(dir, `wenzhou-formats-${villages}.csv`);
  const { FORMATS } = await import(FORMATS_JS);
  const out = [];
  let written;
  try {
    log(`formats, ${int(villages)} villages (${int(villages * RESULTS_PER_VILLAGE)} village results): generating…`);
    await generate({ file, villages });
    for (const format of FORMATS) {
      const report = path.join(dir, `report.${format}`);
      const r = await measure([CLI, 'check', '--standard', 'wenzhou-72', '--level', '村', '--format', format, '-o', report, file], { dir, timeoutMs, gnuTime });
      const bytes = fs.existsSync(report) ? fs.statSync(report).size : undefined;
      // The CSV report has a row per result: count them, so the heading states what was written.
      if (format === 'csv' && bytes !== undefined) {
        const counted = spawnSync(process.execPath, [COUNT_ROWS, report], { encoding: 'utf8' });
        if (counted.status === 0) written = Number(counted.stdout);
      }
      fs.rmSync(report, { force: true });
      log(`  (d) --format ${format}: ${failure(r, [0, 1]) ?? `${secs(r.wall)} s, ${bytes === undefined ? '?' : (bytes / 1e6).toFixed(1)} MB`}`);
      out.push({ format, run: r, bytes });
    }
    return { villages, written, formats: out };
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** Median wall time in ms of `node ...args`, after one warm-up run. */
function startup(args) {
  const times = [];
  for (let i = 0; i <= STARTUP_RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (i > 0) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return (times[(times.length - 1) >> 1] + times[times.length >> 1]) / 2;
}

function markdownTable(head, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)];
}

/** One table row per size; a failed run shows why in its time cell and leaves its rates blank. */
function sizeRow(s) {
  const a = failure(s.parse, [0]);
  const b = failure(s.full, [0, 1]);
  const c = s.level && failure(s.level, [0, 1]);
  const rows = a ? s.generated : Number(s.parse.stdout);
  const mb = s.bytes / 1e6;
  return [
    int(s.villages),
    mb.toFixed(1),
    int(rows),
    a ?? secs(s.parse.wall),
    mib(s.parse.rssKiB),
    b ?? secs(s.full.wall),
    a || b ? '—' : (s.full.wall / s.parse.wall).toFixed(1),
    b ? '—' : int(rows / s.full.wall),
    b ? '—' : (mb / s.full.wall).toFixed(2),
    mib(s.full.rssKiB),
    !s.level ? '' : (c ?? secs(s.level.wall)),
    !s.level ? '' : mib(s.level.rssKiB),
  ];
}

function notes(sizes) {
  const out = [];
  for (const s of sizes) {
    const runs = [['(a)', s.parse, [0]], ['(b)', s.full, [0, 1]], ['(c)', s.level, [0, 1]]];
    for (const [name, r, ok] of runs) {
      const why = r && failure(r, ok);
      if (why) out.push(`- ${int(s.villages)} villages, ${name}: ${why}`, ...stderrGist(r.stderr).map((l) => `  > ${l}`));
    }
    if (!failure(s.parse, [0]) && Number(s.parse.stdout) !== s.generated) {
      out.push(`- ${int(s.villages)} villages: csv-parse counted ${s.parse.stdout.trim()} rows, generated ${s.generated}`);
    }
  }
  return out;
}

const loadavg = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');

function machine(gnuTime, loadAtStart) {
  const cpus = os.cpus();
  return [
    `- node ${process.version}, ${os.type()} ${os.release()} ${os.arch()}`,
    `- ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory`,
    `- load average (1, 5, 15 min) at the start: ${loadAtStart}; at the end: ${loadavg()}`,
    gnuTime
      ? `- wall time and peak RSS from GNU time (\`${GNU_TIME} -f '%e %M'\`)`
      : '- wall time measured by the parent, peak RSS from `process.resourceUsage()` in the child (no GNU time: ' +
        'RSS of crashed runs unknown)',
  ];
}

function formatRows(f) {
  return f.formats.map(({ format, run, bytes }) => {
    const why = failure(run, [0, 1]);
    return [format, why ?? secs(run.wall), mib(run.rssKiB), why || bytes === undefined ? '—' : (bytes / 1e6).toFixed(1)];
  });
}

function report({ command, date, loadAtStart, sizes, formats, starts, gnuTime, timeoutMin }) {
  const base = starts[0].ms;
  return [
    '# dabiao benchmark',
    '',
    `\`${command}\` — ${date}`,
    '',
    ...machine(gnuTime, loadAtStart),
    '',
    'Data: Wenzhou-shaped CSV from bench/generate.js (seed 1): the 市 row, the counties in the standard\'s `places`,',
    '~1 township per 13 villages, the villages; units in the cells, ~1 % blanks. MB = 10⁶ bytes.',
    `Each run in its own process, timeout ${timeoutMin} min:`,
    '',
    '- (a) `node bench/count-rows.js FILE`: csv-parse stream, rows counted, nothing else',
    '- (b) `dabiao check --standard wenzhou-72 --format json FILE > /dev/null` (the machine-readable report a pipeline',
    '  keeps; the terminal table is for people, and at a province\'s size it is tens of thousands of blocks)',
    '- (c) `dabiao check --standard wenzhou-72 --level 村 --format json FILE > /dev/null`, at the largest size only',
    '',
    ...markdownTable(
      ['villages', 'MB', 'rows', '(a) s', '(a) peak MiB', '(b) s', 'b/a', '(b) rows/s', '(b) MB/s', '(b) peak MiB']
        .concat(['(c) s', '(c) peak MiB']),
      sizes.map(sizeRow),
    ),
    ...(notes(sizes).length ? ['', ...notes(sizes)] : []),
    '',
    `(d) Every format writing the village results of ${int(formats.villages)} villages (${formats.written === undefined ? '?' : int(formats.written)} results, counted in the CSV report):`,
    '`dabiao check --standard wenzhou-72 --level 村 --format F -o FILE`',
    '',
    ...markdownTable(['format', 's', 'peak MiB', 'report MB'], formatRows(formats)),
    ...formats.formats.flatMap(({ format, run }) => {
      const why = failure(run, [0, 1]);
      return why ? [`- ${format}: ${why}`, ...stderrGist(run.stderr).map((l) => `  > ${l}`)] : [];
    }),
    '',
    `Startup, median of ${STARTUP_RUNS} runs after one warm-up:`,
    '',
    ...markdownTable(
      ['command', 'ms', `× \`node -e 0\``],
      starts.map((s) => [`\`${s.label}\``, s.ms.toFixed(0), (s.ms / base).toFixed(1)]),
    ),
    '',
  ].join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-bench-'));
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  process.on('SIGINT', () => {
    if (running) killGroup(running);
    cleanup();
    process.exit(130);
  });
  try {
    const gnuTime = opts.gnuTime && fs.existsSync(GNU_TIME) && gnuTimeWorks(dir);
    if (!gnuTime && opts.gnuTime) log(`${GNU_TIME} is missing or not GNU time (apt-get install time); RSS of crashed runs unknown`);
    const date = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    const loadAtStart = loadavg();
    const largest = Math.max(...opts.villages);
    const sizes = [];
    const timeoutMs = opts.timeoutMin * 60_000;
    for (const villages of opts.villages) {
      sizes.push(await benchSize(villages, { dir, timeoutMs, gnuTime, withLevel: villages === largest }));
    }
    const formats = await benchFormats(opts.results, { dir, timeoutMs, gnuTime });
    log('startup…');
    const starts = [
      ['node -e 0', ['-e', '0']],
      ['dabiao --version', [CLI, '--version']],
      ['dabiao standards list', [CLI, 'standards', 'list']],
    ].map(([label, args]) => ({ label, ms: startup(args) }));
    const argv = process.argv.slice(2).join(' ');
    const viaNpm = process.env.npm_lifecycle_event === 'bench';
    const command = viaNpm ? `npm run bench${argv && ` -- ${argv}`}` : `node bench/run.js ${argv}`.trim();
    const text = report({ command, date, loadAtStart, sizes, formats, starts, gnuTime, timeoutMin: opts.timeoutMin });
    process.stdout.write(text);
    if (opts.out) fs.writeFileSync(opts.out, text);
  } finally {
    cleanup();
  }
}

await main();
