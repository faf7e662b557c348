// JSON output of `gaps`: the actionable results grouped as asked, each with the fields of a `check` result.
import type { Report, RenderOptions, Sink } from '../types.js';
import type { GapItem } from '../../engine/gaps.js';
import { words } from '../../i18n/words.js';
import { checkRefs, header, resultJson, waiverJson } from './check.js';

export function gaps(report: Extract<Report, { kind: 'gaps' }>, options: RenderOptions, sink: Sink): void {
  const { evaluation, gaps: list } = report;
  const w = words(evaluation.standard, options.lang);
  const refs = checkRefs(evaluation);
  const item = (it: GapItem) => ({ ...resultJson(it.result, evaluation.standard, w, refs), relativeGap: it.relative ?? null, overdue: it.overdue });
  const out = {
    ...header('gaps', evaluation, report.inputs, options.lang),
    checks: refs.trees,
    groupBy: list.groupBy,
    counts: { actionable: list.items.length, pending: list.pending.length, waived: list.waived.length },
    groups: list.groups.map((g) => ({ key: g.key ?? null, unassigned: g.key === undefined, items: g.items.map((x) => ({ ...item(x.item), lead: x.lead })) })),
    pending: list.pending.map(item),
    waived: list.waived.map(item),
    expiredWaivers: list.expiredWaivers.map(waiverJson),
    unusedWaivers: list.unusedWaivers.map(waiverJson),
    warnings: report.warnings,
  };
  sink.write(`${JSON.stringify(out, null, 2)}\n`);
}
