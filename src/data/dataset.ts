// RawTables (wide or long, one or more files) → the entity tree the engine evaluates, with parsed values.
import type { Check, Indicator, Metric, Standard } from '../standard/types.js';
import { mergeTally, type MemberTally } from '../engine/tallies.js';
import { indicatorMetricsAt } from '../standard/indicator-metric.js';
import { levelNameOf } from '../standard/levels.js';
import { DataError, type Cell, type DataWarning, type RawTable } from './records.js';
import { parseValue, rangeOf, type Value } from './values.js';
import { isIndicator, readRows, type Draft } from './rows.js';
import { buildTree } from './tree.js';
import { setEvidence } from './entity-evidence.js';
import type { Report } from './report.js';
import { say } from '../i18n/message.js';

export interface Entity {
  name: string;
  /** Level id. */
  level: string;
  /** Which kind of its level the entity is (行政村 or 社区 of 村（社区）), when the level has kinds and the data says. */
  kind?: string;
  depth: number;
  parent?: Entity;
  children: Entity[];
  values: Map<string, Value>;
  /** Evidence text per metric (a row's evidence column). Shared and empty until the first is set: `setEvidence`. */
  evidence: ReadonlyMap<string, string>;
  /** Where the entity's first row is; absent for an entity dabiao inferred from a `parent` cell or the region. */
  origin?: { file: string; line: number };
  /** Where each of its values was read (metric key → file, line, column): annotations land on that cell. */
  cells?: Map<string, { file: string; line: number; col: number }>;
  /** Or, for a row read on its own: the column of each value on the `origin` line (one map per table). */
  columns?: ReadonlyMap<string, number>;
  /** Bottom-level rows directly under it, counted as they were read and not kept (see engine/leaves.ts). */
  leaves?: LeafStats;
}

export interface LeafStats {
  rows: number;
  /** Rows by kind id; `undefined` for rows that do not say their kind. */
  byKind: Map<string | undefined, number>;
  /** Per roll-up over the bottom level (the check object): its members' results. */
  tallies: Map<Check, MemberTally>;
  /** Additive metrics kept at the bottom level: their total, and how many rows gave one. */
  additive: Map<string, { sum: number; n: number }>;
  /** The rows' names, kept only where the standard lists places at the bottom level (to find absent ones). */
  names?: Set<string>;
}

export interface Dataset {
  entities: Entity[];
  roots: Entity[];
  warnings: DataWarning[];
}

export class DataErrors extends Error {
  constructor(readonly errors: DataError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'DataErrors';
  }
}

const MAX_ERRORS = 20;

/** Where the data layer collects what it finds: up to MAX_ERRORS errors (then the run stops), and warnings. */
export interface ProblemBook {
  report: Report;
  errors: DataError[];
  warnings: DataWarning[];
  /** Throws the errors found so far, if any. */
  check(): void;
}

export function problemBook(): ProblemBook {
  const errors: DataError[] = [];
  const warnings: DataWarning[] = [];
  return {
    errors,
    warnings,
    report: {
      err: (file, line, col, msg) => {
        if (errors.length < MAX_ERRORS) errors.push(new DataError(file, line, col, msg));
      },
      warn: (w) => warnings.push(w),
    },
    check() {
      if (errors.length) throw new DataErrors(errors);
    },
  };
}

/** Whole tables (read into memory) → the dataset. */
export function buildDataset(std: Standard, tables: RawTable[]): Dataset {
  const book = problemBook();
  const drafts = readRows(std, tables, book.report);
  book.check();
  return assemble(std, drafts, book).dataset;
}

/**
 * Drafts → the dataset: the tree, values parsed at each entity's level, and the checks only the whole tree allows.
 * `leaves`: the counts of bottom-level rows that were not kept, by the text of their parent cell; the drafts then
 * hold a stand-in per parent text (`proxy`), placed like any row and taken out again once its parent is known.
 */
