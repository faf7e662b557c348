// Issue 8, "Chinese and English": the built-in standards carry an English twin for every text of their own that
// a report shows, and `check --lang en` / `gaps --lang en` print no Chinese except what the user or the document
// supplies — entity and place names, evidence texts from the data, units — and what the rule file quotes.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStandardText } from '../src/standard/load.js';
import { walkChecks } from '../src/standard/walk.js';
import { parseDeadline } from '../src/standard/deadlines.js';
import { headerIndex } from '../src/data/headers.js';
import type { Check, Standard } from '../src/standard/types.js';
import { ROOT, dabiao } from './helpers.js';

/** Han characters (with extension A and the compatibility block), CJK and full-width punctuation, “”. */
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u201c\u201d]/;

function load(id: string): Standard {
  return loadStandardText(fs.readFileSync(path.join(ROOT, 'standards', `${id}.yaml`), 'utf8'), `${id}.yaml`);
}

/** Every check tree of an indicator: its `check` and each tier's. */
function trees(std: Standard): [string, Check][] {
  return std.indicators.flatMap((ind): [string, Check][] => [
    [`${ind.id} check`, ind.check],
    ...Object.entries(ind.tiers).map(([tier, c]): [string, Check] => [`${ind.id} tiers.${tier}`, c]),
  ]);
}

interface Twin {
  where: string;
  zh: string;
  en: string | undefined;
}

/** Each text of the rule file that reports show, with its English twin (undefined where it has none). */
function twins(std: Standard): Twin[] {
  const out: Twin[] = [{ where: 'title', zh: std.title, en: std.titleEn }];
  for (const l of std.levels) {
    out.push({ where: `level ${l.id}`, zh: l.name, en: l.nameEn });
    for (const k of l.kinds) out.push({ where: `level kind ${k.id}`, zh: k.name, en: k.nameEn });
  }
  for (const t of std.tiers) out.push({ where: `tier ${t.id}`, zh: t.name, en: t.nameEn });
  for (const c of std.classes) out.push({ where: `class ${c.id}`, zh: c.name, en: c.nameEn });
  for (const m of std.metrics) out.push({ where: `metric ${m.key}`, zh: m.label, en: m.labelEn });
  for (const ind of std.indicators) {
    out.push({ where: `${ind.id} title`, zh: ind.title, en: ind.titleEn });
    ind.category.forEach((c, i) => out.push({ where: `${ind.id} category[${i}]`, zh: c, en: ind.categoryEn?.[i] }));
    if (ind.categoryEn && ind.categoryEn.length !== ind.category.length) {
      out.push({ where: `${ind.id} categoryEn (${ind.categoryEn.length} items for ${ind.category.length})`, zh: ind.category.join(' › '), en: undefined });
    }
    if (ind.evidence) out.push({ where: `${ind.id} evidence`, zh: ind.evidence, en: ind.evidenceEn });
  }
  for (const [tree, root] of trees(std)) {
    walkChecks(root, [], (c, p) => {
      const where = `${tree}${p.map((x) => `.${String(x)}`).join('')}`;
      if (c.label) out.push({ where: `${where} label`, zh: c.label, en: c.labelEn });
      if (c.kind === 'manual') out.push({ where: `${where} evidence`, zh: c.evidence, en: c.evidenceEn });
      if (c.kind === 'na') out.push({ where: `${where} reason`, zh: c.reason, en: c.reasonEn });
      if (c.kind === 'stages') c.stages.forEach((s, i) => s.label && out.push({ where: `${where}.stages.${i} label`, zh: s.label, en: s.labelEn }));
      if (c.kind === 'cases') c.cases.forEach((x, i) => x.label && out.push({ where: `${where}.cases.${i} label`, zh: x.label, en: x.labelEn }));
      // A clause's own deadline that is not a date (到2025年 and 每年 are) is rendered through the glossary.
      if (c.deadline && parseDeadline(c.deadline).kind === 'unknown') out.push({ where: `${where} deadline`, zh: c.deadline, en: std.glossary[c.deadline] });
    });
  }
  // Names outside any field of their own go through the glossary: responsible units, and deadlines that are not dates.
  const units = new Set([...std.tasks.flatMap((t) => t.responsible), ...std.indicators.flatMap((i) => i.responsible ?? [])].map((r) => r.name));
  for (const u of units) out.push({ where: `responsible unit`, zh: u, en: std.glossary[u] });
  const deadlines = new Set([...std.tasks.map((t) => t.deadline), ...std.indicators.flatMap((i) => (i.deadline ? [i.deadline] : []))]);
  for (const d of deadlines) if (parseDeadline(d).kind === 'unknown') out.push({ where: `deadline`, zh: d, en: std.glossary[d] });
  return out;
}

