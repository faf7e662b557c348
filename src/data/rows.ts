// Rows of every input file (wide or long) → one draft per entity row: its name, level and parent cells, and
// which metric (or indicator id) each value cell is for. Values are parsed later, once levels are known.
import type { Indicator, Metric, Standard } from '../standard/types.js';
import { headerIndex, type HeaderIndex, type Role } from './headers.js';
import type { Cell, RawRow, RawTable } from './records.js';
import type { Report } from './report.js';
import { say, type Message } from '../i18n/message.js';
import { hintFor } from '../util/suggest.js';

export interface Draft {
  name: string;
  levelCell?: Cell;
  /** 村 or 社区 where the level has kinds and the row says which in a column of its own. */
  kindCell?: Cell;
  parentCell?: Cell;
  file: string;
  line: number;
  /** A metric, or an indicator id whose metric depends on the entity's level (known only once parents are). */
  values: { target: Metric | Indicator; cell: Cell }[];
  evidence: { target: Metric | Indicator; cell: Cell }[];
  /** For a stand-in for the bottom-level rows under one parent cell that were counted and not kept: that cell's text. */
  proxy?: string;
}

export const isIndicator = (t: Metric | Indicator): t is Indicator => 'check' in t;

export function blankToUndefined(cell: Cell | undefined): Cell | undefined {
  if (!cell) return undefined;
  return cell.value === null || cell.value === undefined || String(cell.value).trim() === '' ? undefined : cell;
}

/** What a reserved column gives, as a message names it. */
const ROLE_NAMES: Record<Role, Message> = {
  entity: say('名称', 'entity'),
  level: say('层级', 'level'),
  kind: say('类型', 'kind'),
  parent: say('上级', 'parent'),
  metric: say('指标', 'metric'),
  value: say('值', 'value'),
  evidence: say('依据', 'evidence'),
};

/** Rows of one table, read one at a time. Wide rows give a draft each (`row`); long rows add to their
 *  entity's draft, given whole at the `end`. */
export interface TableReader {
  file: string;
  long: boolean;
  /** For a wide table: which column (0-based) holds what. */
  layout?: WideLayout;
  row(row: RawRow): Draft | undefined;
  end(): Draft[];
}

export interface WideLayout {
  entity: number;
  level?: number;
  kind?: number;
  parent?: number;
  values: { index: number; target: Metric | Indicator }[];
  evidence: { index: number; target: Metric | Indicator }[];
}

export interface Targets {
  std: Standard;
  headers: HeaderIndex;
  metrics: Map<string, Metric>;
  indicators: Map<string, Indicator>;
}

export function targetsOf(std: Standard): Targets {
  return { std, headers: headerIndex(std), metrics: new Map(std.metrics.map((m) => [m.key, m])), indicators: new Map(std.indicators.map((i) => [i.id, i])) };
}

/** All rows of whole tables, each wide row's entity once per table (for tests and small inputs). */
export function readRows(std: Standard, tables: RawTable[], report: Report): Draft[] {
  const targets = targetsOf(std);
  const drafts: Draft[] = [];
  for (const table of tables) {
    const reader = tableReader(targets, table, report);
    if (!reader) continue;
    const seen = new Map<string, number>();
    for (const row of table.rows) {
      const d = reader.row(row);
      if (!d) continue;
      const key = `${d.name}\u0000${d.parentCell?.value ?? ''}`;
      const first = seen.get(key);
      if (first !== undefined) {
        report.err(table.file, row.line, undefined, duplicateEntity(d.name, first));
        continue;
      }
      seen.set(key, row.line);
      drafts.push(d);
    }
    drafts.push(...reader.end());
  }
  return drafts;
}

