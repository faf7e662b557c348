// The HTML report: a self-contained page, checked as text (always) and in a real browser (Debian's chromium,
// driven by playwright-core; never a downloaded browser). Where chromium is absent the browser tests are skipped
// and say so.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkJson, dabiao, ROOT } from './helpers.js';
import { loadStandardText } from '../src/standard/load.js';
import { builtinPath } from '../src/standard/builtins.js';
import { readCsv } from '../src/data/csv.js';
import { buildDataset } from '../src/data/dataset.js';
import { evaluate } from '../src/engine/evaluate.js';
import { html } from '../src/report/html/index.js';
import { STATUSES } from '../src/engine/types.js';

/** Debian's chromium; DABIAO_CHROMIUM names another build of it (or a missing one, to see the skip). */
const CHROMIUM = process.env.DABIAO_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const GONGSHU = ['-s', 'gongshu-53', 'fixtures/gongshu-district.csv', '--level', '区,街道'];
const WENZHOU_GAPS = ['-s', 'wenzhou-72', '--as-of', '2020-12', 'fixtures/wenzhou-2017-baseline.csv', '--evidence', 'fixtures/wenzhou-evidence.yaml', '--waivers', 'fixtures/wenzhou-waivers.yaml'];
/** Where the reviewer looks at the pictures, when that folder exists on this machine. */
/** Where to keep copies of the screenshots for a person to look at (DABIAO_SCREENSHOTS), besides the temp dir. */
const NOTES = process.env.DABIAO_SCREENSHOTS;

const dir = mkdtempSync(path.join(os.tmpdir(), 'dabiao-html-'));

function render(args: string[], name: string): string {
  const file = path.join(dir, name);
  const r = dabiao([...args, '-f', 'html', '-o', file]);
  if (r.code !== 0 && r.code !== 1) throw new Error(`dabiao exited ${r.code}\n${r.stderr}`);
  return file;
}

/** The Gongshu data with a street renamed to markup (and an ampersand), as a hostile or careless file might have it. */
function hostileCsv(): string {
  const text = readFileSync(path.join(ROOT, 'fixtures/gongshu-district.csv'), 'utf8').replaceAll('米市巷街道', "米市巷<script>alert('x')</script>&amp;街道");
  const file = path.join(dir, 'hostile.csv');
  writeFileSync(file, text);
  return file;
}

