// HTML check report: the header, a tile per entity (and tier) with its counts per status, pass-rate bars per
// category, the entity × indicator grid coloured by status, and the gap list grouped by indicator with each
// indicator's own text on demand. Written to the sink row by row.
import type { RenderOptions, Report, Sink } from '../types.js';
import type { Result, Status } from '../../engine/types.js';
import { STATUSES } from '../../engine/types.js';
import { gathered, type Evaluated as Evaluation } from '../../engine/evaluate.js';
import type { Indicator } from '../../standard/types.js';
import { gapList } from '../../engine/gaps.js';
import { words, type Words } from '../../i18n/words.js';
import { WORDS as GAP_WORDS } from '../table/gaps.js';
import { closePage, esc, HtmlWriter, legend, MARK, openPage, PAGE, percent, reportHeader, stackedBar, standardTitle, statusParts, zeroCounts } from './page.js';
import { columnCount, itemColumns, itemRows, itemsTable, openItemsTable, sourceDetails } from './gaps.js';

const T = {
  zh: {
    subtitle: (n: number) => `达标检查 · ${n} 项结果`,
    summary: '概览',
    categories: '各类别达标率',
    rateNote: '达标率 = 达标 ÷（全部结果 − 不适用）。条形按状态分段，颜色与图例相同。',
    rate: (pct: string) => `达标率 ${pct}`,
    rateWord: '达标率',
    passOf: (k: number, n: number, pass: string, pct: string) => `${k}/${n} ${pass} · ${pct}`,
    grid: '对象 × 指标',
    gridNote: '每格为一项结果，颜色与符号表示结果；鼠标悬停可见对象、指标、结果与差距。斜线格：该指标不在此层级评估。',
    entity: '对象',
    tier: '目标',
    gapsNote: '未达标、缺数据与待核查的结果，按指标分组：重点指标在前，差距大的在前；▲ 为牵头单位。',
    items: (n: number) => `${n} 项`,
    tierMark: (t: string) => `［${t}］`,
  },
  en: {
    subtitle: (n: number) => `Compliance check · ${n} result${n === 1 ? '' : 's'}`,
    summary: 'Summary',
    categories: 'Pass rate by category',
    rateNote: 'Pass rate = pass ÷ (all results − n/a). Each bar is split by status, coloured as in the legend.',
    rate: (pct: string) => `pass rate ${pct}`,
    rateWord: 'pass rate',
    passOf: (k: number, n: number, pass: string, pct: string) => `${k}/${n} ${pass} · ${pct}`,
    grid: 'Entities × indicators',
    gridNote: 'One cell per result; colour and mark give the result. Hover a cell for the entity, indicator, result and gap. Hatched: the indicator is not judged at that level.',
    entity: 'entity',
    tier: 'target',
    gapsNote: "Results that fail, lack data or need a person's check, grouped by indicator: key indicators and the largest gaps first; ▲ marks the lead unit.",
    items: (n: number) => `${n} item${n === 1 ? '' : 's'}`,
    tierMark: (t: string) => ` [${t}]`,
  },
};

type Words2 = { w: Words; t: (typeof T)['zh' | 'en'] };

export async function check(report: Extract<Report, { kind: 'check' }>, options: RenderOptions, sink: Sink): Promise<void> {
  const evaluation = await gathered(report.evaluation);
  const w = words(evaluation.standard, options.lang);
  const t = T[options.lang];
  const out = new HtmlWriter(sink);
  openPage(out, options.lang, standardTitle(evaluation, options.lang));
  reportHeader(out, evaluation, report.inputs, report.warnings, w, t.subtitle(evaluation.results.length));
  out.write(`<main>\n`);
  summarySection(out, evaluation, { w, t });
  categorySection(out, evaluation, { w, t });
  gridSection(out, evaluation, { w, t });
  gapSection(out, evaluation, { w, t });
  out.write(`</main>\n`);
  closePage(out, options.lang);
}

