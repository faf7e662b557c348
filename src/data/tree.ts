// Drafts → the entity tree: each entity's level (from its level cell, the gazetteer, its parent or its name)
// and parent (named in the data, known from the gazetteer, or the region itself, inferred when absent).
import type { Standard } from '../standard/types.js';
import { kindLookup, levelLookup } from '../standard/levels.js';
import { didYouMean } from '../util/suggest.js';
import { pushTo } from '../util/group.js';
import type { Cell } from './records.js';
import type { Draft } from './rows.js';
import type { Report } from './report.js';
import type { Entity } from './dataset.js';

export interface Tree {
  entities: Entity[];
  roots: Entity[];
  /** Every row that describes an entity: one in wide data, several when files or long rows add to it. */
  rowsOf: Map<Entity, Draft[]>;
}

export function buildTree(std: Standard, drafts: Draft[], { err, warn }: Report): Tree {
  const lookup = levelLookup(std.levels);
  const kinds = kindLookup(std.levels);
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
      pushTo(byName, d.name, entity);
      draftOf.set(entity, d);
    }
    pushTo(rowsOf, entity, d);
    if (d.levelCell) {
      const level = lookup(String(d.levelCell.value));
      const kind = level && kinds(String(d.levelCell.value))?.kind;
      if (kind) entity.kind = kind.id;
      if (!level) {
        const names = std.levels.flatMap((l) => [l.name, l.id, ...l.aliases]);
        err(d.file, d.levelCell.line, d.levelCell.col, `unknown level "${d.levelCell.value}"${didYouMean(String(d.levelCell.value), names).en}; levels: ${std.levels.map((l) => l.name).join(' / ')}`);
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

  // A name the gazetteer knows is one place: two rows for it are a duplicate, whatever their parents say.
  for (const [name, list] of byName) {
    if (list.length > 1 && places.has(name)) {
      const second = draftOf.get(list[1]!)!;
      err(second.file, second.line, undefined, `duplicate entity "${name}" (first on line ${draftOf.get(list[0]!)!.line})`);
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
  function synthesize(name: string, level: string, depth: number): Entity {
    const e: Entity = { name, level, depth, children: [], values: new Map(), evidence: new Map() };
    entities.push(e);
    pushTo(byName, name, e);
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
      err(d?.file ?? '', cell?.line ?? d?.line, cell?.col, `parent "${name}" is not among the ${levelAt(depth).name} rows${didYouMean(name, peers).en}`);
      return undefined;
    }
    const knownPlace = places.get(name);
    if (knownPlace && lookup(knownPlace.level)!.depth >= child.depth) {
      err(d?.file ?? '', cell?.line ?? d?.line, cell?.col, `parent "${name}" is a ${lookup(knownPlace.level)!.name}, not above "${child.name}" (${levelAt(child.depth).name})`);
      return undefined;
    }
    if (depth === 0 && !knownPlace && norm(name) !== norm(std.region)) {
      const tops = [std.region, ...roots.map((r) => r.name)];
      err(d?.file ?? '', cell?.line ?? d?.line, cell?.col, `parent "${name}" is not the ${levelAt(0).name} (${std.region})${roots.length ? ' nor a top-level row' : ''}${didYouMean(name, tops).en}`);
      return undefined;
    }
    // Where the gazetteer lists every entity of the parent's level, a name it lacks is a typo, not a new place.
    const listed = std.places.filter((p) => lookup(p.level)?.depth === depth).map((p) => p.name);
    if (depth > 0 && listed.length > 0 && !places.has(name)) {
      err(d?.file ?? '', cell?.line ?? d?.line, cell?.col, `parent "${name}" is not a ${levelAt(depth).name} of ${std.region}${didYouMean(name, listed).en}`);
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

  // A kind column (村 / 社区) must name a kind of the row's level, and agree with a kind the level cell gave.
  for (const e of entities) {
    for (const d of rowsOf.get(e) ?? []) {
      if (!d.kindCell) continue;
      const level = std.levels.find((l) => l.id === e.level)!;
      const text = String(d.kindCell.value).trim();
      const found = kinds(text);
      const kind = found?.level.id === level.id ? found.kind : undefined;
      if (!kind) {
        const names = level.kinds.map((k) => k.name);
        err(d.file, d.kindCell.line, d.kindCell.col, names.length ? `"${text}" is not a kind of ${level.name}; kinds: ${names.join(' / ')}` : `${level.name} has no kinds; "${text}" cannot be told apart here`);
      } else if (e.kind && e.kind !== kind.id) {
        err(d.file, d.kindCell.line, d.kindCell.col, `"${e.name}" is given two kinds`);
      } else {
        e.kind = kind.id;
      }
    }
  }

  // Names the gazetteer does not know, at a level it covers: likely typos.
  const knownLevels = new Set(std.places.map((p) => lookup(p.level)?.id));
  for (const e of entities) {
    if (!e.origin || !knownLevels.has(e.level) || places.has(e.name)) continue;
    const peers = std.places.filter((p) => lookup(p.level)?.id === e.level).map((p) => p.name);
    warn({ file: e.origin.file, line: e.origin.line, message: `"${e.name}" is not a known ${levelAt(e.depth).name} of ${std.region}${didYouMean(e.name, peers).en}` });
  }


  return { entities, roots: entities.filter((e) => !e.parent), rowsOf };
}

function sameParentText(a: Draft, b: Draft): boolean {
  return String(a.parentCell?.value ?? '') === String(b.parentCell?.value ?? '') || !a.parentCell || !b.parentCell;
}