export function assemble(std: Standard, drafts: Draft[], book: ProblemBook, leaves?: Iterable<[string, LeafStats]>): { dataset: Dataset; parentOf: Map<string, Entity> } {
  const { report } = book;
  const { warnings } = book;
  const err = report.err;
  const tree = buildTree(std, drafts, report);
  const { rowsOf } = tree;
  const parentOf = new Map<string, Entity>();
  for (const [proxy, d] of tree.proxies) {
    const p = proxy.parent;
    rowsOf.delete(proxy);
    if (!p) continue;
    p.children.splice(p.children.indexOf(proxy), 1);
    parentOf.set(d.proxy!, p);
  }
  const entities = tree.proxies.size ? tree.entities.filter((e) => !tree.proxies.has(e)) : tree.entities;
  const roots = tree.proxies.size ? tree.roots.filter((e) => !tree.proxies.has(e)) : tree.roots;
  for (const [key, stats] of leaves ?? []) {
    const p = parentOf.get(key);
    if (p) p.leaves = p.leaves ? mergeLeafStats(p.leaves, stats) : stats;
  }

  // 3. Values, now that every entity's level is known.
  const values = valueReader(std, report);
  const cellsOf = new Map<Entity, Placed>();
  for (const [entity, rows] of rowsOf) values.read(entity, rows, cellsOf);
  // A rate computed from its parts (12 stations in 10 townships) can be as impossible as one written down.
  for (const [entity, placed] of cellsOf) values.ratios(entity, placed);
  shareColumns(cellsOf.keys());

  // A stated number of townships cannot be smaller than the township rows listed under the county.
  const counters = std.metrics.filter((m) => m.countOf);
  for (const [entity, placed] of cellsOf) {
    for (const m of counters) {
      const v = entity.values.get(m.key);
      if (v?.kind !== 'number') continue;
      let listed = 0;
      const stack = [...entity.children];
      while (stack.length) {
        const e = stack.pop()!;
        if (e.leaves && m.countOf === std.levels[std.levels.length - 1]!.id) {
          listed += m.countOfKind === undefined ? e.leaves.rows : (e.leaves.byKind.get(m.countOfKind) ?? 0);
        }
        if (e.level === m.countOf) {
          // Only rows known to be of the counted kind (a 行政村数 does not count 社区).
          if (m.countOfKind === undefined || e.kind === m.countOfKind) listed++;
        }
        else stack.push(...e.children);
      }
      if (listed > v.value) {
        const at = placed.get(m.key)!;
        err(
          at.file,
          at.cell.line,
          at.cell.col,
          say(`“${entity.name}”的${m.label}为 ${v.value}，但数据中列出了其下 ${listed} 个`, `${m.label} for "${entity.name}" is ${v.value}, but the data lists ${listed} under it`),
        );
      }
    }
  }

  book.check();
  return { dataset: { entities, roots, warnings }, parentOf };
}

/** Two parent cells that name one entity ("" and the region's own name): their rows' counts add up. */
function mergeLeafStats(a: LeafStats, b: LeafStats): LeafStats {
  a.rows += b.rows;
  for (const [k, n] of b.byKind) a.byKind.set(k, (a.byKind.get(k) ?? 0) + n);
  for (const [check, t] of b.tallies) {
    const into = a.tallies.get(check);
    if (into) mergeTally(into, t);
    else a.tallies.set(check, t);
  }
  for (const [k, x] of b.additive) {
    const into = a.additive.get(k);
    if (into) (into.sum += x.sum), (into.n += x.n);
    else a.additive.set(k, x);
  }
  if (b.names) for (const n of b.names) (a.names ??= new Set()).add(n);
  return a;
}

type Placed = Map<string, { file: string; cell: Cell }>;