function countsList(counts: Record<Status, number>, w: Words, always: readonly Status[] = ['pass', 'fail']): string {
  return STATUSES.filter((s) => counts[s] > 0 || always.includes(s))
    .map((s) => `<li class="s-${s}" data-status="${s}" data-count="${counts[s]}"><span class="mark">${MARK[s]}</span><b>${counts[s]}</b>${esc(w.status(s))}</li>`)
    .join('');
}

function rateOf(counts: Record<Status, number>): { pass: number; judged: number } {
  const all = STATUSES.reduce((a, s) => a + counts[s], 0);
  return { pass: counts.pass, judged: all - counts.na };
}

/** One tile per entity and tier: its level, its pass rate, a bar and the count of each status. */
function summarySection(out: HtmlWriter, evaluation: Evaluation, { w, t }: Words2): void {
  const { standard, tiers } = evaluation;
  out.write(`<section class="summary">\n<h2>${esc(t.summary)}</h2>\n`);
  const totals = zeroCounts();
  for (const s of evaluation.summary) for (const k of STATUSES) totals[k] += s.counts[k];
  const all = STATUSES.reduce((a, s) => a + totals[s], 0);
  const { pass, judged } = rateOf(totals);
  out.write(`<div class="totals"><span class="label">${esc(PAGE[w.lang].total)} <span class="num">${all}</span></span>`);
  out.write(`<ul class="legend">${countsList(totals, w)}</ul><span class="dim">${esc(t.rate(percent(pass, judged)))}</span></div>\n`);
  out.write(legend(w), '\n');
  // The entities at the highest level judged take a wider tile, when lower levels are judged too.
  const depth = new Map(standard.levels.map((l) => [l.id, l.depth]));
  const depths = evaluation.summary.map((s) => depth.get(s.level) ?? 0);
  const top = Math.min(...depths);
  const mixed = new Set(depths).size > 1;
  out.write(`<div class="tiles">\n`);
  for (const s of evaluation.summary) {
    const n = STATUSES.reduce((a, k) => a + s.counts[k], 0);
    const r = rateOf(s.counts);
    const isTop = mixed && (depth.get(s.level) ?? 0) === top;
    const sub = [w.level(s.level), ...(tiers.length > 1 ? [w.tier(s.tier)] : []), PAGE[w.lang].results(n)];
    out.write(
      `<section class="tile${isTop ? ' top' : ''}" data-entity="${esc(s.entity)}" data-tier="${esc(s.tier)}">`,
      `<div class="head"><h3 title="${esc(s.entity)}">${esc(s.entity)}</h3><span class="rate"><small>${esc(t.rateWord)}</small> ${esc(percent(r.pass, r.judged))}</span></div>`,
      `<p class="lvl">${esc(sub.join(' · '))}</p>`,
      stackedBar(statusParts(s.counts, w), `${s.entity}: ${STATUSES.filter((k) => s.counts[k]).map((k) => `${w.status(k)} ${s.counts[k]}`).join(', ')}`),
      `<ul class="counts">${countsList(s.counts, w)}</ul></section>\n`,
    );
  }
  out.write(`</div>\n</section>\n`);
}

