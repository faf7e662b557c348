// Sources → the dataset, one row at a time. Rows above the bottom level become drafts and then entities, as
// whole tables always did. A wide row that says it is at the bottom level (村, 社区) is, when a `LeafSink` is
// given, parsed into an entity of its own, handed to the sink (which judges it for the roll-ups above and keeps
// only counts), and let go: a million villages cost their counts, not their rows. One stand-in per parent cell
// goes through the tree like any row, so the parents of streamed rows are found, inferred or refused exactly as
// those of kept rows; duplicates are caught with 64-bit hashes of (parent, name).
import type { Standard } from '../standard/types.js';
import { kindLookup, levelLookup } from '../standard/levels.js';
import { say } from '../i18n/message.js';
import { HashSet64 } from '../util/hash-set.js';
import { assemble, problemBook, valueReader, type Dataset, type Entity, type LeafStats } from './dataset.js';
import { NO_EVIDENCE, setEvidence } from './entity-evidence.js';
import type { Cell, DataWarning, RawRow } from './records.js';
import type { Report } from './report.js';
import { tableReader, targetsOf, duplicateEntity, type Draft, type WideLayout } from './rows.js';
import type { Source, SourceRow } from './source.js';

/** Takes bottom-level rows as they are read, and gives their counts by parent cell at the end. */
export interface LeafSink {
  add(leaf: Entity, parent: string): void;
  parents(): Iterable<[string, LeafStats]>;
}

export type Opener = () => Promise<Source>;

export interface IngestOptions {
  /** Bottom-level rows go here instead of being kept. */
  leaves?: LeafSink;
  /** Keep a hash of each streamed row's name (evidence and waiver files may name one). */
  leafNames?: boolean;
  /** Called as sources open, and every few thousand rows (a progress bar). */
  onProgress?: (source: Source, rows: number) => void;
}

export interface Ingested {
  dataset: Dataset;
  inputs: { file: string; encoding?: string }[];
  /** Bottom-level rows streamed to the sink. */
  leafRows: number;
  /** The entity each parent cell of a streamed row names. */
  parentOf: Map<string, Entity>;
  leafNames?: HashSet64;
}

const MAX_ERRORS = 20;
/** Warnings about one column of streamed rows: the first few, then how many more. */
const WARNINGS_PER_COLUMN = 3;

export async function ingest(std: Standard, openers: Opener[], opts: IngestOptions = {}): Promise<Ingested> {
  const book = problemBook();
  const targets = targetsOf(std);
  const leafWarnings = cappedWarnings(book.report);
  const leafReport: Report = { err: book.report.err, warn: leafWarnings.warn };
  const drafts: Draft[] = [];
  const proxies = new Map<string, Draft>();
  const seenLeaf = new HashSet64();
  const leafNames = opts.leafNames ? new HashSet64() : undefined;
  const inputs: Ingested['inputs'] = [];
  const files: string[] = [];
  let leafRows = 0;

  reading: for (const open of openers) {
    const source = await open();
    const fileNo = files.push(source.file) - 1;
    inputs.push({ file: source.file, ...(source.encoding ? { encoding: source.encoding } : {}) });
    const reader = tableReader(targets, source, book.report);
    if (!reader) continue;
    const leaves = opts.leaves && reader.layout ? leafReader(std, source, reader.layout, leafReport) : undefined;
    const seen = new Map<string, number>();
    let n = 0;
    for await (const batch of source.batches) {
      opts.onProgress?.(source, n);
      for (const row of batch) {
        n++;
        const leaf = leaves?.read(row);
        if (leaf) {
          const first = seenLeaf.add(`${leaf.parentText}\u0000${leaf.entity.name}`, fileNo * 2 ** 32 + row.line);
          if (first !== undefined) book.report.err(source.file, row.line, undefined, duplicateLeaf(leaf.entity.name, first, fileNo, files));
          else {
            leafRows++;
            leafNames?.add(leaf.entity.name, 0);
            if (!proxies.has(leaf.parentText)) proxies.set(leaf.parentText, leaves!.proxy(row, leaf.parentText));
            opts.leaves!.add(leaf.entity, leaf.parentText);
          }
        } else if (leaf === undefined) {
          const d = reader.row(rawRow(source, row));
          if (!d) continue;
          const key = `${d.name}\u0000${d.parentCell?.value ?? ''}`;
          const first = seen.get(key);
          if (first !== undefined) book.report.err(d.file, d.line, undefined, duplicateEntity(d.name, first));
          else {
            seen.set(key, d.line);
            drafts.push(d);
          }
        }
        // Past twenty errors the rest of a million rows would only repeat them.
        if (book.errors.length >= MAX_ERRORS) break reading;
      }
    }
    opts.onProgress?.(source, n);
    drafts.push(...reader.end());
  }
  leafWarnings.flush();
  book.check();
  drafts.push(...proxies.values());
  const { dataset, parentOf } = assemble(std, drafts, book, opts.leaves?.parents());
  return { dataset, inputs, leafRows, parentOf, ...(leafNames ? { leafNames } : {}) };
}