const list = (xs: string[]) => (xs.length ? `\n  ${xs.join('\n  ')}` : '');

describe.each(['gongshu-53', 'wenzhou-72'])('%s: English twins in the rule file', (id) => {
  const std = load(id);
  const all = twins(std);

  it('every text a report shows has an English twin', () => {
    const missing = all.filter((t) => !t.en).map((t) => `${t.where}: ${t.zh}`);
    expect(missing, `texts without an English twin:${list(missing)}`).toEqual([]);
    // Sanity: the walk found what the files hold (metric labels, check labels, evidence, categories).
    expect(all.length).toBeGreaterThan(std.metrics.length + std.indicators.length * 2);
  });

  it('no English twin contains Chinese', () => {
    const glossary = Object.entries(std.glossary).map(([zh, en]) => ({ where: 'glossary', zh, en }));
    const chinese = [...all, ...glossary].filter((t) => t.en && CJK.test(t.en)).map((t) => `${t.where}: ${t.en}`);
    expect(chinese, `English twins with Chinese in them:${list(chinese)}`).toEqual([]);
  });

  it("a metric's English label, which a data file may use as its column header, names that metric and no other", () => {
    const index = headerIndex(std);
    const wrong: string[] = [];
    for (const m of std.metrics) {
      for (const name of [m.key, m.label, ...m.aliases, ...(m.labelEn ? [m.labelEn] : [])]) {
        const t = index.resolve(name);
        if (t?.role !== 'metric' || t.metric !== m.key) wrong.push(`${m.key}: "${name}" → ${JSON.stringify(t)}`);
      }
    }
    expect(wrong, `header names that do not resolve to their own metric:${list(wrong)}`).toEqual([]);
  });
});

// ── The reports ───────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The cells of the data files that a report quotes as given: entity and parent names, and evidence texts — the cells
 * of columns ending in 依据, and of any other column dabiao reads as evidence (`culture_centre_annual_report.evidence`).
 */
function dataTexts(std: Standard, files: string[]): { names: string[]; evidence: string[] } {
  const headers = headerIndex(std);
  const isEvidence = (col: string) => col.endsWith('依据') || /evidence$/.test(headers.resolve(col)?.role ?? '');
  const names = new Set<string>();
  const evidence = new Set<string>();
  for (const f of files) {
    const rows: Record<string, string>[] = parse(fs.readFileSync(path.join(ROOT, f), 'utf8'), { columns: true, bom: true, relax_column_count: true });
    for (const row of rows) {
      for (const [col, cell] of Object.entries(row)) {
        if (!cell?.trim()) continue;
        if (col === 'entity' || col === 'parent') names.add(cell.trim());
        if (isEvidence(col)) evidence.add(cell.trim());
      }
    }
  }
  return { names: [...names], evidence: [...evidence] };
}

/** The units a report may print after a figure: every metric's, and every check's and indicator's own. */
function unitsOf(std: Standard): string[] {
  const units = new Set<string>();
  for (const m of std.metrics) if (m.unit) units.add(m.unit);
  for (const ind of std.indicators) if (ind.unit) units.add(ind.unit);
  for (const [, root] of trees(std)) walkChecks(root, [], (c) => c.kind === 'compare' && c.unit && units.add(c.unit));
  return [...units];
}

/**
 * The report's text piece by piece: each table cell whole (its wrapped lines joined again, so a name wrapped across
 * two lines is one string), and each line outside a table as it is. `where` says which row a cell is in.
 */