/** Pass-rate bars per category: each top category, then its sub-categories (per tier when there are several). */
function categorySection(out: HtmlWriter, evaluation: Evaluation, { w, t }: Words2): void {
  interface Cat { name: string; counts: Record<Status, number>; subs: Map<string, Record<Status, number>> }
  const cats = new Map<string, Cat>();
  const several = evaluation.tiers.length > 1;
  for (const r of evaluation.results) {
    const path = (w.lang === 'en' && r.indicator.categoryEn) || r.indicator.category;
    const head = `${path[0] ?? ''}${several ? t.tierMark(w.tier(r.tier)) : ''}`;
    let c = cats.get(head);
    if (!c) cats.set(head, (c = { name: head, counts: zeroCounts(), subs: new Map() }));
    c.counts[r.status]++;
    if (path.length > 1) {
      const sub = path.slice(1).join(' › ');
      let counts = c.subs.get(sub);
      if (!counts) c.subs.set(sub, (counts = zeroCounts()));
      counts[r.status]++;
    }
  }
  if (cats.size === 0) return;
  out.write(`<section class="categories">\n<h2>${esc(t.categories)}</h2>\n<p class="note">${esc(t.rateNote)}</p>\n<div class="cats">\n`);
  const row = (cls: string, name: string, counts: Record<Status, number>) => {
    const { pass, judged } = rateOf(counts);
    const figures = t.passOf(pass, judged, w.status('pass'), percent(pass, judged));
    return `<div class="cat ${cls}" data-pass="${pass}" data-judged="${judged}"><span class="name" title="${esc(name)}">${esc(name)}</span>${stackedBar(statusParts(counts, w), `${name}: ${figures}`)}<span class="figures">${esc(figures)}</span></div>\n`;
  };
  for (const c of cats.values()) {
    out.write(`<div class="catgroup">`, row('top', c.name, c.counts));
    for (const [name, counts] of c.subs) out.write(row('sub', name, counts));
    out.write(`</div>\n`);
  }
  out.write(`</div>\n</section>\n`);
}

