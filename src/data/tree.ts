// Drafts → the entity tree: each entity's level (from its level cell, the gazetteer, its parent or its name)
// and parent (named in the data, known from the gazetteer, or the region itself, inferred when absent).
import type { Standard } from '../standard/types.js';
import { kindLookup, levelLookup } from '../standard/levels.js';
import { didYouMean } from '../util/suggest.js';
import { pushTo } from '../util/group.js';
import type { Cell } from './records.js';
import { duplicateEntity, type Draft } from './rows.js';
import { say } from '../i18n/message.js';
import type { Report } from './report.js';
import type { Entity } from './dataset.js';
import { NO_EVIDENCE } from './entity-evidence.js';

export interface Tree {
  entities: Entity[];
  roots: Entity[];
  /** Every row that describes an entity: one in wide data, several when files or long rows add to it. */
  rowsOf: Map<Entity, Draft[]>;
  /** Stand-ins for bottom-level rows that were not kept, one per parent cell, placed like any row (rows.ts). */
  proxies: Map<Entity, Draft>;
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
  const proxies = new Map<Entity, Draft>();

  // 1. Entities with their values; levels that can be told without looking at parents.
  const pendingLevel: Entity[] = [];
  for (const d of drafts) {
    // A stand-in is never anyone's parent, nor the same entity as a row.
    const existing = d.proxy !== undefined ? undefined : (byName.get(d.name) ?? []).find((e) => !proxies.has(e) && sameParentText(draftOf.get(e)!, d));
    const entity: Entity = existing ?? {
      name: d.name,
      level: '',
      depth: -1,
      children: [],
      values: new Map(),
      evidence: NO_EVIDENCE,
      origin: { file: d.file, line: d.line },
    };
    if (!existing) {
      entities.push(entity);
      if (d.proxy !== undefined) proxies.set(entity, d);
      else pushTo(byName, d.name, entity);
      draftOf.set(entity, d);
    }
    pushTo(rowsOf, entity, d);
    if (d.levelCell) {
      const level = lookup(String(d.levelCell.value));
      const kind = level && kinds(String(d.levelCell.value))?.kind;
      if (kind) entity.kind = kind.id;
      if (!level) {
        const names = std.levels.flatMap((l) => [l.name, l.id, ...l.aliases]);
        const given = String(d.levelCell.value);
        const hint = didYouMean(given, names);
        const levels = std.levels.map((l) => l.name);
        err(d.file, d.levelCell.line, d.levelCell.col, say(`未知层级“${given}”${hint.zh}；层级有：${levels.join('、')}`, `unknown level "${given}"${hint.en}; levels: ${levels.join(' / ')}`));
      } else if (entity.level && entity.level !== level.id) {
        err(d.file, d.levelCell.line, d.levelCell.col, say(`“${d.name}”填了两个不同的层级`, `"${d.name}" is given two levels`));
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
      err(second.file, second.line, undefined, duplicateEntity(name, draftOf.get(list[0]!)!.line));
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
    const tops = roots.map((r) => r.name);
    err(
      d.file,
      d.line,
      undefined,
      say(
        `“${child.name}”没有上级，而数据中有多个顶层单位（${tops.join('、')}）；请增加上级列`,
        `"${child.name}" has no parent and the data has several top-level entities (${tops.join(', ')}); add a parent column`,
      ),
    );
    return undefined;
  };
  function synthesize(name: string, level: string, depth: number): Entity {
    const e: Entity = { name, level, depth, children: [], values: new Map(), evidence: NO_EVIDENCE };
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
      err(d?.file ?? '', cell?.line ?? d?.line, cell?.col, say(`上级“${name}”不明确：有多个单位叫这个名字`, `parent "${name}" is ambiguous: several entities have that name`));
      return undefined;
    }
    if (candidates[0]) return candidates[0];
    const depth = Math.max(0, child.depth - 1);
    if (realDepths.has(depth) && depth > 0 && !places.has(name)) {
      const peers = entities.filter((x) => x.depth === depth && x.origin).map((x) => x.name);
      const hint = didYouMean(name, peers);
      const level = levelAt(depth).name;
      err(d?.file ?? '', cell?.line ?? d?.line, cell?.col, say(`上级“${name}”不在数据的${level}行中${hint.zh}`, `parent "${name}" is not among the ${level} rows${hint.en}`));
      return undefined;
    }
    const knownPlace = places.get(name);
    if (knownPlace && lookup(knownPlace.level)!.depth >= child.depth) {
      const [its, childs] = [lookup(knownPlace.level)!.name, levelAt(child.depth).name];
      err(
        d?.file ?? '',
        cell?.line ?? d?.line,
        cell?.col,
        say(`上级“${name}”是${its}，层级不高于“${child.name}”（${childs}）`, `parent "${name}" is a ${its}, not above "${child.name}" (${childs})`),
      );
      return undefined;
    }
    if (depth === 0 && !knownPlace && norm(name) !== norm(std.region)) {
      const tops = [std.region, ...roots.map((r) => r.name)];
      const hint = didYouMean(name, tops);
      const top = levelAt(0).name;
      err(
        d?.file ?? '',
        cell?.line ?? d?.line,
        cell?.col,
        say(
          `上级“${name}”不是${top}（${std.region}）${roots.length ? '，也不是数据中的顶层行' : ''}${hint.zh}`,
          `parent "${name}" is not the ${top} (${std.region})${roots.length ? ' nor a top-level row' : ''}${hint.en}`,
        ),
      );
      return undefined;
    }
    // Where the gazetteer lists every entity of the parent's level, a name it lacks is a typo, not a new place.
    const listed = std.places.filter((p) => lookup(p.level)?.depth === depth).map((p) => p.name);
    if (depth > 0 && listed.length > 0 && !places.has(name)) {
      const hint = didYouMean(name, listed);
      const level = levelAt(depth).name;
      err(d?.file ?? '', cell?.line ?? d?.line, cell?.col, say(`上级“${name}”不是${std.region}的${level}${hint.zh}`, `parent "${name}" is not a ${level} of ${std.region}${hint.en}`));
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
        const [its, childs] = [levelAt(p.depth).name, levelAt(e.depth).name];
        err(
          d.file,
          d.parentCell.line,
          d.parentCell.col,
          say(`上级“${p.name}”（${its}）层级不高于“${e.name}”（${childs}）`, `parent "${p.name}" (${its}) is not above "${e.name}" (${childs})`),
        );
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
        err(
          d.file,
          d.kindCell.line,
          d.kindCell.col,
          names.length
            ? say(`“${text}”不是${level.name}的类型；类型有：${names.join('、')}`, `"${text}" is not a kind of ${level.name}; kinds: ${names.join(' / ')}`)
            : say(`${level.name}不分类型，这里的“${text}”无从区分`, `${level.name} has no kinds; "${text}" cannot be told apart here`),
        );
      } else if (e.kind && e.kind !== kind.id) {
        err(d.file, d.kindCell.line, d.kindCell.col, say(`“${e.name}”填了两个不同的类型`, `"${e.name}" is given two kinds`));
      } else {
        e.kind = kind.id;
      }
    }
  }

  // Names the gazetteer does not know, at a level it covers: likely typos.
  const knownLevels = new Set(std.places.map((p) => lookup(p.level)?.id));
  for (const e of entities) {
    if (!e.origin || proxies.has(e) || !knownLevels.has(e.level) || places.has(e.name)) continue;
    const peers = std.places.filter((p) => lookup(p.level)?.id === e.level).map((p) => p.name);
    const hint = didYouMean(e.name, peers);
    const level = levelAt(e.depth).name;
    warn({ file: e.origin.file, line: e.origin.line, message: say(`“${e.name}”不是${std.region}已知的${level}${hint.zh}`, `"${e.name}" is not a known ${level} of ${std.region}${hint.en}`) });
  }


  return { entities, roots: entities.filter((e) => !e.parent), rowsOf, proxies };
}

function sameParentText(a: Draft, b: Draft): boolean {
  return String(a.parentCell?.value ?? '') === String(b.parentCell?.value ?? '') || !a.parentCell || !b.parentCell;
}
