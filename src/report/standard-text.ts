// `standards show`: the normalized standard as JSON, or as text a person reads.
import type { Indicator, Metric, Standard } from '../standard/types.js';
import { walkChecks } from '../standard/walk.js';
import { words } from '../i18n/words.js';
import { checkFor } from '../engine/evaluate.js';
import { levelNameOf } from '../standard/levels.js';
import { indicatorDuty } from '../engine/duty.js';
import type { Lang } from '../i18n/lang.js';
import type { Words } from '../i18n/words.js';

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

const L = {
  zh: {
    levels: '层级', tiers: '目标', more: (id: string) => `dabiao standards show ${id} <指标编号> 查看单个指标的原文、目标和责任单位。`,
    category: '类别', level: '层级', judgedAt: '评估于', source: '原文：', baseline: '项目现状：', targets: '判定标准：', items: '数据项：',
    derive: (a: string, b: string, per: number) => `；可由 ${a} ÷ ${b}${per !== 1 ? ` × ${per}` : ''} 计算`, levelsOf: '层级',
    column: (id: string, label: string, key: string) => `列名 ${id} 即 ${label}（${key}）`, units: '责任单位', lead: '（▲ 牵头）',
    evidence: '所需依据', note: '说明：', clauses: '完成时限（各条款按其子任务或自身时限；未标注的条款按最终目标判定）：', deadline: '完成时限',
    own: '本指标自身的时限', latest: (t: string) => `所链接子任务中最晚的${t}`, task: (t: string) => `子任务${t}`, sep: '、', colon: '：', semi: '；', open: '（', close: '）',
  },
  en: {
    levels: 'levels', tiers: 'tiers', more: (id: string) => `dabiao standards show ${id} <indicator> for one indicator's text, targets and responsible units.`,
    category: 'category', level: 'level', judgedAt: 'judged at', source: 'Source text:', baseline: 'Status recorded by the document:', targets: 'Targets:', items: 'Data items:',
    derive: (a: string, b: string, per: number) => `; computed as ${a} ÷ ${b}${per !== 1 ? ` × ${per}` : ''}`, levelsOf: 'kept for',
    column: (id: string, label: string, key: string) => `a column headed ${id} gives ${label} (${key})`, units: 'Responsible units', lead: ' (▲ lead)',
    evidence: 'Evidence needed', note: 'Notes (as the rule file writes them):', clauses: "Deadlines (each clause by its sub-task's or its own; clauses without one are judged as final):", deadline: 'Deadline',
    own: "the indicator's own deadline", latest: (t: string) => `the latest of its sub-tasks, ${t}`, task: (t: string) => `sub-task ${t}`, sep: ', ', colon: ': ', semi: '; ', open: ' (', close: ')',
  },
};

export function showStandard(std: Standard, lang: Lang = 'zh'): string {
  const w = words(std, lang);
  const l = L[lang];
  const title = (lang === 'en' && std.titleEn) || std.title;
  const lines = [
    `${title}${l.open}${std.id}${l.close}`,
    `${std.issuer}${std.document.number ? ` ${std.document.number}` : ''}${lang === 'en' ? ', ' : '，'}${std.document.date}${std.document.source ? `${l.semi}${std.document.source}` : ''}`,
    `${l.levels}${l.colon}${std.levels.map((x) => w.level(x.id)).join(' → ')}${l.semi}${l.tiers}${l.colon}${std.tiers.map((t) => `${t.id}${l.open}${w.tier(t.id)}${l.close}`).join(l.sep)}`,
    '',
  ];
  let last = '';
  for (const i of std.indicators) {
    const cat = w.category(i);
    if (cat !== last) lines.push(`${cat}`), (last = cat);
    lines.push(`  ${i.id.padEnd(7)} [${w.level(i.level)}] ${w.title(i)}`);
  }
  lines.push('', l.more(std.id));
  return `${lines.join('\n')}\n`;
}

