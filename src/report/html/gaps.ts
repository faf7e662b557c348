// HTML gap list: one section per responsible unit (or indicator, or entity), each a table of what falls short
// with owners and deadlines; then what is not yet due, what is waived (with reason and approver), and waivers
// that expired or were not used. Each row's indicator text is there on demand.
import type { RenderOptions, Report, Sink } from '../types.js';
import type { GapItem } from '../../engine/gaps.js';
import type { Indicator, Responsible } from '../../standard/types.js';
import { words, type Words } from '../../i18n/words.js';
import { WORDS as GAP_WORDS } from '../table/gaps.js';
import { HEAD } from '../table/check.js';
import { badge, closePage, esc, escLines, HtmlWriter, openPage, PAGE, reportHeader, standardTitle } from './page.js';

export const GAPS = {
  zh: {
    leadTitle: '牵头单位',
    noDuty: '—',
    entityAll: '全部对象',
  },
  en: {
    leadTitle: 'lead unit',
    noDuty: '—',
    entityAll: 'every entity',
  },
};

export interface ItemsTableOptions {
  /** Whether rows name their indicator (a table under one indicator need not). */
  indicator: boolean;
  /** Whether each row offers its indicator's text on demand. */
  source: boolean;
  /** More words under the gap (a waiver's reason). */
  extra?: (item: GapItem) => string;
}

/** Which columns a table of gap items has. */
export function itemColumns(rows: { item: GapItem }[], opts: ItemsTableOptions): ItemsTableOptions & { owner: boolean } {
  const owner = rows.some(({ item }) => item.duty.units.length > 0 || item.duty.deadlines.some((d) => d.trim()) || item.duty.tasks.length > 0);
  return { ...opts, owner };
}

type Columns = ReturnType<typeof itemColumns>;

/** Opens a table of gap items: its column widths and header (repeated on each printed page). */
export function openItemsTable(out: HtmlWriter, w: Words, cols: Columns): void {
  const g = GAP_WORDS[w.lang];
  // Fixed layout: every section's table lines up; the indicator / target column takes what is left.
  const spec: [string, string | undefined][] = [
    ...(cols.indicator ? [[g.head[0]!, '7.5%'] as [string, string]] : []),
    [g.head[2]!, '8.5%'],
    [g.head[1]!, cols.indicator ? '10%' : '12%'],
    [cols.indicator ? g.head[3]! : HEAD[w.lang].target, undefined],
    [g.head[4]!, '17%'],
    [g.head[5]!, '17%'],
    ...(cols.owner ? [[g.head[6]!, '14%'] as [string, string]] : []),
  ];
  out.write(`<table class="list gaps"><colgroup>${spec.map(([, width]) => (width ? `<col style="width:${width}">` : '<col>')).join('')}</colgroup>`);
  out.write(`<thead><tr>${spec.map(([h]) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>\n`);
}

export function columnCount(cols: Columns): number {
  return 5 + Number(cols.indicator) + Number(cols.owner);
}

/** Rows of gap items, one each. */
export function itemRows(out: HtmlWriter, rows: Iterable<{ item: GapItem; lead: boolean }>, w: Words, cols: Columns): void {
  for (const { item, lead } of rows) {
    const r = item.result;
    const cells: string[] = [];
    if (cols.indicator) cells.push(`<td class="id">${esc(r.indicator.id)}${lead ? `<span class="lead" title="${esc(GAPS[w.lang].leadTitle)}">▲</span>` : ''}</td>`);
    cells.push(`<td>${badge(r.status, w.status(r.status))}</td>`);
    cells.push(`<td class="entity">${esc(r.path.join(' › '))}</td>`);
    const target = `<div class="target">${escLines(w.target(r.target))}</div>`;
    const source = cols.source ? sourceDetails(r.indicator, w) : '';
    cells.push(cols.indicator ? `<td><div class="title">${esc(w.title(r.indicator))}</div>${target}${source}</td>` : `<td>${target}${source}</td>`);
    cells.push(`<td>${escLines(w.actual(r.actual))}</td>`);
    const extra = cols.extra ? `<div class="waiver">${esc(cols.extra(item))}</div>` : '';
    cells.push(`<td class="gap">${escLines(w.gap(r))}${extra}</td>`);
    if (cols.owner) cells.push(`<td class="owner">${ownerCell(item, w)}</td>`);
    out.write(`<tr class="s-${r.status}" data-status="${r.status}">${cells.join('')}</tr>\n`);
  }
}

/** A whole table of gap items. */
export function itemsTable(out: HtmlWriter, rows: { item: GapItem; lead: boolean }[], w: Words, opts: ItemsTableOptions): void {
  const cols = itemColumns(rows, opts);
  openItemsTable(out, w, cols);
  out.write(`<tbody>\n`);
  itemRows(out, rows, w, cols);
  out.write(`</tbody></table>\n`);
}

/** Responsible units, the lead marked ▲ and first, then the deadlines and sub-tasks. */
export function ownerCell(item: GapItem, w: Words): string {
  const d = item.duty;
  const sep = PAGE[w.lang].sep;
  const units = unitsHtml(d.units, w);
  const deadline = [d.deadlines.map((x) => w.deadline(x)).join(sep), d.tasks.map((x) => w.task(x)).join(w.lang === 'en' ? ', ' : '')].filter(Boolean).join(' ');
  return `${units || (deadline ? '' : esc(GAPS[w.lang].noDuty))}${deadline ? `<div class="deadline">${esc(deadline)}</div>` : ''}`;
}