/**
 * The streamed rows again, each as an entity under the parent found for it: for judging the bottom level
 * itself (`--level 村`) without ever holding it. Problems were reported on the first reading.
 */
export async function* rereadLeaves(std: Standard, openers: Opener[], parentOf: Map<string, Entity>): AsyncGenerator<Entity> {
  const quiet: Report = { err: () => {}, warn: () => {} };
  const targets = targetsOf(std);
  for (const open of openers) {
    const source = await open();
    const layout = tableReader(targets, source, quiet)?.layout;
    if (!layout) continue;
    const leaves = leafReader(std, source, layout, quiet);
    for await (const batch of source.batches) {
      for (const row of batch) {
        const leaf = leaves.read(row);
        if (!leaf) continue;
        leaf.entity.parent = parentOf.get(leaf.parentText);
        yield leaf.entity;
      }
    }
  }
}

/** A source row as the cells the row readers take. */
function rawRow(source: Source, row: SourceRow): RawRow {
  const cells: Cell[] = new Array(source.headers.length);
  for (let i = 0; i < cells.length; i++) {
    const at = row.at?.(i);
    cells[i] = { header: source.headers[i]!.name, value: row.values[i], line: at?.line ?? row.line, col: at?.col ?? source.headers[i]!.col };
  }
  return { file: source.file, line: row.line, cells };
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/**
 * Reads the rows of a wide table whose level cell names the bottom level (or one of its kinds) straight into
 * entities: the columns are worked out once per table, and only the row's own values are allocated. `read`
 * gives undefined for a row of another level, null for a bottom-level row too broken to count (its error is
 * reported).
 */
function leafReader(std: Standard, source: Source, layout: WideLayout, report: Report) {
  const bottom = std.levels[std.levels.length - 1]!;
  const lookup = levelLookup(std.levels);
  const kinds = kindLookup(std.levels);
  const values = valueReader(std, report);
  const file = source.file;
  const at = (row: SourceRow, i: number) => row.at?.(i) ?? { line: row.line, col: source.headers[i]!.col };
  // What a level cell says, worked out once per text: another level, or the bottom level (and which kind).
  const levelOf = new Map<string, { leaf: boolean; kind?: string }>();
  const levelText = (t: string) => {
    let r = levelOf.get(t);
    if (!r) levelOf.set(t, (r = lookup(t)?.id === bottom.id ? { leaf: true, kind: kinds(t)?.kind?.id } : { leaf: false }));
    return r;
  };
  const columns = layout.values.map(({ index, target }) => ({ index, target, header: source.headers[index]!.name, metrics: values.metricsAt(target, bottom.id) }));
  const evidence = layout.evidence.map(({ index, target }) => ({ index, metrics: values.metricsAt(target, bottom.id) }));
  // Where a leaf's values are, for a table whose values sit in their header's column: one map for the table.
  const colOf = new Map<string, number>();
  for (const c of columns) for (const m of c.metrics) if (!colOf.has(m.key)) colOf.set(m.key, source.headers[c.index]!.col);

  return {
    read(row: SourceRow): { entity: Entity; parentText: string } | null | undefined {
      if (layout.level === undefined) return undefined;
      const lv = text(row.values[layout.level]);
      if (!lv || !levelText(lv).leaf) return undefined;
      const name = text(row.values[layout.entity]);
      if (!name) {
        report.err(file, row.line, undefined, say('这一行没有填名称', 'row has no entity name'));
        return null;
      }
      let kind = levelText(lv).kind;
      if (layout.kind !== undefined) {
        const k = text(row.values[layout.kind]);
        if (k) {
          const found = kinds(k);
          const named = found?.level.id === bottom.id ? found.kind : undefined;
          const where = at(row, layout.kind);
          if (!named) {
            const names = bottom.kinds.map((x) => x.name);
            report.err(
              file,
              where.line,
              where.col,
              names.length
                ? say(`“${k}”不是${bottom.name}的类型；类型有：${names.join('、')}`, `"${k}" is not a kind of ${bottom.name}; kinds: ${names.join(' / ')}`)
                : say(`${bottom.name}不分类型，这里的“${k}”无从区分`, `${bottom.name} has no kinds; "${k}" cannot be told apart here`),
            );
          } else if (kind && kind !== named.id) report.err(file, where.line, where.col, say(`“${name}”填了两个不同的类型`, `"${name}" is given two kinds`));
          else kind = named.id;
        }
      }
      const entity: Entity = { name, level: bottom.id, depth: bottom.depth, children: [], values: new Map(), evidence: NO_EVIDENCE, origin: { file, line: row.line } };
      if (kind) entity.kind = kind;
      const placed = new Map<string, { file: string; cell: Cell }>();
      for (const c of columns) {
        const value = row.values[c.index];
        if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) continue;
        const p = at(row, c.index);
        const cell: Cell = { header: c.header, value, line: p.line, col: p.col };
        if (c.metrics.length === 0 && 'check' in c.target) report.err(file, p.line, p.col, values.notOneValue(c.target, bottom.id, c.header));
        values.readCell(entity, file, cell, c.metrics, placed, Boolean(row.at));
      }
      for (const e of evidence) {
        const t = text(row.values[e.index]);
        if (t) for (const m of e.metrics) setEvidence(entity, m.key, t);
      }
      if (placed.size) values.ratios(entity, placed);
      if (!row.at) entity.columns = colOf;
      return { entity, parentText: layout.parent === undefined ? '' : text(row.values[layout.parent]) };
    },
    /** A stand-in for the rows under one parent cell, placed in the tree like a row (rows.ts `proxy`). */
    proxy(row: SourceRow, parentText: string): Draft {
      const cellAt = (i: number | undefined): Cell | undefined => {
        if (i === undefined || !text(row.values[i])) return undefined;
        const p = at(row, i);
        return { header: source.headers[i]!.name, value: row.values[i], line: p.line, col: p.col };
      };
      return { name: text(row.values[layout.entity]), levelCell: cellAt(layout.level), parentCell: cellAt(layout.parent), file, line: row.line, values: [], evidence: [], proxy: parentText };
    },
  };
}

