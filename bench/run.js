#!/usr/bin/env node
// npm run bench [-- --communities N]: times each stage of a check on generated Gongshu data.
// Data is generated, not committed: 18 streets and N communities spread over them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadStandardText } from '../dist/standard/load.js';
import { decode } from '../dist/data/encoding.js';
import { readCsv } from '../dist/data/csv.js';
import { buildDataset } from '../dist/data/dataset.js';
import { evaluate } from '../dist/engine/evaluate.js';
import { formatters } from '../dist/report/index.js';

const arg = process.argv.indexOf('--communities');
const communities = arg > 0 ? Number(process.argv[arg + 1]) : 100_000;

const std = loadStandardText(fs.readFileSync(new URL('../standards/gongshu-53.yaml', import.meta.url), 'utf8'), 'gongshu-53.yaml');
const streets = std.places.filter((p) => p.level === 'street').map((p) => p.name);
const communityMetrics = std.metrics.filter((m) => m.levels.includes('community') && !m.derive);
const streetMetrics = std.metrics.filter((m) => m.levels.includes('street') && !m.derive);
const cols = [...new Set([...streetMetrics, ...communityMetrics])];
const sample = (m, i) => (m.type === 'boolean' ? (i % 7 ? '是' : '否') : m.type === 'grade' ? '一级' : m.type === 'percent' ? `${50 + (i % 50)}%` : String(40 + (i % 30)));

const lines = [['entity', 'level', 'parent', ...cols.map((m) => m.label)].join(',')];
lines.push(['拱墅区', '区', '', ...cols.map(() => '')].join(','));
streets.forEach((s, i) => lines.push([s, '街道', '拱墅区', ...cols.map((m) => (m.levels.includes('street') ? sample(m, i) : ''))].join(',')));
for (let i = 0; i < communities; i++) {
  lines.push([`社区${i}`, '社区', streets[i % streets.length], ...cols.map((m) => (m.levels.includes('community') ? sample(m, i) : ''))].join(','));
}
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-bench-')), 'data.csv');
fs.writeFileSync(file, `${lines.join('\n')}\n`);

const time = (label, fn) => {
  const t0 = performance.now();
  const out = fn();
  console.log(`${label.padEnd(22)} ${(performance.now() - t0).toFixed(0).padStart(7)} ms`);
  return out;
};
console.log(`node ${process.version}; ${communities} communities × ${cols.length} columns; ${(fs.statSync(file).size / 1e6).toFixed(1)} MB CSV`);
const text = time('read + decode', () => decode(fs.readFileSync(file)).text);
const table = time('parse CSV', () => readCsv(text, file));
const dataset = time('build dataset', () => buildDataset(std, [table]));
const evaluation = time('evaluate 53 items', () => evaluate(std, dataset));
time('format json', () => formatters.json({ evaluation, warnings: [], inputs: [], color: false, width: 120 }));
console.log(`rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB; results ${evaluation.results.length}`);
fs.rmSync(path.dirname(file), { recursive: true });
