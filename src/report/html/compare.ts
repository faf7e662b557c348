// HTML comparison of two submissions: per entity the count of each change (with a bar), then per entity the
// indicators whose result changed, before and after, with the change in value and in gap.
import type { RenderOptions, Report, Sink } from '../types.js';
import type { Change, ChangeRow, Snapshot } from '../../engine/compare.js';
import { CHANGES } from '../../engine/compare.js';
import type { Status } from '../../engine/types.js';
import { pushTo } from '../../util/group.js';
import { WORDS as COMPARE_WORDS, delta } from '../table/compare.js';
import { badge, closePage, esc, escLines, HtmlWriter, openPage, PAGE, stackedBar, warningsBlock } from './page.js';
import { VERSION } from '../../version.js';

const T = {
  zh: {
    perEntity: '各对象的变化',
    changed: '有变化的指标',
    entity: '对象',
    rows: (n: number) => `${n} 项`,
  },
  en: {
    perEntity: 'Changes per entity',
    changed: 'Indicators whose result changed',
    entity: 'entity',
    rows: (n: number) => `${n} row${n === 1 ? '' : 's'}`,
  },
};

const CHANGE_MARK: Record<Change, string> = { 'newly-passing': '✓', improved: '↗', unchanged: '=', regressed: '↘', 'newly-failing': '✗', added: '+', removed: '−' };
const CHANGE_FILL: Record<Change, string> = { 'newly-passing': '#1a7f37', improved: '#4ac26b', unchanged: '#b6bcc4', regressed: '#e16f24', 'newly-failing': '#d1242f', added: '#0891b2', removed: '#64748b' };

const STYLE = `
${CHANGES.map((c) => `.ch-${c} > .mark { background: ${CHANGE_FILL[c]}; }`).join('\n')}
.ch-unchanged > .mark { color: #3d444d; }
.change > .mark, table.changes th > .mark { margin-right: 4px; }
table.changes th.n { text-align: right; }
table.changes td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.changes td.n.zero { color: #b6bcc4; }
table.changes td.bar { min-width: 140px; width: 30%; vertical-align: middle; }
.change { white-space: nowrap; font-weight: 600; }
.legend .change { font-weight: 400; }
`;

function changeBadge(c: Change, word: string): string {
  return `<span class="change ch-${c}"><span class="mark">${CHANGE_MARK[c]}</span>${esc(word)}</span>`;
}

export function compare(report: Extract<Report, { kind: 'compare' }>, options: RenderOptions, sink: Sink): void {
  const { comparison } = report;
  const lang = options.lang;
  const cw = COMPARE_WORDS[lang];
  const t = T[lang];
  const p = PAGE[lang];
  const out = new HtmlWriter(sink);
  const name = (options.lang === 'en' && comparison.standard.titleEn) || comparison.standard.title;
  const title = `${cw.title(comparison.standard.id)} ${name}`;
  openPage(out, lang, title, STYLE);
  out.write(`<header class="report">\n<h1>${esc(name)}</h1>\n<p class="sub">${esc(cw.title(comparison.standard.id))}</p>\n<dl class="meta">\n`);
  out.write(`<dt>${esc(p.standardId)}</dt><dd><code>${esc(comparison.standard.id)}</code></dd>\n<dt>dabiao</dt><dd>${esc(p.generatedBy(VERSION))}</dd>\n</dl>\n`);
  warningsBlock(out, report.warnings, lang);
  out.write(`<ul class="legend">${CHANGES.map((c) => `<li>${changeBadge(c, cw.change[c])}</li>`).join('')}</ul>\n</header>\n<main>\n`);

  // Counts of each change per entity.
  out.write(`<section class="per-entity">\n<h2>${esc(t.perEntity)}</h2>\n<table class="list changes"><colgroup><col style="width:18%">${CHANGES.map(() => '<col style="width:8.5%">').join('')}<col></colgroup><thead><tr><th scope="col">${esc(t.entity)}</th>`);
  out.write(CHANGES.map((c) => `<th scope="col" class="n ch-${c}"><span class="mark">${CHANGE_MARK[c]}</span>${esc(cw.change[c])}</th>`).join(''), `<th scope="col"></th></tr></thead>\n<tbody>\n`);
  for (const s of comparison.summary) {
    const where = s.path.join(' › ');
    const parts = CHANGES.map((c) => ({ key: c, count: s.counts[c], fill: CHANGE_FILL[c], label: `${cw.change[c]} ${s.counts[c]}` }));
    const barTitle = `${where}: ${CHANGES.filter((c) => s.counts[c]).map((c) => `${cw.change[c]} ${s.counts[c]}`).join(', ')}`;
    out.write(
      `<tr data-entity="${esc(s.entity)}"><th scope="row">${esc(where)}</th>`,
      CHANGES.map((c) => `<td class="n${s.counts[c] ? '' : ' zero'}" data-change="${c}">${s.counts[c]}</td>`).join(''),
      `<td class="bar">${stackedBar(parts, barTitle)}</td></tr>\n`,
    );
  }
  out.write(`</tbody></table>\n</section>\n`);

  // The rows that changed, per entity.
  const changed = comparison.rows.filter((r) => r.change !== 'unchanged');
  out.write(`<section class="changed">\n<h2>${esc(t.changed)}</h2>\n`);
  if (changed.length === 0) out.write(`<p class="none">${esc(cw.noChange)}</p>\n`);
  const byEntity = new Map<string, ChangeRow[]>();
  for (const r of changed) pushTo(byEntity, (r.new ?? r.old)!.path.join(' › '), r);
  const showTier = new Set(comparison.rows.map((r) => (r.new ?? r.old)!.tier)).size > 1;
  for (const [entity, rows] of byEntity) {
    out.write(`<h3>${esc(entity)} <small>${esc(t.rows(rows.length))}</small></h3>\n<table class="list changed-rows"><colgroup>${['8%', '21%', '11%', '20%', '20%', '10%', '10%'].map((x) => `<col style="width:${x}">`).join('')}</colgroup><thead><tr>${cw.head.map((h, i) => `<th scope="col"${i >= 5 ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead>\n<tbody>\n`);
    for (const r of rows) {
      const s = (r.new ?? r.old)!;
      const unit = (r.new?.gap ?? r.old?.gap)?.unit;
      out.write(
        `<tr class="ch-${r.change}" data-change="${r.change}">`,
        `<td class="id">${esc(s.indicator)}</td>`,
        `<td>${esc(s.title)}${showTier ? `<small>${esc(cw.tier(s.tier))}</small>` : ''}</td>`,
        `<td>${changeBadge(r.change, cw.change[r.change])}</td>`,
        `<td>${side(r.old, lang)}</td>`,
        `<td>${side(r.new, lang)}</td>`,
        `<td class="num">${esc(delta(r.valueDelta, unit, lang))}</td>`,
        `<td class="num">${esc(delta(r.gapDelta, unit, lang))}</td>`,
        `</tr>\n`,
      );
    }
    out.write(`</tbody></table>\n`);
  }
  out.write(`</section>\n</main>\n`);
  closePage(out, lang);
}

function side(s: Snapshot | undefined, lang: 'zh' | 'en'): string {
  if (!s) return '—';
  const word = COMPARE_WORDS[lang].status[s.status] ?? s.status;
  return `${badge(s.status as Status, word)}${s.actual ? `<div>${escLines(s.actual)}</div>` : ''}`;
}