describe('html (as text)', () => {
  it('is one self-contained document: doctype, lang, charset, no URL to fetch, no script', () => {
    for (const [args, lang] of [
      [['check', ...GONGSHU], 'zh-CN'],
      [['check', ...GONGSHU, '--lang', 'en'], 'en'],
      [['gaps', ...WENZHOU_GAPS], 'zh-CN'],
      [['compare', '-s', 'wenzhou-72', 'fixtures/wenzhou-2017-baseline.csv', 'fixtures/wenzhou-2019.csv'], 'zh-CN'],
    ] as const) {
      const r = dabiao([...args, '-f', 'html']);
      expect([0, 1]).toContain(r.code);
      const page = r.stdout;
      expect(page.startsWith('<!doctype html>\n')).toBe(true);
      expect(page).toContain(`<html lang="${lang}">`);
      expect(page).toContain('<meta charset="utf-8">');
      expect(page.trimEnd().endsWith('</html>')).toBe(true);
      expect(page).not.toMatch(/https?:\/\//i);
      expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
      expect(page).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/); // no timestamp: the same input gives the same page
    }
  }, 60_000);

  it('escapes what comes from the data', () => {
    const r = dabiao(['check', '-s', 'gongshu-53', hostileCsv(), '--level', '区,街道', '-f', 'html']);
    expect(r.stdout).not.toContain('<script>');
    expect(r.stdout).toContain('米市巷&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;街道');
  }, 60_000);

  it('is the same page each time, in Chinese by default and English with --lang en', () => {
    const a = dabiao(['check', ...GONGSHU, '-f', 'html']).stdout;
    expect(dabiao(['check', ...GONGSHU, '-f', 'html']).stdout).toBe(a);
    expect(a).toContain('达标率');
    const en = dabiao(['check', ...GONGSHU, '-f', 'html', '--lang', 'en']).stdout;
    expect(en).toContain('Pass rate by category');
    // dabiao's own words are English; what stays Chinese is the standard's and the data's (names, quotes, units).
    const own = ['概览', '各类别达标率', '对象 × 指标', '差距清单', '达标率', '指标原文', '数据文件', '生成'];
    for (const word of own) expect(en).not.toContain(word);
  }, 60_000);

  it('hands the sink the page in chunks, never as one string', async () => {
    const std = loadStandardText(readFileSync(builtinPath('gongshu-53'), 'utf8'), 'gongshu-53.yaml');
    const dataset = buildDataset(std, [readCsv(readFileSync(path.join(ROOT, 'fixtures/gongshu-district.csv'), 'utf8'), 'gongshu-district.csv')]);
    const evaluation = evaluate(std, dataset, { levels: ['district', 'street'] });
    const chunks: string[] = [];
    await html.check!({ kind: 'check', evaluation, warnings: [], inputs: [] }, { lang: 'zh', color: false, width: 100 }, { write: (c) => void chunks.push(String(c)) });
    const page = chunks.join('');
    expect(chunks.length).toBeGreaterThan(2);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(page.length / 2);
    expect(page.match(/<td class="c s-/g)?.length).toBe(evaluation.results.length);
  }, 60_000);
});

describe.skipIf(!HAVE_CHROMIUM)('html in headless chromium', () => {
  type Browser = import('playwright-core').BrowserContext;
  let context: Browser;
  const requests: string[] = [];

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), 'dabiao-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1123, height: 794 },
    });
    context.on('request', (r) => void requests.push(r.url()));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
  });

  async function open(file: string) {
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href);
    return { page, dialogs };
  }

  function saveForReviewer(shot: string, name: string) {
    console.log(`html screenshot: ${shot}`);
    if (!NOTES || !existsSync(NOTES)) return;
    try {
      copyFileSync(shot, path.join(NOTES, name));
      console.log(`html screenshot: ${path.join(NOTES, name)}`);
    } catch {
      // A read-only notes folder is no reason to fail.
    }
  }

  it('check: tiles and grid cells match the JSON of the same run, with no network request', async () => {
    const file = render(['check', ...GONGSHU], 'check.html');
    const json = checkJson(GONGSHU);
    requests.length = 0;
    const { page } = await open(file);

    // One tile per entity and tier, in order, each showing the JSON's count of every status (absent: none).
    const tiles = await page.$$eval('.tile', (els) =>
      els.map((el) => ({
        entity: el.getAttribute('data-entity'),
        counts: Object.fromEntries([...el.querySelectorAll('li[data-status]')].map((li) => [li.getAttribute('data-status'), Number(li.querySelector('b')!.textContent)])),
      })),
    );
    expect(tiles.length).toBe(json.summary.length);
    tiles.forEach((tile, i) => {
      const s = json.summary[i] as Record<string, unknown>;
      expect(tile.entity).toBe(s.entity);
      for (const status of STATUSES) expect([status, tile.counts[status] ?? 0]).toEqual([status, s[status]]);
    });

    // One grid cell per result, as many of each status as the JSON has; each cell shows its mark and names itself.
    const cells = await page.$$eval('table.grid td[data-status]', (els) => els.map((el) => ({ status: el.getAttribute('data-status')!, mark: el.textContent ?? '', title: el.getAttribute('title') ?? '' })));
    expect(cells.length).toBe(json.results.length);
    for (const status of STATUSES) {
      expect([status, cells.filter((c) => c.status === status).length]).toEqual([status, json.results.filter((r) => r.status === status).length]);
    }
    expect(cells.every((c) => c.mark.trim().length === 1 && c.title.includes(' · '))).toBe(true);
    const rows = await page.$$eval('table.grid tbody tr', (els) => els.length);
    expect(rows).toBe(json.summary.length);

    // Category bars: an SVG with a <title> and the figures as text beside it.
    const bars = await page.$$eval('.cat', (els) => els.map((el) => ({ title: el.querySelector('svg > title')?.textContent ?? '', text: el.querySelector('.figures')?.textContent ?? '' })));
    expect(bars.length).toBeGreaterThan(5);
    for (const b of bars) {
      expect(b.title).toMatch(/\d+\/\d+/);
      expect(b.text).toMatch(/^\d+\/\d+ 达标 · (\d+(\.\d)?%|—)$/);
    }

    // The gap list: one row per result that needs action; each indicator's text folded away until asked for.
    const actionable = json.results.filter((r) => r.status === 'fail' || r.status === 'missing' || r.status === 'manual').length;
    expect(await page.$$eval('section.gaplist table.gaps tbody tr[data-status]', (els) => els.length)).toBe(actionable);
    const groups = await page.$$eval('tbody.gapgroup', (els) => els.map((el) => ({ details: el.querySelectorAll('details.source').length, open: el.querySelector('details.source')?.hasAttribute('open') })));
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.every((g) => g.details === 1 && !g.open)).toBe(true);

    // Nothing but the file itself was requested.
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => u !== pathToFileURL(file).href)).toEqual([]);

    const shot = path.join(dir, 'html-check.png');
    await page.screenshot({ path: shot, fullPage: true });
    saveForReviewer(shot, 'html-check.png');
    await page.close();
  }, 120_000);

  it('check: prints to A4 (portrait, the grid on a landscape page)', async () => {
    const { page } = await open(render(['check', ...GONGSHU], 'check-print.html'));
    const pdf = path.join(dir, 'html-check.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // Page sizes in points: A4 is 595 × 842.
    const sizes = [...bytes.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))].join('×'));
    expect(sizes.length).toBeGreaterThan(1);
    expect(new Set(sizes.map((s) => s.replace(/^(59[45])×(84[12])$/, 'A4').replace(/^(84[12])×(59[45])$/, 'A4 landscape')))).toEqual(new Set(['A4', 'A4 landscape']));
    console.log(`html print: ${pdf} (${statSync(pdf).size} bytes)`);
    await page.close();
  }, 120_000);

  it('check: markup in an entity name is shown as text and never runs', async () => {
    const file = render(['check', '-s', 'gongshu-53', hostileCsv(), '--level', '区,街道'], 'hostile.html');
    const { page, dialogs } = await open(file);
    expect(await page.$$eval('script', (els) => els.length)).toBe(0);
    const names = await page.$$eval('.tile h3', (els) => els.map((el) => el.textContent));
    expect(names).toContain("米市巷<script>alert('x')</script>&amp;街道");
    expect(dialogs).toEqual([]);
    await page.close();
  }, 120_000);

  it('gaps: sections per owner, waived with reason and approver, expired and unused waivers', async () => {
    const file = render(['gaps', ...WENZHOU_GAPS], 'gaps.html');
    const json = JSON.parse(dabiao(['gaps', ...WENZHOU_GAPS, '-f', 'json']).stdout);
    requests.length = 0;
    const { page } = await open(file);
    expect(await page.$$eval('section.gapgroup', (els) => els.length)).toBe(json.groups.length);
    const perGroup = await page.$$eval('section.gapgroup', (els) => els.map((el) => el.querySelectorAll('tbody tr[data-status]').length));
    expect(perGroup).toEqual(json.groups.map((g: { items: unknown[] }) => g.items.length));
    const waived = await page.$eval('section.waived', (el) => el.textContent ?? '');
    expect(waived).toContain(json.waived[0].waived.reason);
    expect(waived).toContain(json.waived[0].waived.approvedBy);
    expect(await page.$$eval('section.expired-waivers li', (els) => els.length)).toBe(json.expiredWaivers.length);
    expect(await page.$$eval('section.unused-waivers li', (els) => els.length)).toBe(json.unusedWaivers.length);
    expect(requests.filter((u) => u !== pathToFileURL(file).href)).toEqual([]);
    const shot = path.join(dir, 'html-gaps.png');
    await page.screenshot({ path: shot, fullPage: true });
    saveForReviewer(shot, 'html-gaps.png');
    // The whole gap list by owner is a tall picture; its top, at a readable scale, too.
    const top = path.join(dir, 'html-gaps-top.png');
    await page.screenshot({ path: top, clip: { x: 0, y: 0, width: 1123, height: 2400 } });
    saveForReviewer(top, 'html-gaps-top.png');
    await page.close();
  }, 120_000);

  it('compare: change counts per entity and the rows that changed', async () => {
    const args = ['compare', '-s', 'wenzhou-72', 'fixtures/wenzhou-2017-baseline.csv', 'fixtures/wenzhou-2019.csv'];
    const file = render(args, 'compare.html');
    const json = JSON.parse(dabiao([...args, '-f', 'json']).stdout);
    const { page } = await open(file);
    const counts = await page.$$eval('table.changes tbody td[data-change]', (els) => els.map((el) => [el.getAttribute('data-change'), Number(el.textContent)]));
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(Object.entries(json.summary[0]).filter(([k]) => k !== 'entity' && k !== 'path')));
    const rows = await page.$$eval('table.changed-rows tbody tr', (els) => els.map((el) => el.getAttribute('data-change')));
    expect(rows).toEqual(json.rows.filter((r: { change: string }) => r.change !== 'unchanged').map((r: { change: string }) => r.change));
    await page.close();
  }, 120_000);
});

if (!HAVE_CHROMIUM) {
  console.warn(`html browser tests SKIPPED: ${CHROMIUM} not found (install Debian's chromium: apt-get install chromium)`);
  it.skip(`html browser tests (skipped: ${CHROMIUM} not found)`, () => {});
}
