// RawTables (wide or long, one or more files) → the entity tree the engine evaluates.
import type { Indicator, Metric, Standard } from '../standard/types.js';
import { indicatorMetricsAt } from '../standard/indicator-metric.js';
import { levelLookup } from '../standard/levels.js';
import { didYouMean } from '../util/suggest.js';
import { headerIndex, type Role } from './headers.js';
import { DataError, type Cell, type DataWarning, type RawTable } from './records.js';
import { parseValue, type Value } from './values.js';

export interface Entity {
  name: string;
  /** Level id. */
  level: string;
  depth: number;
  parent?: Entity;
  children: Entity[];
  values: Map<string, Value>;
  evidence: Map<string, string>;
  /** Where the entity's first row is; absent for an entity dabiao inferred from a `parent` cell or the region. */
  origin?: { file: string; line: number };
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

interface Draft {
  name: string;
  levelCell?: Cell;
  parentCell?: Cell;
  file: string;
  line: number;
  /** A metric, or an indicator id whose metric depends on the entity's level (known only once parents are). */
  values: { target: Metric | Indicator; cell: Cell }[];
  evidence: { target: Metric | Indicator; cell: Cell }[];
}

const isIndicator = (t: Metric | Indicator): t is Indicator => 'check' in t;

const MAX_ERRORS = 20;

export function buildDataset(std: Standard, tables: RawTable[]): Dataset {
  const errors: DataError[] = [];
  const warnings: DataWarning[] = [];
  const err = (file: string, line: number | undefined, col: number | undefined, msg: string) => {
    if (errors.length < MAX_ERRORS) errors.push(new DataError(file, line, col, msg));
  };
  const metrics = new Map(std.metrics.map((m) => [m.key, m]));
  const indicators = new Map(std.indicators.map((i) => [i.id, i]));
  const headers = headerIndex(std);
  const drafts: Draft[] = [];

  for (const table of tables) {
    const roles = new Map<string, Role>();
    for (const h of table.headers) {
      const role = headers.reserved(h.name);
      if (role) roles.set(h.name, role);
    }
    const has = (role: Role) => [...roles.values()].includes(role);
    if (!has('entity')) {
      err(table.file, table.headers[0]?.line ?? 1, 1, `no entity column (name it "entity" or 名称); found: ${table.headers.map((h) => h.name).join(', ')}`);
      continue;
    }
    const long = has('metric') && has('value');
    if (long) readLong(table, roles);
    else readWide(table, roles);
  }
  if (errors.length) throw new DataErrors(errors);

  function readWide(table: RawTable, roles: Map<string, Role>) {
    const columns = new Map<string, ReturnType<typeof headers.resolve> | Role>();
    for (const h of table.headers) {
      const role = roles.get(h.name);
      if (role) {
        columns.set(h.name, role);
        continue;
      }
      const target = headers.resolve(h.name);
      if (!target) {
        warnings.push({ file: table.file, line: h.line, col: h.col, message: `unknown column "${h.name}" ignored${suggestion(h.name)}` });
      }
      columns.set(h.name, target);
    }
    const seen = new Map<string, number>();
    for (const row of table.rows) {
      const d = newDraft(table.file, row.line);
      for (const cell of row.cells) {
        const c = columns.get(cell.header);
        if (c === 'entity') d.name = String(cell.value ?? '').trim();
        else if (c === 'level') d.levelCell = blankToUndefined(cell);
        else if (c === 'parent') d.parentCell = blankToUndefined(cell);
        else if (c && typeof c === 'object') {
          const t = targetOf(c);
          if (c.role === 'metric' || c.role === 'indicator') d.values.push({ target: t, cell });
          else d.evidence.push({ target: t, cell });
        }
      }
      if (!d.name) {
        err(table.file, row.line, undefined, 'row has no entity name');
        continue;
      }
      const key = `${d.name}\u0000${d.parentCell?.value ?? ''}`;
      const first = seen.get(key);
      if (first !== undefined) {
        err(table.file, row.line, undefined, `duplicate entity "${d.name}" (first on line ${first})`);
        continue;
      }
      seen.set(key, row.line);
      drafts.push(d);
    }
  }

  function readLong(table: RawTable, roles: Map<string, Role>) {
    const byEntity = new Map<string, Draft>();
    const seenValue = new Map<string, number>();
    const roleOf = (h: string) => roles.get(h);
    for (const row of table.rows) {
      const get = (role: Role) => row.cells.find((c) => roleOf(c.header) === role);
      const name = String(get('entity')?.value ?? '').trim();
      if (!name) {
        err(table.file, row.line, undefined, 'row has no entity name');
        continue;
      }
      const parentCell = blankToUndefined(get('parent'));
      const key = `${name}\u0000${parentCell?.value ?? ''}`;
      let d = byEntity.get(key);
      if (!d) {
        d = newDraft(table.file, row.line);
        d.name = name;
        d.parentCell = parentCell;
        byEntity.set(key, d);
        drafts.push(d);
      }
      const levelCell = blankToUndefined(get('level'));
      if (levelCell && !d.levelCell) d.levelCell = levelCell;
      const metricCell = get('metric')!;
      const valueCell = get('value')!;
      const metricName = String(metricCell.value ?? '').trim();
      const target = headers.resolve(metricName);
      if (!target) {
        warnings.push({ file: table.file, line: row.line, col: metricCell.col, message: `unknown metric "${metricName}" ignored${suggestion(metricName)}` });
        continue;
      }
      const t = targetOf(target);
      const vkey = `${key}\u0000${target.role}:${isIndicator(t) ? t.id : t.key}`;
      const first = seenValue.get(vkey);
      if (first !== undefined) {
        err(table.file, row.line, metricCell.col, `"${metricName}" for "${name}" is given twice (first on line ${first})`);
        continue;
      }
      seenValue.set(vkey, row.line);
      const isValue = target.role === 'metric' || target.role === 'indicator';
      if (isValue) d.values.push({ target: t, cell: { ...valueCell, header: metricName } });
      else d.evidence.push({ target: t, cell: valueCell });
      const evidenceCell = get('evidence');
      if (isValue && evidenceCell && blankToUndefined(evidenceCell)) d.evidence.push({ target: t, cell: evidenceCell });
    }
  }

  function targetOf(t: NonNullable<ReturnType<typeof headers.resolve>>): Metric | Indicator {
    return t.role === 'metric' || t.role === 'evidence' ? metrics.get(t.metric)! : indicators.get(t.indicator)!;
  }

  function suggestion(name: string): string {
    const s = headers.suggest(name);
    return s ? ` (did you mean "${s}"?)` : '';
  }

  const entities = assemble(std, drafts, err, warnings);
  if (errors.length) throw new DataErrors(errors);
  return entities;

  function newDraft(file: string, line: number): Draft {
    return { name: '', file, line, values: [], evidence: [] };
  }
}

function blankToUndefined(cell: Cell | undefined): Cell | undefined {
  if (!cell) return undefined;
  return cell.value === null || cell.value === undefined || String(cell.value).trim() === '' ? undefined : cell;
}

type ErrFn = (file: string, line: number | undefined, col: number | undefined, msg: string) => void;

function assemble(std: Standard, drafts: Draft[], err: ErrFn, warnings: DataWarning[]): Dataset {
  const lookup = levelLookup(std.levels);
  const places = new Map(std.places.map((p) => [p.name, p]));
  const byName = new Map<string, Entity[]>();
  const entities: Entity[] = [];
  const draftOf = new Map<Entity, Draft>();
  /** Every row that describes an entity: one in wide data, several when files or long rows add to it. */
  const rowsOf = new Map<Entity, Draft[]>();

  // 1. Entities with their values; levels that can be told without looking at parents.
  const pendingLevel: Entity[] = [];
  for (const d of drafts) {
    const existing = (byName.get(d.name) ?? []).find((e) => sameParentText(draftOf.get(e)!, d));
    const entity: Entity = existing ?? {
      name: d.name,
      level: '',
      depth: -1,
      children: [],
      values: new Map(),
      evidence: new Map(),
      origin: { file: d.file, line: d.line },
    };
    if (!existing) {
      entities.push(entity);
      byName.set(d.name, [...(byName.get(d.name) ?? []), entity]);
      draftOf.set(entity, d);
    }
    rowsOf.set(entity, [...(rowsOf.get(entity) ?? []), d]);
    if (d.levelCell) {
      const level = lookup(String(d.levelCell.value));
      if (!level) {
        const names = std.levels.flatMap((l) => [l.name, l.id, ...l.aliases]);
        err(d.file, d.levelCell.line, d.levelCell.col, `unknown level "${d.levelCell.value}"${didYouMean(String(d.levelCell.value), names)}; levels: ${std.levels.map((l) => l.name).join(' / ')}`);
      } else if (entity.level && entity.level !== level.id) {
        err(d.file, d.levelCell.line, d.levelCell.col, `"${d.name}" is given two levels`);
      } else {
        entity.level = level.id;
        entity.depth = level.depth;
      }
    }
    if (!entity.level) pendingLevel.push(entity);
  }

  const top = std.levels[0]!;
  const levelAt = (depth: number) => std.levels[Math.min(depth, std.levels.length - 1)]!;
  const setLevel = (e: Entity, depth: number) => {
    const l = levelAt(depth);
    e.level = l.id;
    e.depth = l.depth;
  };
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

  for (const e of pendingLevel) {
    if (e.level) continue;
    const d = draftOf.get(e)!;
    const place = places.get(e.name);
    if (norm(e.name) === norm(std.region)) setLevel(e, 0);
    else if (place) setLevel(e, lookup(place.level)!.depth);
    else if (!d.parentCell) {
      const bySuffix = std.levels.slice(1).find((l) => [l.name, ...l.aliases].some((n) => n.length <= 2 && e.name.endsWith(n)));
      setLevel(e, bySuffix ? bySuffix.depth : 0);
    }
  }

  // 2. Parents: named in the data, known from the gazetteer, or the region itself.
  const realDepths = new Set<number>();
  const resolveDepth = (e: Entity, guard: Set<Entity>): number => {
    if (e.depth >= 0) return e.depth;
    if (guard.has(e)) return 0;
    guard.add(e);
    const pName = String(draftOf.get(e)?.parentCell?.value ?? '').trim();
    const parent = byName.get(pName)?.[0];
    const depth = parent ? resolveDepth(parent, guard) + 1 : 1;
    setLevel(e, depth);
    return e.depth;
  };
  entities.forEach((e) => resolveDepth(e, new Set()));
  entities.forEach((e) => realDepths.add(e.depth));

  const roots = entities.filter((e) => e.depth === 0);
  let synthesizedRoot: Entity | undefined;
  const rootFor = (child: Entity): Entity | undefined => {
    if (roots.length === 1) return roots[0];
    if (roots.length === 0) {
      synthesizedRoot ??= synthesize(std.region, top.id, 0);
      return synthesizedRoot;
    }
    const d = draftOf.get(child)!;
    err(d.file, d.line, undefined, `"${child.name}" has no parent and the data has several top-level entities (${roots.map((r) => r.name).join(', ')}); add a parent column`);
    return undefined;
  };
  const synthesized = new Map<string, Entity>();
  function synthesize(name: string, level: string, depth: number): Entity {
    const e: Entity = { name, level, depth, children: [], values: new Map(), evidence: new Map() };
    entities.push(e);
    byName.set(name, [...(byName.get(name) ?? []), e]);
    synthesized.set(name, e);
    return e;
  }
  const link = (child: Entity, parent: Entity) => {
    child.parent = parent;
    parent.children.push(child);
  };
  const attachToKnownOrRoot = (e: Entity) => {
    const place = places.get(e.name);
    if (place?.parent && norm(place.parent) !== norm(std.region)) {
      const p = findOrSynthesizeParent(e, place.parent, undefined);
      if (p) return link(e, p);
    }
    const r = rootFor(e);
    if (r && r !== e) link(e, r);
  };
  function findOrSynthesizeParent(child: Entity, name: string, cell: Cell | undefined): Entity | undefined {
    const candidates = byName.get(name) ?? [];
    const d = draftOf.get(child);
    if (candidates.length > 1) {
      err(d?.file ?? '', cell?.line ?? d?.line, cell?.col, `parent "${name}" is ambiguous: several entities have that name`);
      return undefined;
    }
    if (candidates[0]) return candidates[0];
    const depth = Math.max(0, child.depth - 1);
    if (realDepths.has(depth) && depth > 0 && !places.has(name)) {
      const peers = entities.filter((x) => x.depth === depth && x.origin).map((x) => x.name);
      err(d?.file ?? '', cell?.line ?? d?.line, cell?.col, `parent "${name}" is not among the ${levelAt(depth).name} rows${didYouMean(name, peers)}`);
      return undefined;
    }
    if (depth === 0 && roots.length > 0 && !roots.some((r) => r.name === name)) {
      err(d?.file ?? '', cell?.line ?? d?.line, cell?.col, `parent "${name}" is not in the data${didYouMean(name, roots.map((r) => r.name))}`);
      return undefined;
    }
    // A parent the gazetteer knows keeps its own level (a village may name its county directly).
    const known = places.get(name);
    const knownLevel = known ? lookup(known.level) : undefined;
    const made = knownLevel && knownLevel.depth < child.depth ? synthesize(name, knownLevel.id, knownLevel.depth) : synthesize(name, levelAt(depth).id, depth);
    if (depth > 0) attachToKnownOrRoot(made);
    return made;
  }

  for (const e of [...entities]) {
    if (!e.origin || e.depth === 0) continue;
    const d = draftOf.get(e)!;
    if (d.parentCell) {
      const p = findOrSynthesizeParent(e, String(d.parentCell.value).trim(), d.parentCell);
      if (!p) continue;
      if (p.depth >= e.depth) {
        err(d.file, d.parentCell.line, d.parentCell.col, `parent "${p.name}" (${levelAt(p.depth).name}) is not above "${e.name}" (${levelAt(e.depth).name})`);
        continue;
      }
      link(e, p);
    } else {
      attachToKnownOrRoot(e);
    }
  }

  // 3. Values, now that every entity's level is known: an indicator-id column fills the metric its indicator
  //    reads at that level, and a value for a metric not kept at the level would be ignored, so say so.
  const metricMap = new Map(std.metrics.map((m) => [m.key, m]));
  for (const [entity, rows] of rowsOf) {
    for (const d of rows) {
      for (const { target, cell } of d.values) {
        if (cell.value === null || cell.value === undefined || String(cell.value).trim() === '') continue;
        for (const metric of metricsFor(target, entity, d, cell)) {
          if (!metric.levels.includes(entity.level)) {
            const where = metric.levels.map((l) => std.levels.find((x) => x.id === l)?.name ?? l).join('、');
            warnings.push({ file: d.file, line: cell.line, col: cell.col, message: `"${cell.header}" (${metric.label}) is kept for ${where}, not for ${levelAt(entity.depth).name} "${entity.name}"; ignored` });
            continue;
          }
          const parsed = parseValue(cell.value, metric);
          if (parsed.ok) {
            if (entity.values.has(metric.key)) {
              err(d.file, cell.line, cell.col, `"${metric.label}" for "${d.name}" is given twice`);
              continue;
            }
            entity.values.set(metric.key, parsed.value);
            if (parsed.warning) warnings.push({ file: d.file, line: cell.line, col: cell.col, message: `${cell.header}: ${parsed.warning}` });
          } else if (!parsed.missing) {
            err(d.file, cell.line, cell.col, `column "${cell.header}": ${parsed.error}`);
          }
        }
      }
      for (const { target, cell } of d.evidence) {
        const text = String(cell.value ?? '').trim();
        if (!text) continue;
        for (const metric of metricsFor(target, entity, d, cell)) entity.evidence.set(metric.key, text);
      }
    }
  }

  function metricsFor(target: Metric | Indicator, entity: Entity, d: Draft, cell: Cell): Metric[] {
    if (!isIndicator(target)) return [target];
    const keys = indicatorMetricsAt(target, entity.level, metricMap);
    if (keys.length === 0 && String(cell.value ?? '').trim() !== '') {
      err(d.file, cell.line, cell.col, `column "${cell.header}": ${target.id} is not measured by one value at ${levelAt(entity.depth).name} level; use its data items (dabiao standards show ${std.id} ${target.id})`);
    }
    return keys.map((k) => metricMap.get(k)!);
  }

  // 4. Names the gazetteer does not know, at a level it covers: likely typos.
  const knownLevels = new Set(std.places.map((p) => lookup(p.level)?.id));
  for (const e of entities) {
    if (!e.origin || !knownLevels.has(e.level) || places.has(e.name)) continue;
    const peers = std.places.filter((p) => lookup(p.level)?.id === e.level).map((p) => p.name);
    warnings.push({ file: e.origin.file, line: e.origin.line, message: `"${e.name}" is not a known ${levelAt(e.depth).name} of ${std.region}${didYouMean(e.name, peers)}` });
  }

  return { entities, roots: entities.filter((e) => !e.parent), warnings };
}

function sameParentText(a: Draft, b: Draft): boolean {
  return String(a.parentCell?.value ?? '') === String(b.parentCell?.value ?? '') || !a.parentCell || !b.parentCell;
}
