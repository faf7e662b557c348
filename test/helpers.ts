// Shared test helpers: a small inline standard, data from CSV text, and the CLI as a child process.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadStandardText } from '../src/standard/load.js';
import { buildDataset } from '../src/data/dataset.js';
import { readCsv } from '../src/data/csv.js';
import { evaluate } from '../src/engine/evaluate.js';
import type { EvaluateOptions } from '../src/engine/types.js';
import type { Standard } from '../src/standard/types.js';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** A three-level standard with one metric of each kind; tests add indicators. */
export const BASE = `
format: 1
id: test
title: 测试标准
issuer: 测试区人民政府
document: { date: 2024-01-01 }
region: 测试区
levels:
  - { id: district, name: 区 }
  - { id: street, name: 街道 }
  - { id: community, name: 社区 }
tiers:
  - { id: standard, name: 标准 }
  - { id: goal, name: 目标, inherits: standard }
classes:
  - { id: key, name: 重点 }
  - { id: general, name: 一般 }
metrics:
  - { key: hours, label: 每周开放时间, type: number, unit: 小时 }
  - { key: area, label: 建筑面积, type: number, unit: 平方米 }
  - { key: population, label: 服务人口, type: number, unit: 人 }
  - { key: books, label: 藏书量, type: number, unit: 册 }
  - key: books_per_capita
    label: 人均藏书
    type: number
    unit: 册/人
    derive: { ratio: { numerator: books, denominator: population, per: 1 } }
  - { key: rate, label: 覆盖率, type: percent }
  - { key: has_station, label: 是否建有文化站, type: boolean }
  - { key: grade, label: 等级, type: grade, scale: [特级, 一级, 二级, 三级] }
  - { key: policy, label: 政策, type: boolean }
  - { key: shows, label: 演出场次, type: number, unit: 场 }
  - { key: avg_shows, label: 平均演出场次, type: number, unit: 场, levels: [district] }
  - { key: station_rate, label: 文化站设置率, type: percent, levels: [district] }
`;

export function standardWith(indicators: string): Standard {
  return loadStandardText(`${BASE}indicators:\n${indicators}`, 'test.yaml');
}

/** One indicator T-01 at district level with the given check (YAML flow or block, indented by 4). */
export function standardWithCheck(check: string, extra = ''): Standard {
  return standardWith(`
  - id: T-01
    number: 1
    title: 测试指标
    category: [测试]
    level: district
    source: 测试原文
${extra}    check: ${check}
`);
}

export function evaluateCsv(std: Standard, csv: string, options: EvaluateOptions = {}) {
  const dataset = buildDataset(std, [readCsv(csv, 'data.csv')]);
  return evaluate(std, dataset, options);
}

/** The first result for an entity (the district by default). */
export function resultFor(std: Standard, csv: string, options: EvaluateOptions = {}, entity = '测试区') {
  const r = evaluateCsv(std, csv, options).results.find((x) => x.entity === entity);
  if (!r) throw new Error(`no result for ${entity}`);
  return r;
}

/** The CLI in its default language, Chinese, whatever the environment says; `env` may choose (DABIAO_LANG: 'en'). */
export function dabiao(args: string[], input?: string | Buffer, env: Record<string, string | undefined> = {}) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/dabiao.js'), ...args], {
    cwd: ROOT,
    input,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, DABIAO_LANG: undefined, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export type Status = 'pass' | 'fail' | 'missing' | 'manual' | 'na';

/** A result as the JSON output gives it (docs/json-output.md); tests read only these fields. */
export interface JsonResult {
  entity: string;
  level: string;
  indicator: string;
  tier: string;
  status: Status;
  actual: unknown;
  target: { text: string };
  gap: unknown;
  shortfall?: string[];
  [k: string]: unknown;
}

/** `dabiao check --format json …`, which must exit 0 or 1 (1: some result fails, as fixtures expect). */
export function checkJson(args: string[]): { schemaVersion: number; results: JsonResult[]; summary: Record<string, unknown>[] } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/dabiao.js'), 'check', '--format', 'json', ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, DABIAO_LANG: undefined },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  if (r.status !== 0 && r.status !== 1) throw new Error(`dabiao exited ${r.status}\n${r.stderr}`);
  return JSON.parse(r.stdout);
}