/** Reads a table's header: its reserved columns and what each other column holds; undefined if it cannot be read. */
export function tableReader(targets: Targets, table: { file: string; headers: RawTable['headers'] }, { err, warn }: Report): TableReader | undefined {
  const { headers, metrics, indicators } = targets;
  const roles = new Map<string, Role>();
  const firstOf = new Map<Role, { name: string; col: number }>();
  for (const h of table.headers) {
    const role = headers.reserved(h.name);
    if (!role) continue;
    // Two columns for one role (entity and 名称) would leave one of them silently ignored.
    const first = firstOf.get(role);
    if (first) {
      err(
        table.file,
        h.line,
        h.col,
        say(
          `“${first.name}”（第 ${first.col} 列）和“${h.name}”（第 ${h.col} 列）都是${ROLE_NAMES[role].zh}列，请只保留一列`,
          `columns "${first.name}" (column ${first.col}) and "${h.name}" (column ${h.col}) both give the ${role}; keep one`,
        ),
      );
      continue;
    }
    firstOf.set(role, h);
    roles.set(h.name, role);
  }
  const seenHeader = new Map<string, number>();
  for (const h of table.headers) {
    const before = seenHeader.get(h.name);
    if (before !== undefined) err(table.file, h.line, h.col, say(`第 ${h.col} 列的表头“${h.name}”与第 ${before} 列相同`, `column ${h.col} has the same header "${h.name}" as column ${before}`));
    else seenHeader.set(h.name, h.col);
  }
  const has = (role: Role) => [...roles.values()].includes(role);
  if (!has('entity')) {
    const found = table.headers.map((h) => h.name);
    err(table.file, table.headers[0]?.line ?? 1, 1, say(`没有名称列（列名写“名称”或“entity”）；现有的列：${found.join('、')}`, `no entity column (name it "entity" or 名称); found: ${found.join(', ')}`));
    return undefined;
  }
  return has('metric') && has('value') ? readLong(roles) : readWide(roles);

  function readWide(roles: Map<string, Role>): TableReader {
    const columns = new Map<string, ReturnType<typeof headers.resolve> | Role>();
    for (const h of table.headers) {
      const role = roles.get(h.name);
      if (role) {
        columns.set(h.name, role);
        continue;
      }
      const target = headers.resolve(h.name);
      if (!target) {
        const hint = suggestion(h.name);
        warn({ file: table.file, line: h.line, col: h.col, message: say(`未知列“${h.name}”，已忽略${hint.zh}`, `unknown column "${h.name}" ignored${hint.en}`) });
      }
      columns.set(h.name, target);
    }
    const layout: WideLayout = { entity: -1, values: [], evidence: [] };
    table.headers.forEach((h, index) => {
      const c = columns.get(h.name);
      if (c === 'entity' || c === 'level' || c === 'kind' || c === 'parent') layout[c] = index;
      else if (c && typeof c === 'object') (c.role === 'metric' || c.role === 'indicator' ? layout.values : layout.evidence).push({ index, target: targetOf(c) });
    });
    return {
      file: table.file,
      long: false,
      layout,
      row(row) {
        const d = newDraft(table.file, row.line);
        for (const cell of row.cells) {
          const c = columns.get(cell.header);
          if (c === 'entity') d.name = String(cell.value ?? '').trim();
          else if (c === 'level') d.levelCell = blankToUndefined(cell);
          else if (c === 'kind') d.kindCell = blankToUndefined(cell);
          else if (c === 'parent') d.parentCell = blankToUndefined(cell);
          else if (c && typeof c === 'object') {
            const t = targetOf(c);
            if (c.role === 'metric' || c.role === 'indicator') d.values.push({ target: t, cell });
            else d.evidence.push({ target: t, cell });
          }
        }
        if (!d.name) {
          err(table.file, row.line, undefined, NO_NAME);
          return undefined;
        }
        return d;
      },
      end: () => [],
    };
  }

  function readLong(roles: Map<string, Role>): TableReader {
    const byEntity = new Map<string, Draft>();
    const seenValue = new Map<string, number>();
    const roleOf = (h: string) => roles.get(h);
    const drafts: Draft[] = [];
    const add = (row: RawRow): undefined => {
      const get = (role: Role) => row.cells.find((c) => roleOf(c.header) === role);
      const name = String(get('entity')?.value ?? '').trim();
      if (!name) {
        err(table.file, row.line, undefined, NO_NAME);
        return;
      }
      const parentCell = blankToUndefined(get('parent'));
      const key = name;
      let d = byEntity.get(key);
      if (!d) {
        d = newDraft(table.file, row.line);
        d.name = name;
        byEntity.set(key, d);
        drafts.push(d);
      }
      // In long data an entity's rows must agree on where it sits.
      const levelCell = blankToUndefined(get('level'));
      const kindCell = blankToUndefined(get('kind'));
      for (const [cell, field, what] of [[parentCell, 'parentCell', 'parent'], [levelCell, 'levelCell', 'level'], [kindCell, 'kindCell', 'kind']] as const) {
        if (!cell) continue;
        const before = d[field];
        if (!before) d[field] = cell;
        else if (String(before.value).trim() !== String(cell.value).trim()) {
          err(
            table.file,
            row.line,
            cell.col,
            say(
              `“${name}”的${ROLE_NAMES[what].zh}在此处为“${cell.value}”，在第 ${before.line} 行却为“${before.value}”`,
              `"${name}" has ${what} "${cell.value}" here but "${before.value}" on line ${before.line}`,
            ),
          );
        }
      }
      const metricCell = get('metric')!;
      const valueCell = get('value')!;
      const metricName = String(metricCell.value ?? '').trim();
      const target = headers.resolve(metricName);
      if (!target) {
        const hint = suggestion(metricName);
        warn({ file: table.file, line: row.line, col: metricCell.col, message: say(`未知指标“${metricName}”，已忽略${hint.zh}`, `unknown metric "${metricName}" ignored${hint.en}`) });
        return;
      }
      const t = targetOf(target);
      const vkey = `${key}\u0000${target.role}:${isIndicator(t) ? t.id : t.key}`;
      const first = seenValue.get(vkey);
      if (first !== undefined) {
        err(table.file, row.line, metricCell.col, say(`“${name}”的“${metricName}”填了两次（第一次在第 ${first} 行）`, `"${metricName}" for "${name}" is given twice (first on line ${first})`));
        return;
      }
      seenValue.set(vkey, row.line);
      const isValue = target.role === 'metric' || target.role === 'indicator';
      if (isValue) d.values.push({ target: t, cell: { ...valueCell, header: metricName } });
      else d.evidence.push({ target: t, cell: valueCell });
      const evidenceCell = get('evidence');
      if (isValue && evidenceCell && blankToUndefined(evidenceCell)) d.evidence.push({ target: t, cell: evidenceCell });
    };
    return { file: table.file, long: true, row: add, end: () => drafts };
  }

  function targetOf(t: NonNullable<ReturnType<typeof headers.resolve>>): Metric | Indicator {
    return t.role === 'metric' || t.role === 'evidence' ? metrics.get(t.metric)! : indicators.get(t.indicator)!;
  }

  function suggestion(name: string): Message {
    return hintFor(headers.suggest(name));
  }

  function newDraft(file: string, line: number): Draft {
    return { name: '', file, line, values: [], evidence: [] };
  }
}

const NO_NAME = say('这一行没有填名称', 'row has no entity name');

export function duplicateEntity(name: string, firstLine: number): Message {
  return say(`“${name}”重复（第一次出现在第 ${firstLine} 行）`, `duplicate entity "${name}" (first on line ${firstLine})`);
}