export function unitsHtml(units: Responsible[], w: Words): string {
  return units.map((u) => `${u.lead ? `<span class="lead" title="${esc(GAPS[w.lang].leadTitle)}">▲</span>` : ''}${esc(w.term(u.name))}`).join(esc(PAGE[w.lang].sep));
}

/** The indicator's own words (and each tier's, its baseline and the evidence it asks for), folded away. */
export function sourceDetails(indicator: Indicator, w: Words): string {
  const p = PAGE[w.lang];
  const parts = [`<blockquote class="source">${esc(indicator.source.trim())}</blockquote>`];
  for (const [tier, text] of Object.entries(indicator.sourceTiers ?? {})) {
    parts.push(`<div><b>${esc(p.sourceTier(w.tier(tier)))}</b></div><blockquote class="source">${esc(text.trim())}</blockquote>`);
  }
  if (indicator.baseline) parts.push(`<div><b>${esc(p.sourceTier(p.baseline))}</b></div><blockquote class="source">${esc(indicator.baseline.trim())}</blockquote>`);
  const evidence = (w.lang === 'en' && indicator.evidenceEn) || indicator.evidence;
  if (evidence) parts.push(`<div><b>${esc(p.sourceTier(p.evidence))}</b> ${esc(evidence)}</div>`);
  return `<details class="source"><summary>${esc(p.source)}</summary>${parts.join('')}</details>`;
}

export function gaps(report: Extract<Report, { kind: 'gaps' }>, options: RenderOptions, sink: Sink): void {
  const { evaluation, gaps: list } = report;
  const w = words(evaluation.standard, options.lang);
  const t = GAP_WORDS[options.lang];
  const p = PAGE[options.lang];
  const out = new HtmlWriter(sink);
  const heading = t.heading(list.items.length, list.pending.length, list.waived.length);
  openPage(out, options.lang, `${heading} — ${standardTitle(evaluation, options.lang)}`);
  reportHeader(out, evaluation, report.inputs, report.warnings, w, `${heading}${p.paren(t.by[list.groupBy])}`);

  out.write(`<main>\n`);
  if (list.items.length === 0) out.write(`<p class="none">${esc(t.none)}</p>\n`);
  const countText = (g: (typeof list.groups)[number]) => {
    const leads = g.items.filter((x) => x.lead).length;
    return list.groupBy === 'owner' && g.key !== undefined ? t.lead(leads, g.items.length - leads) : t.count(g.items.length);
  };
  // An index of the sections, linked within the page, when there are several.
  if (list.groups.length > 1) {
    out.write(`<nav class="toc"><ol>\n`);
    list.groups.forEach((g, i) => out.write(`<li><a href="#g${i + 1}">${groupTitle(g.key, list.groupBy, g.items, w)}</a> <small>${esc(countText(g))}</small></li>\n`));
    out.write(`</ol></nav>\n`);
  }
  for (const [i, g] of list.groups.entries()) {
    out.write(`<section class="gapgroup" id="g${i + 1}" data-key="${esc(g.key ?? '')}">\n<h3>${groupTitle(g.key, list.groupBy, g.items, w)}`);
    out.write(`<span class="hcount">${esc(countText(g))}</span></h3>\n`);
    itemsTable(out, g.items, w, { indicator: true, source: true });
    out.write(`</section>\n`);
  }
  if (list.pending.length) {
    out.write(`<section class="pending">\n<h2>${esc(t.pending)}</h2>\n`);
    itemsTable(out, list.pending.map((item) => ({ item, lead: false })), w, { indicator: true, source: true });
    out.write(`</section>\n`);
  }
  if (list.waived.length) {
    out.write(`<section class="waived">\n<h2>${esc(t.waived)}</h2>\n`);
    itemsTable(out, list.waived.map((item) => ({ item, lead: false })), w, { indicator: true, source: true, extra: (it) => t.waiver(it.result.waived!.waiver) });
    out.write(`</section>\n`);
  }
  for (const [cls, title, waivers] of [['expired', t.expired, list.expiredWaivers], ['unused', t.unused, list.unusedWaivers]] as const) {
    if (!waivers.length) continue;
    out.write(`<section class="${cls}-waivers">\n<h2>${esc(title)}</h2>\n<ul class="plain">\n`);
    for (const x of waivers) out.write(`<li><b>${esc(x.indicator)}</b> ${esc(x.entity ?? GAPS[options.lang].entityAll)}${x.tier ? ` [${esc(w.tier(x.tier))}]` : ''}${esc(p.colon)}${esc(t.waiver(x))}</li>\n`);
    out.write(`</ul>\n</section>\n`);
  }
  out.write(`</main>\n`);
  closePage(out, options.lang);
}

function groupTitle(key: string | undefined, by: 'owner' | 'indicator' | 'entity', items: { item: GapItem }[], w: Words): string {
  if (key === undefined) return esc(GAP_WORDS[w.lang].unassigned);
  if (by === 'owner') return esc(w.term(key));
  if (by === 'indicator') return `${esc(key)} ${esc(w.title(items[0]!.item.result.indicator))}`;
  return esc(key);
}