function pieces(stdout: string): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  let block: string[] = [];
  const flush = () => {
    if (!block.length) return;
    const rows = block.map((line) => line.split('│').slice(1, -1));
    const columns = Math.max(...rows.map((r) => r.length));
    const cells = Array.from({ length: columns }, (_, c) =>
      rows
        .map((r) => (r[c] ?? '').trim())
        .filter(Boolean)
        // A wrap inside a run of Chinese leaves no space; anywhere else it stood for one.
        .reduce((acc, part) => (!acc ? part : CJK.test(acc.slice(-1)) || CJK.test(part[0]!) ? acc + part : `${acc} ${part}`), ''),
    );
    cells.forEach((text, c) => out.push({ where: `row ${cells[0] || '(spanning)'}, column ${c + 1}`, text }));
    block = [];
  };
  for (const line of stdout.split('\n')) {
    if (line.startsWith('│')) {
      block.push(line);
      continue;
    }
    flush();
    out.push({ where: 'line', text: line });
  }
  flush();
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What is left of a report once the texts it may quote in Chinese are taken out. */
function allowedOut(std: Standard, files: string[]): (text: string) => string {
  const { names, evidence } = dataTexts(std, files);
  // Longest first, so a name is not cut into pieces by a shorter one inside it (温州市 inside 温州市图书馆…).
  const verbatim = [...new Set([...evidence, ...names, ...std.places.map((p) => p.name), std.region])].sort((a, b) => b.length - a.length);
  // A unit only where it follows a figure ("60 小时", "1.5 册/人", "short by 2 项"), so it cannot hide a Chinese word.
  const units = unitsOf(std).filter((u) => CJK.test(u)).sort((a, b) => b.length - a.length);
  const unitRe = units.length ? new RegExp(`(\\d)\\s?(?:${units.map(escape).join('|')})`, 'g') : undefined;
  return (text) => {
    let t = text;
    for (const s of verbatim) t = t.split(s).join('');
    return unitRe ? t.replace(unitRe, '$1') : t;
  };
}

function chineseLeft(std: Standard, files: string[], stdout: string): string[] {
  const strip = allowedOut(std, files);
  const left: string[] = [];
  for (const p of pieces(stdout)) {
    const text = p.text;
    const rest = strip(text);
    if (CJK.test(rest)) left.push(`${p.where}: ${rest.trim()}\n      (printed: ${text.trim()})`);
  }
  return left;
}

// Wide enough that cells rarely wrap, so the failure message shows whole lines.
const COLUMNS = '2000';
const SLOW = 120_000;
let columns: string | undefined;
beforeAll(() => {
  columns = process.env.COLUMNS;
  process.env.COLUMNS = COLUMNS;
});
afterAll(() => {
  if (columns === undefined) delete process.env.COLUMNS;
  else process.env.COLUMNS = columns;
});

const GONGSHU = ['fixtures/gongshu-district.csv'];
const WENZHOU = ['fixtures/wenzhou-2017-baseline.csv', 'fixtures/wenzhou-counties.csv', 'fixtures/wenzhou-townships.csv'];
const RUNS: [string, string[], string[]][] = [
  ['gongshu-53', GONGSHU, []],
  ['wenzhou-72', WENZHOU, ['--tier', 'both']],
  ['wenzhou-72', WENZHOU, ['--tier', 'both', '--as-of', '2020-12']],
];

describe('--lang en reports contain no Chinese but names, evidence texts and units', () => {
  for (const [id, files, extra] of RUNS) {
    const std = load(id);
    for (const command of ['check', 'gaps']) {
      const args = [command, '--lang', 'en', '--standard', id, ...extra, ...files];
      it(
        `dabiao ${args.join(' ')}`,
        () => {
          const r = dabiao(args);
          expect(r.code === 0 || r.code === 1, `exit ${r.code}\n${r.stderr}`).toBe(true);
          expect(r.stdout.length).toBeGreaterThan(1000);
          const left = chineseLeft(std, files, `${r.stdout}\n${r.stderr}`);
          expect(left, `Chinese left in the English report (${left.length} pieces):${list(left.slice(0, 40))}`).toEqual([]);
        },
        SLOW,
      );
    }
  }

  const std = load('wenzhou-72');
  it(
    'gap-list headings name the responsible unit in English',
    () => {
      const r = dabiao(['gaps', '--lang', 'en', '--standard', 'wenzhou-72', '-i', 'WZ-G02,WZ-G12', ...WENZHOU]);
      const headings = r.stdout.split('\n').filter((l) => / \(leads \d+/.test(l));
      expect(headings.length).toBeGreaterThan(0);
      expect(chineseLeft(std, WENZHOU, headings.join('\n'))).toEqual([]);
    },
    SLOW,
  );
});