/** Parses an entity's value cells at its level, and checks rates computed from its parts. */
export function valueReader(std: Standard, report: Report) {
  const err = report.err;
  const levelName = (e: Entity) => levelNameOf(std, e.level);
  const metricMap = new Map(std.metrics.map((m) => [m.key, m]));
  const derived = std.metrics.filter((m) => m.derive);
  // 3. Values, now that every entity's level is known: an indicator-id column fills the metric its indicator
  //    reads at that level, and a value for a metric not kept at the level would be ignored, so say so.
  function read(entity: Entity, rows: Draft[], cellsOf: Map<Entity, Placed>, keepCells = true): void {
    for (const d of rows) {
      for (const { target, cell } of d.values) {
        if (cell.value === null || cell.value === undefined || String(cell.value).trim() === '') continue;
        let placed = cellsOf.get(entity);
        if (!placed) cellsOf.set(entity, (placed = new Map()));
        const metrics = metricsFor(target, entity, d, cell);
        readCell(entity, d.file, cell, metrics, placed, keepCells);
      }
      for (const { target, cell } of d.evidence) {
        const text = String(cell.value ?? '').trim();
        if (!text) continue;
        for (const metric of metricsFor(target, entity, d, cell)) setEvidence(entity, metric.key, text);
      }
    }
  }

  /** One value cell, read for each metric it fills; `placed` holds where the entity's values were read. */
  function readCell(entity: Entity, file: string, cell: Cell, metrics: Metric[], placed: Placed, keepCells: boolean): void {
    for (const metric of metrics) {
      if (!metric.levels.includes(entity.level)) {
        const where = metric.levels.map((l) => levelNameOf(std, l)).join('、');
        report.warn({
          file,
          line: cell.line,
          col: cell.col,
          message: say(
            `“${cell.header}”（${metric.label}）只在${where}填报，${levelName(entity)}“${entity.name}”不填此项，已忽略`,
            `"${cell.header}" (${metric.label}) is kept for ${where}, not for ${levelName(entity)} "${entity.name}"; ignored`,
          ),
        });
        continue;
      }
      const parsed = parseValue(cell.value, metric);
      if (parsed.ok) {
        const before = entity.values.get(metric.key);
        if (before) {
          // Two files may repeat a figure; they may not disagree on it.
          if (JSON.stringify(before) !== JSON.stringify(parsed.value)) {
            const first = placed.get(metric.key);
            err(
              file,
              cell.line,
              cell.col,
              say(
                `“${entity.name}”的“${metric.label}”填了两个不同的值${first ? `（第一次在 ${first.file} 第 ${first.cell.line} 行）` : ''}`,
                `"${metric.label}" for "${entity.name}" is given twice with different values${first ? ` (first in ${first.file} line ${first.cell.line})` : ''}`,
              ),
            );
          }
          continue;
        }
        entity.values.set(metric.key, parsed.value);
        placed.set(metric.key, { file, cell });
        if (keepCells) (entity.cells ??= new Map()).set(metric.key, { file, line: cell.line, col: cell.col });
        const w = parsed.warning;
        if (w) report.warn({ file, line: cell.line, col: cell.col, message: say(`“${cell.header}”列：${w.zh}`, `${cell.header}: ${w.en}`) });
      } else if (!parsed.missing) {
        err(file, cell.line, cell.col, say(`“${cell.header}”列：${parsed.error.zh}`, `column "${cell.header}": ${parsed.error.en}`));
      }
    }
  }

  /** The metrics an indicator-id column fills at a level (none: it is not one value there). */
  function metricsAt(target: Metric | Indicator, level: string): Metric[] {
    return isIndicator(target) ? indicatorMetricsAt(target, level, metricMap).map((k) => metricMap.get(k)!) : [target];
  }

  /** The error for a value in an indicator-id column that is not one value at the level. */
  function notOneValue(target: Indicator, level: string, header: string) {
    const name = levelNameOf(std, level);
    return say(
      `“${header}”列：${target.id} 在${name}一级不是用一个数值衡量的；请填写它的各数据项（见 dabiao standards show ${std.id} ${target.id}）`,
      `column "${header}": ${target.id} is not measured by one value at ${name} level; use its data items (dabiao standards show ${std.id} ${target.id})`,
    );
  }

  // A rate computed from its parts (12 stations in 10 townships) can be as impossible as one written down.
  function ratios(entity: Entity, placed: Placed): void {
    for (const m of derived) {
      const r = m.derive!.ratio;
      if (entity.values.has(m.key)) continue;
      const num = entity.values.get(r.numerator);
      const den = entity.values.get(r.denominator);
      if (num?.kind !== 'number' || den?.kind !== 'number' || den.value === 0) continue;
      const value = (num.value / den.value) * r.per;
      const range = rangeOf(m);
      if (!Number.isFinite(value) || value > range.max || value < range.min) {
        const at = placed.get(r.numerator)!;
        const other = placed.get(r.denominator)!;
        const [numerator, denominator] = [metricMap.get(r.numerator)!.label, metricMap.get(r.denominator)!.label];
        err(
          at.file,
          at.cell.line,
          at.cell.col,
          say(
            `${numerator} ${num.value} 与${denominator} ${den.value}（第 ${other.cell.line} 行第 ${other.cell.col} 列）算出${m.label}为 ${+value.toFixed(2)}${range.unit}，这不可能`,
            `${numerator} ${num.value} and ${denominator} ${den.value} (line ${other.cell.line}, column ${other.cell.col}) give ${m.label} ${+value.toFixed(2)}${range.unit}, which it cannot be`,
          ),
        );
      }
    }
  }

  function metricsFor(target: Metric | Indicator, entity: Entity, d: Draft, cell: Cell): Metric[] {
    const metrics = metricsAt(target, entity.level);
    if (metrics.length === 0 && isIndicator(target) && String(cell.value ?? '').trim() !== '') err(d.file, cell.line, cell.col, notOneValue(target, entity.level, cell.header));
    return metrics;
  }

  return { read, readCell, ratios, metricsAt, notOneValue };
}

/**
 * An entity read from one row of one table keeps, instead of a position per value, the columns of its values:
 * the same few maps serve every such row (a province's townships share one or two).
 */
function shareColumns(entities: Iterable<Entity>): void {
  const shared = new Map<string, ReadonlyMap<string, number>>();
  for (const e of entities) {
    const cells = e.cells;
    if (!cells || !e.origin) continue;
    const { file, line } = e.origin;
    let key = file;
    let oneRow = true;
    for (const [metric, c] of cells) {
      if (c.file !== file || c.line !== line) {
        oneRow = false;
        break;
      }
      key += `\u0000${metric}\u0001${c.col}`;
    }
    if (!oneRow) continue;
    let columns = shared.get(key);
    if (!columns) shared.set(key, (columns = new Map([...cells].map(([metric, c]) => [metric, c.col]))));
    e.columns = columns;
    e.cells = undefined;
  }
}

/** Where an entity's value for a metric was read, if it was. */
export function cellOf(entity: Entity, key: string): { file: string; line: number; col: number } | undefined {
  const cell = entity.cells?.get(key);
  if (cell) return cell;
  const col = entity.columns?.get(key);
  return col !== undefined && entity.origin && entity.values.has(key) ? { file: entity.origin.file, line: entity.origin.line, col } : undefined;
}
