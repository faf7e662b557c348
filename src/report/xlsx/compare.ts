// The workbook of `compare`: a summary of each change per entity, then one row per entity, indicator and tier
// whose result changed — the change, both statuses, both values as numbers, and the change in value and in gap.
import type { RenderOptions, Report, Sink } from '../types.js';
import { CHANGES, type Snapshot } from '../../engine/compare.js';
import { writeWorkbook, type Cell } from './sheet.js';
import { CHANGE_STYLE, STATUS_STYLE, numberStyle } from './styles.js';
import { xlsxWords, type XlsxWords } from './words.js';

export async function compare(report: Extract<Report, { kind: 'compare' }>, options: RenderOptions, sink: Sink): Promise<void> {
  const { comparison } = report;
  const t = xlsxWords(options.lang);
  const c = t.col;
  const changed = comparison.rows.filter((r) => r.change !== 'unchanged');

  await writeWorkbook(sink, async (book) => {
    const summary = book.summary(t.sheet.summary, [30, 14, ...CHANGES.map(() => 11), 10]);
    summary.title(t.title(comparison.standard.title, comparison.standard.id));
    summary.line(t.label.changed, changed.length);
    summary.blank();
    summary.line(t.label.changes);
    summary.header([c.path, c.entity, ...CHANGES.map((x) => ({ value: t.change[x], style: CHANGE_STYLE[x] })), c.total]);
    for (const s of comparison.summary) {
      const counts = CHANGES.map((x) => s.counts[x]);
      summary.row([s.path.join(' › '), s.entity, ...counts, counts.reduce((a, b) => a + b, 0)]);
    }
    if (report.warnings.length) {
      summary.blank();
      summary.header([c.warning]);
      for (const x of report.warnings) summary.row([x]);
    }
    summary.end();

    const sheet = book.table(t.sheet.changes, [
      { header: c.path, width: 24 },
      { header: c.entity, width: 14 },
      { header: c.id, width: 10 },
      { header: c.title, width: 28 },
      { header: c.tier, width: 8 },
      { header: c.change, width: 11 },
      { header: c.before, width: 10 },
      { header: c.after, width: 10 },
      { header: c.valueBefore, width: 11 },
      { header: c.valueAfter, width: 11 },
      { header: c.valueChange, width: 11 },
      { header: c.gapBefore, width: 11 },
      { header: c.gapAfter, width: 11 },
      { header: c.gapUnit, width: 10 },
      { header: c.gapChange, width: 11 },
      { header: c.actualBefore, width: 30 },
      { header: c.actualAfter, width: 30 },
    ]);
    for (const r of changed) {
      const s = (r.new ?? r.old)!;
      await sheet.add([
        s.path.join(' › '),
        s.entity,
        s.indicator,
        s.title,
        s.tier,
        { value: t.change[r.change], style: CHANGE_STYLE[r.change] },
        status(r.old, t),
        status(r.new, t),
        numeric(r.old?.value),
        numeric(r.new?.value),
        delta(r.valueDelta),
        r.old?.gap?.amount,
        r.new?.gap?.amount,
        gapUnit(r.new ?? r.old, t),
        delta(r.gapDelta),
        r.old?.actual,
        r.new?.actual,
      ]);
    }
    sheet.end();
  });
}

function status(s: Snapshot | undefined, t: XlsxWords): Cell {
  return s ? { value: t.status[s.status], style: STATUS_STYLE[s.status] } : undefined;
}

function numeric(v: Snapshot['value']): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

/** A change, signed (+1.5 / −2). */
function delta(n: number | undefined): Cell {
  return n === undefined ? undefined : { value: n, style: numberStyle(n, true) };
}

/** A comparison's snapshots keep the gap's unit (not the value's, which their `actual` text carries). */
function gapUnit(s: Snapshot | undefined, t: XlsxWords): string | undefined {
  const g = s?.gap;
  if (!g) return undefined;
  if (g.steps) return t.steps;
  if (g.unit === '%') return t.percentagePoints;
  return g.unit;
}
