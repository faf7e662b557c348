#!/usr/bin/env node
// Writes Wenzhou-shaped CSV data for benchmarks: one 市 row, its counties (the standard's `places`), about one
// township per 13 villages, and the villages. Columns are taken from the standard by level and type, so the
// generator follows metrics as they are added or renamed.
//
//   node bench/generate.js --villages 100000 [--seed 1] [--standard standards/wenzhou-72.yaml] out.csv
import fs from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const DEFAULT_STANDARD = fileURLToPath(new URL('../standards/wenzhou-72.yaml', import.meta.url));
const VILLAGES_PER_TOWNSHIP = 13;
const BLANK_RATE = 0.01;
const INTEGER_UNITS = new Set(['个', '人', '场', '支', '次', '家', '所', '座', '项', '名']);
const STEMS = '东南西北上下前后新老大小金银石竹梅桥溪湖山塘岙垟林田河口岭坑湾洋'.split('');

/** mulberry32: small, fast and good enough to make runs repeatable. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The parts of the standard the generator needs: the four levels, counties, and the columns of each level. */
export function readStandard(file = DEFAULT_STANDARD) {
  const std = parseYaml(fs.readFileSync(file, 'utf8'));
  const [city, county, township, village] = std.levels;
  const names = (x) => [x.id, x.name, ...(x.aliases ?? [])];
  const refersTo = (level) => (ref) => names(level).includes(ref);
  const keptAt = (level) => (m) => !m.derive && (m.levels ?? []).some(refersTo(level));
  const thresholds = collectThresholds(std.indicators ?? []);
  const withRange = (m) => ({ ...m, range: valueRange(m, thresholds.get(m.key)) });
  // What a count metric counts: townships, villages of every kind, or one kind of village (行政村 / 社区).
  const kindOf = (ref) => (village.kinds ?? []).find((k) => names(k).includes(ref));
  const countsOf = (m) => {
    if (!m.countOf) return undefined;
    if (refersTo(township)(m.countOf)) return 'township';
    if (refersTo(village)(m.countOf)) return 'village';
    const k = kindOf(m.countOf);
    return k ? (names(k).includes('社区') ? 'urban' : 'rural') : undefined;
  };
  const counted = (m) => ({ ...m, counts: countsOf(m) });
  // Totals of lower rows (建有中心的村数, the numerator of a rate over a count): left for dabiao to sum, since a
  // random figure could exceed the count.
  const byKey = new Map(std.metrics.map((m) => [m.key, m]));
  const totals = new Set(std.metrics.filter((m) => m.derive && byKey.get(m.derive.ratio.denominator)?.countOf).map((m) => m.derive.ratio.numerator));
  const item = (m) => !totals.has(m.key);
  return {
    region: std.region,
    levels: { city, county, township, village },
    counties: (std.places ?? []).filter((p) => refersTo(county)(p.level)).map((p) => p.name),
    countyCounts: std.metrics.filter((m) => keptAt(county)(m) && countsOf(m)).map(counted),
    townshipMetrics: std.metrics.filter((m) => keptAt(township)(m) && item(m)).map(withRange).map(counted),
    villageMetrics: std.metrics.filter(keptAt(village)).map(withRange),
  };
}

/** metric key → numeric targets used anywhere in the indicators, so values land on both sides of them. */
function collectThresholds(node, out = new Map()) {
  if (Array.isArray(node)) node.forEach((n) => collectThresholds(n, out));
  else if (node && typeof node === 'object') {
    const values = [node.value].flat().filter((v) => typeof v === 'number');
    if (typeof node.metric === 'string' && values.length) out.set(node.metric, [...(out.get(node.metric) ?? []), ...values]);
    Object.values(node).forEach((n) => collectThresholds(n, out));
  }
  return out;
}

function valueRange(metric, targets = []) {
  const [lo, hi] = targets.length
    ? [Math.min(...targets) * 0.5, Math.max(...targets) * 1.5]
    : metric.type === 'percent' ? [50, 100] : [1, 100];
  const max = metric.max ?? (metric.type === 'percent' ? 100 : Infinity);
  return [Math.max(lo, metric.min ?? 0), Math.min(hi, max)];
}

/** One cell as an analyst would type it: units on numbers, 是/否, a percent sign. */
function formatValue(metric, rand) {
  const [lo, hi] = metric.range;
  const x = lo + rand() * (hi - lo);
  switch (metric.type) {
    case 'boolean':
      return rand() < 0.85 ? '是' : '否';
    case 'percent':
      return `${x.toFixed(1)}%`;
    case 'grade': {
      const scale = metric.scale ?? ['一级', '二级', '三级'];
      return scale[Math.floor(rand() * scale.length)];
    }
    case 'number': {
      const n = INTEGER_UNITS.has(metric.unit) || hi - lo >= 20 ? String(Math.round(x)) : x.toFixed(1);
      return `${n}${metric.unit ?? ''}`;
    }
    default:
      return '有';
  }
}

/** Splits `total` items over `parts` with uneven (but seeded) sizes; every part gets at least one. */
function spread(total, parts, rand) {
  const weights = Array.from({ length: parts }, () => 0.5 + rand());
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = new Array(parts).fill(1);
  let cum = 0;
  let given = 0;
  for (let i = 0; i < parts; i++) {
    cum += weights[i];
    const upTo = i + 1 + Math.round(((total - parts) * cum) / sum);
    sizes[i] = upTo - given;
    given = upTo;
  }
  return sizes;
}