/** Rows: entities (and tiers) in tree order; columns: indicators in the standard's order; one cell per result. */
function gridSection(out: HtmlWriter, evaluation: Evaluation, { w, t }: Words2): void {
  const { standard, tiers } = evaluation;
  interface Row { path: string[]; level: string; tier: string; cells: Map<string, Result> }
  const rows = new Map<string, Row>();
  const used = new Set<string>();
  for (const r of evaluation.results) {
    const key = `${r.path.join('\u0000')}\u0001${r.tier}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { path: r.path, level: r.level, tier: r.tier, cells: new Map() }));
    row.cells.set(r.indicator.id, r);
    used.add(r.indicator.id);
  }
  const indicators = standard.indicators.filter((i) => used.has(i.id));
  if (indicators.length === 0) return;
  const topCat = (i: Indicator) => ((w.lang === 'en' && i.categoryEn) || i.category)[0] ?? '';
  const starts = new Set<string>();
  const groups: { name: string; span: number }[] = [];
  for (const i of indicators) {
    const name = topCat(i);
    const last = groups[groups.length - 1];
    if (last && last.name === name) last.span++;
    else (groups.push({ name, span: 1 }), starts.add(i.id));
  }
  const depth0 = Math.min(...[...rows.values()].map((r) => r.path.length));
  out.write(`<section class="grid-section">\n<h2>${esc(t.grid)}</h2>\n<p class="note">${esc(t.gridNote)}</p>\n${legend(w)}\n<div class="grid-wrap">\n<table class="grid" style="${cellSize(indicators.length)}">\n<thead>\n`);
  const several = tiers.length > 1;
  out.write(`<tr class="cats"><th class="ent" rowspan="2" scope="col">${esc(t.entity)}</th>${several ? `<th class="tier" rowspan="2" scope="col">${esc(t.tier)}</th>` : ''}${groups.map((g) => `<th colspan="${g.span}" class="cs" title="${esc(g.name)}">${esc(g.name)}</th>`).join('')}</tr>\n`);
  out.write(`<tr class="ids">${indicators.map((i) => `<th scope="col" class="ind${starts.has(i.id) ? ' cs' : ''}" title="${esc(`${i.id} ${w.title(i)}`)}"><span>${esc(i.id)}</span></th>`).join('')}</tr>\n</thead>\n<tbody>\n`);
  // With several tiers an entity's rows follow one another: its name spans them, each row names its tier.
  const span = new Map<string, number>();
  for (const row of rows.values()) span.set(row.path.join('\u0000'), (span.get(row.path.join('\u0000')) ?? 0) + 1);
  let last: string | undefined;
  for (const row of rows.values()) {
    const d = row.path.length - depth0;
    const where = row.path.join(' › ');
    const key = row.path.join('\u0000');
    const tierName = several ? w.tier(row.tier) : '';
    const cells = indicators.map((i) => {
      const r = row.cells.get(i.id);
      const cs = starts.has(i.id) ? ' cs' : '';
      if (!r) return `<td class="c none${cs}"></td>`;
      const gap = r.status === 'pass' || r.status === 'na' ? '' : w.gap(r);
      const title = [`${where}${several ? t.tierMark(tierName) : ''}`, `${i.id} ${w.title(i)}`, w.status(r.status), ...(gap ? [gap] : [])].join(' · ');
      return `<td class="c s-${r.status}${cs}" data-status="${r.status}" title="${esc(title)}">${MARK[r.status]}</td>`;
    });
    const first = key !== last;
    last = key;
    const rowspan = several && first && span.get(key)! > 1 ? ` rowspan="${span.get(key)}"` : '';
    const name = first ? `<th scope="row" class="ent"${rowspan} style="padding-left:${6 + 14 * d}px" title="${esc(`${where} (${w.level(row.level)})`)}">${esc(row.path[row.path.length - 1]!)}</th>` : '';
    const tier = several ? `<th scope="row" class="tier" title="${esc(tierName)}">${esc(tierName)}</th>` : '';
    out.write(`<tr class="depth${d}${first ? ' first' : ''}">`, name, tier, cells.join(''), `</tr>\n`);
  }
  out.write(`</tbody>\n</table>\n</div>\n</section>\n`);
}

/** What falls short, grouped by indicator (key indicators and the largest gaps first), then pending and waived. */
function gapSection(out: HtmlWriter, evaluation: Evaluation, { w, t }: Words2): void {
  const g = GAP_WORDS[w.lang];
  const list = gapList(evaluation.standard, evaluation.results, 'indicator', evaluation.waivers);
  out.write(`<section class="gaplist">\n<h2>${esc(g.heading(list.items.length, list.pending.length, list.waived.length))}</h2>\n<p class="note">${esc(t.gapsNote)}</p>\n`);
  if (list.items.length === 0) out.write(`<p class="none">${esc(g.none)}</p>\n`);
  else {
    // One table: a heading row per indicator (its text on demand), then a row per entity that falls short.
    const cols = itemColumns(list.items.map((item) => ({ item })), { indicator: false, source: false });
    openItemsTable(out, w, cols);
    for (const group of list.groups) {
      const indicator = group.items[0]!.item.result.indicator;
      out.write(
        `<tbody class="gapgroup" data-indicator="${esc(indicator.id)}">\n<tr class="grp"><th colspan="${columnCount(cols)}" scope="rowgroup">`,
        `<span class="gid">${esc(indicator.id)}</span> <span class="gtitle">${esc(w.title(indicator))}</span>`,
        `<span class="hcat">${esc(w.category(indicator))}</span><span class="hcount">${esc(t.items(group.items.length))}</span>`,
        sourceDetails(indicator, w),
        `</th></tr>\n`,
      );
      itemRows(out, group.items, w, cols);
      out.write(`</tbody>\n`);
    }
    out.write(`</table>\n`);
  }
  if (list.pending.length) {
    out.write(`<section class="pending">\n<h3>${esc(g.pending)}</h3>\n`);
    itemsTable(out, list.pending.map((item) => ({ item, lead: false })), w, { indicator: true, source: true });
    out.write(`</section>\n`);
  }
  if (list.waived.length) {
    out.write(`<section class="waived">\n<h3>${esc(g.waived)}</h3>\n`);
    itemsTable(out, list.waived.map((item) => ({ item, lead: false })), w, { indicator: true, source: true, extra: (it) => g.waiver(it.result.waived!.waiver) });
    out.write(`</section>\n`);
  }
  out.write(`</section>\n`);
}

/** Grid cells as wide as the columns allow (few indicators: larger cells), on screen and on a landscape A4 page. */
function cellSize(columns: number): string {
  const screen = Math.max(14, Math.min(24, Math.floor((1060 - 180) / columns)));
  const print = Math.max(2.8, Math.min(5.5, (277 - 20 - 34) / columns));
  return `--cell:${screen}px;--cell-print:${print.toFixed(2)}mm`;
}