export function showIndicator(std: Standard, i: Indicator, lang: Lang = 'zh'): string {
  const metrics = new Map(std.metrics.map((m) => [m.key, m]));
  const w = words(std, lang);
  const l = L[lang];
  const level = (id: string, kind?: string) => w.level(id, kind);
  const out = [lang === 'en' ? `${i.id}  ${w.title(i)}` : `${i.id}  ${i.title}${i.titleEn ? `（${i.titleEn}）` : ''}`];
  const klass = i.class ? std.classes.find((c) => c.id === i.class) : undefined;
  const className = klass ? ((lang === 'en' && klass.nameEn) || klass.name) : undefined;
  const classText = className && !i.category.includes(klass!.name) ? `${l.semi}${className}` : '';
  out.push(`${l.category}${l.colon}${w.category(i)}${classText}${l.semi}${l.level}${l.colon}${level(i.level)}${l.semi}${l.judgedAt}${l.colon}${i.evaluateAt.map((x) => level(x)).join(l.sep)}`);
  out.push('', l.source, indent(i.source));
  for (const [tier, text] of Object.entries(i.sourceTiers ?? {})) out.push(`${w.tier(tier)}${l.colon}`, indent(text));
  if (i.baseline) out.push(l.baseline, indent(i.baseline));
  out.push('', l.targets);
  for (const t of std.tiers) out.push(`  ${t.id}${l.open}${w.tier(t.id)}${l.close}${l.colon}${w.describe(checkFor(i, t.id, std))}`);
  out.push('', l.items);
  for (const k of metricsOf(std, i)) {
    const m = metrics.get(k)!;
    const derive = m.derive ? l.derive(w.metric(m.derive.ratio.numerator), w.metric(m.derive.ratio.denominator), m.derive.ratio.per) : '';
    out.push(`  ${w.metric(m.key)}${l.open}${m.key}${l.close}${m.unit ? ` [${m.unit}]` : m.type === 'percent' ? ' [%]' : ''} ${m.type}${lang === 'en' ? ', ' : '，'}${l.levelsOf}${l.colon}${m.levels.map((x) => level(x)).join(l.sep)}${derive}`);
  }
  if (i.metric) out.push(`  ${l.column(i.id, w.metric(i.metric), i.metric)}`);
  const duty = indicatorDuty(std, i);
  if (duty.units.length || i.due) out.push('', `${l.units}${l.colon}${w.units(duty.units) || '—'}${duty.units.some((u) => u.lead) ? l.lead : ''}`);
  out.push(...deadlineLines(std, i, w));
  for (const id of i.tasks) {
    const t = std.tasks.find((x) => x.id === id)!;
    out.push(`  ${t.text}`, `    ${w.units(t.responsible)}${l.semi}${w.deadline(t.deadline)}`);
  }
  const evidence = lang === 'en' ? i.evidenceEn : i.evidence;
  if (evidence) out.push('', `${l.evidence}${l.colon}${evidence}`);
  if (i.note) out.push('', l.note, indent(i.note));
  return `${out.join('\n')}\n`;
}

/** Which deadline governs: each clause's own where the rule ties clauses to sub-tasks, else the indicator's. */
function deadlineLines(std: Standard, i: Indicator, w: Words): string[] {
  const l = L[w.lang];
  if (i.clauseDeadlines) {
    const lines: string[] = [];
    for (const t of std.tiers) {
      walkChecks(checkFor(i, t.id, std), [], (c) => {
        if (!c.due) return;
        const line = `  ${t.id}${l.colon}${w.describe(c)} — ${w.deadline(c.due.text)}${c.due.task ? `${l.open}${w.task(c.due.task)}${l.close}` : ''}`;
        if (!lines.includes(line)) lines.push(line);
      });
    }
    return [l.clauses, ...lines];
  }
  if (!i.due) return [];
  const why = i.deadline !== undefined ? l.own : i.tasks.length > 1 ? l.latest(i.due.task ? w.task(i.due.task) : '') : i.due.task ? l.task(w.task(i.due.task)) : '';
  return [`${l.deadline}${l.colon}${w.deadline(i.due.text)}${why ? `${l.open}${why}${l.close}` : ''}`];
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