/** A level cell: the word analysts use if the standard knows it (as the level or one of its kinds), else the level's own name. */
function levelCell(level, word) {
  const known = [level.name, ...(level.aliases ?? []), ...(level.kinds ?? []).flatMap((k) => [k.name, ...(k.aliases ?? [])])];
  return known.includes(word) ? word : level.name;
}

/** A unique name: two syllables, the kind of place, then the row's own number (padded to the width of `of`). */
function placeName(i, word, of) {
  const number = String(i).padStart(String(of).length, '0');
  return `${STEMS[i % STEMS.length]}${STEMS[(i >> 5) % STEMS.length]}${word}${number}`;
}

function csvLine(cells) {
  return `${cells.map((c) => (/[",\n\r]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')}\n`;
}

/** The tree's shape: which county each township is in, how many villages each township has. */
function layout(std, villages, rand) {
  // Every county gets a township and every township a village.
  if (villages < std.counties.length) throw new Error(`at least ${std.counties.length} villages, one per county`);
  const townships = Math.max(std.counties.length, Math.round(villages / VILLAGES_PER_TOWNSHIP));
  const villagesOf = spread(villages, townships, rand);
  const countyOf = [];
  spread(townships, std.counties.length, rand).forEach((n, c) => {
    for (let i = 0; i < n; i++) countyOf.push(c);
  });
  const isStreet = villagesOf.map(() => rand() < 0.3);
  // Which villages are urban communities (社区): many in streets, few in towns.
  const urbanOf = villagesOf.map((v, t) => Array.from({ length: v }, () => rand() < (isStreet[t] ? 0.7 : 0.1)));
  const perTownship = villagesOf.map((v, t) => {
    const urban = urbanOf[t].filter(Boolean).length;
    return { township: 1, village: v, urban, rural: v - urban };
  });
  const perCounty = std.counties.map(() => ({ township: 0, village: 0, urban: 0, rural: 0 }));
  perTownship.forEach((c, t) => {
    for (const k of Object.keys(c)) perCounty[countyOf[t]][k] += c[k];
  });
  return { townships, villagesOf, countyOf, perCounty, perTownship, urbanOf, isStreet };
}

/**
 * Streams the data to `file`. Resolves to { rows, bytes, townships } where rows counts data rows (no header).
 * Rows come level by level, parents first, as when sheets exported per level are concatenated.
 */
export async function generate({ file, villages, seed = 1, standard = DEFAULT_STANDARD }) {
  const std = readStandard(standard);
  const rand = prng(seed);
  const shape = layout(std, villages, rand);
  const { city, county, township, village } = std.levels;
  // One column per metric, in the order county counts, township items, village items.
  const columns = [...new Map([...std.countyCounts, ...std.townshipMetrics, ...std.villageMetrics].map((m) => [m.key, m])).values()];
  const count = (m, counts) => `${counts[m.counts]}${m.unit ?? ''}`;
  const cells = (filled, counts) =>
    columns.map((m) => {
      const own = filled.find((f) => f.key === m.key);
      if (!own) return '';
      if (own.counts && counts) return count(own, counts);
      return rand() < BLANK_RATE ? '' : formatValue(own, rand);
    });
  const townshipName = (t) => placeName(t, shape.isStreet[t] ? '街道' : '镇', shape.townships);

  const out = fs.createWriteStream(file);
  let buffered = '';
  let rows = 0;
  const write = async (line) => {
    buffered += line;
    rows++;
    if (buffered.length < 1 << 16) return;
    const ok = out.write(buffered);
    buffered = '';
    if (!ok) await once(out, 'drain');
  };

  buffered = csvLine(['entity', 'level', 'parent', ...columns.map((m) => m.label)]);
  await write(csvLine([std.region, levelCell(city, '市'), '', ...columns.map(() => '')]));
  for (const [c, name] of std.counties.entries()) {
    await write(csvLine([name, levelCell(county, '县'), std.region, ...cells(std.countyCounts, shape.perCounty[c])]));
  }
  for (let t = 0; t < shape.townships; t++) {
    const kind = levelCell(township, shape.isStreet[t] ? '街道' : '乡镇');
    await write(csvLine([townshipName(t), kind, std.counties[shape.countyOf[t]], ...cells(std.townshipMetrics, shape.perTownship[t])]));
  }
  let v = 0;
  for (let t = 0; t < shape.townships; t++) {
    for (let i = 0; i < shape.villagesOf[t]; i++, v++) {
      const word = shape.urbanOf[t][i] ? '社区' : '村';
      const name = placeName(v, word, villages);
      await write(csvLine([name, levelCell(village, word), townshipName(t), ...cells(std.villageMetrics)]));
    }
  }
  out.end(buffered);
  await once(out, 'finish');
  return { rows, bytes: out.bytesWritten, townships: shape.townships };
}

function parseArgs(argv) {
  const opts = { villages: 10_000, seed: 1, standard: DEFAULT_STANDARD, file: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--villages') opts.villages = Number(argv[++i]);
    else if (a === '--seed') opts.seed = Number(argv[++i]);
    else if (a === '--standard') opts.standard = argv[++i];
    else opts.file = a;
  }
  if (!opts.file || !Number.isInteger(opts.villages) || opts.villages < 1) {
    throw new Error('usage: node bench/generate.js --villages N [--seed S] [--standard FILE] out.csv');
  }
  return opts;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  const { rows, bytes, townships } = await generate(opts);
  const mb = (bytes / 1e6).toFixed(1);
  console.log(`${opts.file}: ${rows} rows (${townships} townships, ${opts.villages} villages), ${mb} MB`);
}