function duplicateLeaf(name: string, first: number, fileNo: number, files: string[]) {
  const firstFile = Math.floor(first / 2 ** 32);
  const firstLine = first % 2 ** 32;
  if (firstFile === fileNo) return duplicateEntity(name, firstLine);
  const where = `${files[firstFile]} 第 ${firstLine} 行`;
  return say(
    `“${name}”已出现在 ${where}：最底层的行是逐行读取的，不能跨文件合并；请把同一单位的各列放在一个文件里`,
    `"${name}" is also on line ${firstLine} of ${files[firstFile]}: bottom-level rows are read one at a time and cannot be merged across files; keep each one's columns in one file`,
  );
}

/** A report whose warnings, per file and column, stop after a few and end with how many more there were. */
function cappedWarnings(report: Report) {
  const counts = new Map<string, { first: DataWarning; n: number }>();
  return {
    warn(w: DataWarning) {
      const key = `${w.file}\u0000${w.col ?? ''}`;
      const c = counts.get(key);
      if (!c) counts.set(key, { first: w, n: 1 });
      else c.n++;
      if (!c || c.n <= WARNINGS_PER_COLUMN) report.warn(w);
    },
    flush() {
      for (const { first, n } of counts.values()) {
        if (n <= WARNINGS_PER_COLUMN) continue;
        const more = n - WARNINGS_PER_COLUMN;
        report.warn({ file: first.file, col: first.col, message: say(`同一列还有 ${more} 条类似的警告`, `${more} more warnings like these in this column`) });
      }
    },
  };
}
