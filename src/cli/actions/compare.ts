// dabiao compare, the work: each side read (a saved report, or data checked now), then compared.
import fs from 'node:fs';
import path from 'node:path';
import { compare, regressed, type Snapshot } from '../../engine/compare.js';
import type { Result } from '../../engine/types.js';
import { words } from '../../i18n/words.js';
import type { Standard } from '../../standard/types.js';
import { readStandard } from '../io.js';
import { run } from '../session.js';
import { inputsOf, refuseBinaryToTerminal, writeReport } from '../output.js';
import { outputTarget } from '../write-target.js';
import { UsageError } from '../errors.js';
import { say } from '../../i18n/message.js';
import type { Terminal } from '../terminal.js';
import type { CompareOptions } from '../commands/compare.js';

export async function runCompare(before: string, after: string, opts: CompareOptions, term: Terminal): Promise<number> {
  const inputs = inputsOf([...expand(before), ...expand(after)], opts);
  outputTarget(opts.output, inputs);
  refuseBinaryToTerminal(opts.format, opts.output, term.stdoutIsTTY ?? false);
  const standard = await readStandard(opts.standard);
  const a = await side(before, standard, opts, term);
  const b = await side(after, standard, opts, term);
  const comparison = compare({ id: standard.id, title: standard.title, titleEn: standard.titleEn }, a.snapshots, b.snapshots);
  await writeReport({ kind: 'compare', comparison, warnings: [...a.warnings, ...b.warnings] }, opts, term, inputs);
  return opts.failOn === 'regression' && regressed(comparison) ? 1 : 0;
}

/** One side: a saved dabiao JSON report, or data files evaluated now with the same options. */
async function side(spec: string, standard: Standard, opts: CompareOptions, term: Terminal): Promise<{ snapshots: Snapshot[]; warnings: string[] }> {
  const files = expand(spec);
  const report = files.length === 1 ? savedReport(files[0]!) : undefined;
  if (report) {
    if (report.standard?.id !== standard.id) {
      const other = report.standard?.id;
      throw new UsageError(
        say(`${files[0]}: 这是按 ${other ?? '另一个标准'} 检查的报告，不是 ${standard.id}`, `${files[0]}: a report against ${other ?? 'another standard'}, not ${standard.id}`),
      );
    }
    return { snapshots: report.results.map(fromJson), warnings: [] };
  }
  const session = await run(files, opts, term, standard);
  const w = words(standard, term.lang);
  const snapshots: Snapshot[] = [];
  for await (const r of session.evaluation.results) snapshots.push(fromResult(r, w));
  return { snapshots, warnings: session.warnings };
}

/** "a.csv,b.csv" or a folder → the files; a single file as it is. */
function expand(spec: string): string[] {
  if (fs.existsSync(spec) && fs.statSync(spec).isDirectory()) {
    const files = fs.readdirSync(spec).filter((f) => /\.(csv|tsv|txt|json|xlsx)$/i.test(f)).sort().map((f) => path.join(spec, f));
    if (!files.length) throw new UsageError(say(`${spec}: 这个文件夹里没有数据文件`, `${spec}: no data files in this folder`));
    return files;
  }
  return spec.split(',').map((s) => s.trim()).filter(Boolean);
}

interface SavedReport {
  tool: string;
  standard?: { id: string };
  results: Record<string, unknown>[];
}

/** A JSON file written by `dabiao check --format json`, or undefined for a data file. */
function savedReport(file: string): SavedReport | undefined {
  if (!/\.json$/i.test(file) || !fs.existsSync(file)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  const r = parsed as Partial<SavedReport> & { kind?: string };
  if (r?.tool !== 'dabiao') return undefined;
  if (!Array.isArray(r.results) || (r.kind !== undefined && r.kind !== 'check')) {
    throw new UsageError(
      say(
        `${file}: 这是 dabiao 的${r.kind ? ` ${r.kind} ` : ''}报告，没有逐项结果；请用 \`dabiao check --format json -o FILE\` 保存一份`,
        `${file}: a dabiao ${r.kind ?? ''} report without results; save one with \`dabiao check --format json -o FILE\``,
      ),
    );
  }
  return r as SavedReport;
}

function fromJson(x: Record<string, unknown>): Snapshot {
  return {
    path: x.path as string[],
    entity: x.entity as string,
    level: x.level as string,
    indicator: x.indicator as string,
    title: x.title as string,
    class: (x.class as string | null) ?? undefined,
    tier: x.tier as string,
    status: x.status as Snapshot['status'],
    value: x.value as Snapshot['value'],
    actual: (x.actual as string | null) ?? undefined,
    gap: (x.gap as Snapshot['gap']) ?? undefined,
  };
}

function fromResult(r: Result, w: ReturnType<typeof words>): Snapshot {
  return {
    path: r.path,
    entity: r.entity,
    level: r.level,
    indicator: r.indicator.id,
    title: w.title(r.indicator),
    class: r.indicator.class,
    tier: r.tier,
    status: r.status,
    value: r.value,
    actual: r.actual ? w.actual(r.actual) : undefined,
    gap: r.gap,
  };
}
