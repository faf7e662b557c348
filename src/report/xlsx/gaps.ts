// The workbook of `gaps`: a summary sheet, the gap list (every item to act on once, in the order of the list),
// with `--by owner` one sheet per responsible unit (its part marked lead or support; 未分配 for items no unit
// answers for), then what is not yet due, what is waived, and waivers that expired or were not used.
import type { RenderOptions, Report, Sink } from '../types.js';
import type { GapItem } from '../../engine/gaps.js';
import { words, type Words } from '../../i18n/words.js';
import { writeWorkbook, type Cell, type Column } from './sheet.js';
import { resultCells, resultColumns, runHeader, statusCell, waiverSheet, warningLines } from './check.js';
import { xlsxWords, type XlsxWords } from './words.js';

export async function gaps(report: Extract<Report, { kind: 'gaps' }>, options: RenderOptions, sink: Sink): Promise<void> {
  const { evaluation, gaps: list } = report;
  const w = words(evaluation.standard, options.lang);
  const t = xlsxWords(options.lang);
  const byOwner = list.groupBy === 'owner';
  const otherWaivers = [
    ...list.expiredWaivers.map((waiver) => ({ waiver, state: t.expired })),
    ...list.unusedWaivers.map((waiver) => ({ waiver, state: t.unused })),
  ];

  await writeWorkbook(sink, async (book) => {
    // Every sheet's name is settled first, so the summary can say which sheet holds which unit.
    const names = {
      summary: book.reserve(t.sheet.summary),
      gaps: book.reserve(t.sheet.gaps),
      pending: book.reserve(t.sheet.pending),
      waived: book.reserve(t.sheet.waived),
      otherWaivers: book.reserve(t.sheet.otherWaivers),
    };
    const groupName = (key: string | undefined) => (key === undefined ? t.sheet.unassigned : byOwner ? w.term(key) : key);
    const unitSheets = byOwner ? list.groups.map((g) => book.reserve(groupName(g.key))) : [];

    const summary = book.summary(names.summary, [26, 26, 10, 10, 10]);
    runHeader(summary, evaluation, report.inputs, w, t);
    summary.line(t.label.groupBy, t.by[list.groupBy]);
    summary.blank();
    summary.line(t.label.actionable, list.items.length);
    summary.line(t.label.pending, list.pending.length);
    summary.line(t.label.waived, list.waived.length);
    if (list.expiredWaivers.length) summary.line(t.label.expiredWaivers, list.expiredWaivers.length);
    if (list.unusedWaivers.length) summary.line(t.label.unusedWaivers, list.unusedWaivers.length);
    if (list.groups.length) {
      summary.blank();
      summary.line(t.label.groups);
      summary.header(byOwner ? [t.col.owner, t.col.sheet, t.col.items, t.col.leads, t.col.supports] : [t.col.group, t.col.items]);
      list.groups.forEach((g, i) => {
        const leads = g.items.filter((x) => x.lead).length;
        const roles = g.key === undefined ? [undefined, undefined] : [leads, g.items.length - leads];
        summary.row(byOwner ? [groupName(g.key), unitSheets[i], g.items.length, ...roles] : [groupName(g.key), g.items.length]);
      });
    }
    warningLines(summary, report.warnings, t);
    summary.end();

    // The gap list: by owner every item once in rank order (its units in their column); by indicator or entity
    // the groups in turn, the group in the first column.
    const gapSheet = book.table(names.gaps, [...(byOwner ? [] : [{ header: t.col.group, width: 16 }]), ...itemColumns(t)]);
    if (byOwner) for (const it of list.items) await gapSheet.add(itemCells(it, w, t));
    else for (const g of list.groups) for (const x of g.items) await gapSheet.add([groupName(g.key), ...itemCells(x.item, w, t)]);
    gapSheet.end();

    for (const [i, g] of (byOwner ? list.groups : []).entries()) {
      const sheet = book.table(unitSheets[i]!, [{ header: t.col.role, width: 10 }, ...itemColumns(t)]);
      for (const x of g.items) await sheet.add([g.key === undefined ? undefined : x.lead ? t.lead : t.support, ...itemCells(x.item, w, t)]);
      sheet.end();
    }

    if (list.pending.length) {
      const sheet = book.table(names.pending, [...itemColumns(t), { header: t.col.was, width: 10 }]);
      for (const it of list.pending) {
        const was = it.result.due?.was ?? it.duty.due.find((d) => d.was)?.was;
        await sheet.add([...itemCells(it, w, t), was ? statusCell({ status: was }, w) : undefined]);
      }
      sheet.end();
    }

    if (list.waived.length) {
      const c = t.col;
      const sheet = book.table(names.waived, [
        ...itemColumns(t),
        { header: c.was, width: 10 },
        { header: c.reason, width: 40 },
        { header: c.by, width: 18 },
        { header: c.expires, width: 12 },
        { header: c.source, width: 28 },
      ]);
      for (const it of list.waived) {
        const waived = it.result.waived;
        const x = waived?.waiver;
        await sheet.add([...itemCells(it, w, t), waived ? statusCell({ status: waived.was }, w) : undefined, x?.reason, x?.by, x?.expires, x ? `${x.file}:${x.line}` : undefined]);
      }
      sheet.end();
    }

    if (otherWaivers.length) await waiverSheet(book, names.otherWaivers, otherWaivers, t, w);
  });
}

function itemColumns(t: XlsxWords): Column[] {
  return [...resultColumns(t), { header: t.col.overdue, width: 8 }];
}

function itemCells(it: GapItem, w: Words, t: XlsxWords): Cell[] {
  return [...resultCells(it.result, it.duty, w), it.overdue ? t.yes : t.no];
}
