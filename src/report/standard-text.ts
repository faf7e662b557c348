// `standards show`: the normalized standard as JSON, or as text a person reads.
import type { Indicator, Metric, Standard } from '../standard/types.js';
import { walkChecks } from '../standard/walk.js';
import { words } from '../i18n/words.js';
import { checkFor } from '../engine/evaluate.js';
import { levelNameOf } from '../standard/levels.js';
import { indicatorDuty, unitsText } from '../engine/duty.js';
import { membersNameOf } from '../standard/levels.js';

export function standardJson(std: Standard) {
  const w = words(std, 'zh');
  const metrics = new Map(std.metrics.map((m) => [m.key, m]));
  return {
    ...std,
    metrics: std.metrics.map((m) => metricJson(std, m)),
    indicators: std.indicators.map((i) => ({
      ...i,
      levelName: levelNameOf(std, i.level),
      targets: Object.fromEntries(std.tiers.map((t) => [t.id, w.describe(checkFor(i, t.id, std))])),
      metrics: metricsOf(std, i).map((k) => metricJson(std, metrics.get(k)!)),
      duty: indicatorDuty(std, i),
    })),
  };
}

export function showStandard(std: Standard): string {
  const lines = [
    `${std.title}（${std.id}）`,
    `${std.issuer}${std.document.number ? ` ${std.document.number}` : ''}，${std.document.date}${std.document.source ? `；${std.document.source}` : ''}`,
    `层级：${std.levels.map((l) => l.name).join(' → ')}；目标：${std.tiers.map((t) => `${t.id}（${t.name}）`).join('、')}`,
    '',
  ];
  let last = '';
  for (const i of std.indicators) {
    const cat = i.category.join(' › ');
    if (cat !== last) lines.push(`${cat}`), (last = cat);
    lines.push(`  ${i.id.padEnd(7)} [${levelNameOf(std, i.level)}] ${i.title}`);
  }
  lines.push('', `dabiao standards show ${std.id} <indicator> for one indicator's text, targets and responsible units.`);
  return `${lines.join('\n')}\n`;
}

export function showIndicator(std: Standard, i: Indicator): string {
  const metrics = new Map(std.metrics.map((m) => [m.key, m]));
  const level = (id: string, kind?: string) => membersNameOf(std, id, kind);
  const out = [`${i.id}  ${i.title}${i.titleEn ? `（${i.titleEn}）` : ''}`];
  const className = i.class ? (std.classes.find((c) => c.id === i.class)?.name ?? i.class) : undefined;
  const classText = className && !i.category.includes(className) ? `；${className}` : '';
  out.push(`类别：${i.category.join(' › ')}${classText}；层级：${level(i.level)}；评估于：${i.evaluateAt.map((l) => level(l)).join('、')}`);
  out.push('', '原文：', indent(i.source));
  for (const [tier, text] of Object.entries(i.sourceTiers ?? {})) {
    out.push(`${std.tiers.find((t) => t.id === tier)?.name ?? tier}：`, indent(text));
  }
  if (i.baseline) out.push('项目现状：', indent(i.baseline));
  out.push('', '判定标准：');
  const w = words(std, 'zh');
  for (const t of std.tiers) out.push(`  ${t.id}（${t.name}）：${w.describe(checkFor(i, t.id, std))}`);
  out.push('', '数据项：');
  for (const k of metricsOf(std, i)) {
    const m = metrics.get(k)!;
    const derive = m.derive ? `；可由 ${metrics.get(m.derive.ratio.numerator)?.label} ÷ ${metrics.get(m.derive.ratio.denominator)?.label}${m.derive.ratio.per !== 1 ? ` × ${m.derive.ratio.per}` : ''} 计算` : '';
    out.push(`  ${m.label}（${m.key}）${m.unit ? ` [${m.unit}]` : m.type === 'percent' ? ' [%]' : ''} ${m.type}，层级：${m.levels.map((l) => level(l)).join('、')}${derive}`);
  }
  if (i.metric) out.push(`  列名 ${i.id} 即 ${metrics.get(i.metric)?.label}（${i.metric}）`);
  const duty = indicatorDuty(std, i);
  if (duty.units.length || i.due) {
    out.push('', `责任单位：${unitsText(duty.units) || '—'}${duty.units.some((u) => u.lead) ? '（▲ 牵头）' : ''}`);
  }
  out.push(...deadlineLines(std, i));
  for (const id of i.tasks) {
    const t = std.tasks.find((x) => x.id === id)!;
    out.push(`  ${t.text}`, `    ${unitsText(t.responsible)}；${t.deadline}`);
  }
  if (i.evidence) out.push('', `所需依据：${i.evidence}`);
  if (i.note) out.push('', '说明：', indent(i.note));
  return `${out.join('\n')}\n`;
}

/** Which deadline governs: each clause's own where the rule ties clauses to sub-tasks, else the indicator's. */
function deadlineLines(std: Standard, i: Indicator): string[] {
  const w = words(std, 'zh');
  if (i.clauseDeadlines) {
    const lines: string[] = [];
    for (const t of std.tiers) {
      walkChecks(checkFor(i, t.id, std), [], (c) => {
        if (!c.due) return;
        const line = `  ${t.id}：${w.describe(c)} — ${c.due.text}${c.due.task ? `（【${c.due.task.replace('.', '．')}】）` : ''}`;
        if (!lines.includes(line)) lines.push(line);
      });
    }
    return ['完成时限（各条款按其子任务或自身时限；未标注的条款按最终目标判定）：', ...lines];
  }
  if (!i.due) return [];
  const why = i.deadline !== undefined ? '本指标自身的时限' : i.tasks.length > 1 ? `所链接子任务中最晚的${i.due.task ? `【${i.due.task.replace('.', '．')}】` : ''}` : i.due.task ? `子任务【${i.due.task.replace('.', '．')}】` : '';
  return [`完成时限：${i.due.text}${why ? `（${why}）` : ''}`];
}

function indent(s: string): string {
  return s.split('\n').map((l) => `  ${l}`).join('\n');
}

function metricJson(std: Standard, m: Metric) {
  return { ...m, level: m.levels[0], levelNames: m.levels.map((l) => levelNameOf(std, l)) };
}

/** Every metric an indicator's checks read, in order of first use (with the parts of derived ones). */
export function metricsOf(std: Standard, i: Indicator): string[] {
  const found = new Set<string>();
  const metrics = new Map(std.metrics.map((m) => [m.key, m]));
  const add = (k: string | undefined) => {
    if (k === undefined) return;
    found.add(k);
    const r = metrics.get(k)?.derive?.ratio;
    if (r) (found.add(r.numerator), found.add(r.denominator));
  };
  for (const check of [i.check, ...Object.values(i.tiers)]) {
    walkChecks(check, [], (c) => {
      if ('given' in c) add(c.given);
      if ('metric' in c) add(c.metric);
    });
  }
  return [...found];
}
