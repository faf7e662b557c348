// JSON output of `compare`: one row per entity, indicator and tier, with both sides and what changed.
import type { Report, RenderOptions, Sink } from '../types.js';
import { SCHEMA_VERSION } from './check.js';

export function compare(report: Extract<Report, { kind: 'compare' }>, options: RenderOptions, sink: Sink): void {
  const { comparison } = report;
  const out = {
    schemaVersion: SCHEMA_VERSION,
    tool: 'dabiao',
    kind: 'compare',
    lang: options.lang,
    standard: comparison.standard,
    summary: comparison.summary.map((s) => ({ entity: s.entity, path: s.path, ...s.counts })),
    rows: comparison.rows.map((r) => ({
      change: r.change,
      entity: (r.new ?? r.old)!.entity,
      path: (r.new ?? r.old)!.path,
      indicator: (r.new ?? r.old)!.indicator,
      tier: (r.new ?? r.old)!.tier,
      old: r.old ?? null,
      new: r.new ?? null,
      valueDelta: r.valueDelta ?? null,
      gapDelta: r.gapDelta ?? null,
    })),
    warnings: report.warnings,
  };
  sink.write(`${JSON.stringify(out, null, 2)}\n`);
}
