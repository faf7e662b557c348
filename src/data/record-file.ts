// Files of records an auditor keeps beside the data (evidence, waivers): a YAML list or a CSV table, one record a
// row. Each field is found under any of its names (English or Chinese) and keeps its line and column for errors.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { readCsv } from './csv.js';
import { DataError } from './records.js';
import { headerKey } from './headers.js';
import { didYouMean } from '../util/suggest.js';
import { say } from '../i18n/message.js';

export interface FieldValue {
  text: string;
  line: number;
  col: number;
}

export interface FileRecord {
  file: string;
  line: number;
  fields: Partial<Record<string, FieldValue>>;
}

/** Field name → the names it may be written as. */
export type FieldNames = Record<string, string[]>;

/** Reads `text` (YAML when the file name says so, else CSV) into records with the fields `names` knows. */
export function readRecordFile(text: string, file: string, names: FieldNames, listKeys: string[]): FileRecord[] {
  const lookup = new Map<string, string>();
  for (const [field, aliases] of Object.entries(names)) for (const a of [field, ...aliases]) lookup.set(headerKey(a), field);
  const fieldOf = (name: string, line: number, col: number): string => {
    const f = lookup.get(headerKey(name));
    if (f) return f;
    const hint = didYouMean(name, lookup.keys());
    const fields = Object.keys(names);
    throw new DataError(file, line, col, say(`未知字段“${name}”${hint.zh}；可用字段：${fields.join('、')}`, `unknown field "${name}"${hint.en}; fields: ${fields.join(', ')}`));
  };
  return /\.ya?ml$/i.test(file) ? fromYaml(text, file, fieldOf, listKeys) : fromCsv(text, file, fieldOf);
}

function fromCsv(text: string, file: string, fieldOf: (name: string, line: number, col: number) => string): FileRecord[] {
  const table = readCsv(text, file);
  const fields = table.headers.map((h) => fieldOf(h.name, h.line, h.col));
  return table.rows.map((row) => ({
    file,
    line: row.line,
    fields: Object.fromEntries(
      row.cells.flatMap((c, i) => {
        const t = String(c.value ?? '').trim();
        return t ? [[fields[i]!, { text: t, line: c.line, col: c.col }]] : [];
      }),
    ),
  }));
}

function fromYaml(text: string, file: string, fieldOf: (name: string, line: number, col: number) => string, listKeys: string[]): FileRecord[] {
  const counter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const at = (node: Node | null | undefined) => counter.linePos(node?.range?.[0] ?? 0);
  if (doc.errors.length) {
    const p = counter.linePos(doc.errors[0]!.pos[0]);
    // The yaml library's explanation stays as it wrote it, in English.
    const why = doc.errors[0]!.message.split('\n')[0];
    throw new DataError(file, p.line, p.col, say(`不是有效的 YAML：${why}`, `not valid YAML: ${why}`));
  }
  let list: unknown = doc.contents;
  if (isMap(list)) list = listKeys.map((k) => (list as { get(k: string, keep: true): unknown }).get(k, true)).find((x) => isSeq(x));
  if (!isSeq(list)) {
    throw new DataError(
      file,
      1,
      1,
      say(
        `应为记录列表${listKeys.length ? `（或含“${listKeys.join('”/“')}”的对象）` : ''}`,
        `expected a list of records${listKeys.length ? ` (or an object with "${listKeys.join('" / "')}")` : ''}`,
      ),
    );
  }
  return list.items.map((item) => {
    const pos = at(item as Node);
    if (!isMap(item)) throw new DataError(file, pos.line, pos.col, say('每条记录都应是“字段: 值”的映射', 'each record must be a mapping of field: value'));
    const fields: FileRecord['fields'] = {};
    for (const pair of item.items) {
      const keyPos = at(pair.key as Node);
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      const field = fieldOf(name, keyPos.line, keyPos.col);
      const value = pair.value;
      if (value !== null && !isScalar(value)) {
        const vp = at(value as Node);
        throw new DataError(file, vp.line, vp.col, say(`“${name}”只能填一个值`, `"${name}" must be a single value`));
      }
      const t = value === null || value.value === null ? '' : String(value.value).trim();
      const vp = at((value ?? pair.key) as Node);
      if (t) fields[field] = { text: t, line: vp.line, col: vp.col };
    }
    return { file, line: pos.line, fields };
  });
}
