// JSON text → RawTable. Parsed with the yaml package (JSON is YAML 1.2) so every value keeps its line and column.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { DataError, type Cell, type RawTable } from './records.js';

const ROW_LISTS = ['entities', 'rows', 'data', 'records'];
const NESTED_VALUES = ['values', 'metrics', 'data'];

export function readJson(text: string, file: string): RawTable {
  const counter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = counter.linePos(e.pos[0]);
    throw new DataError(file, pos.line, pos.col, `not valid JSON: ${e.message.split('\n')[0]}`);
  }
  const posOf = (n: Node | null | undefined) => counter.linePos(n?.range?.[0] ?? 0);

  let list: Node | null | undefined = doc.contents as Node | null;
  if (isMap(list)) {
    const key = ROW_LISTS.find((k) => isSeq(list && (list as YAMLMap).get(k, true)));
    if (!key) {
      throw new DataError(file, 1, 1, `expected an array of rows or an object with "${ROW_LISTS.join('" / "')}"`);
    }
    list = (list as YAMLMap).get(key, true) as Node;
  }
  if (!isSeq(list)) throw new DataError(file, 1, 1, 'expected an array of rows');

  const headers = new Map<string, { name: string; col: number; line: number }>();
  const rows = list.items.map((item) => {
    const itemNode = item as Node;
    const { line, col } = posOf(itemNode);
    if (!isMap(itemNode)) throw new DataError(file, line, col, 'each row must be an object');
    const cells: Cell[] = [];
    const add = (map: YAMLMap) => {
      for (const pair of map.items) {
        const keyNode = pair.key as Node;
        const name = String(isScalar(keyNode) ? keyNode.value : keyNode).trim();
        const valueNode = pair.value as Node | null;
        if (NESTED_VALUES.includes(name) && isMap(valueNode)) {
          add(valueNode);
          continue;
        }
        const p = posOf(valueNode ?? keyNode);
        if (valueNode && !isScalar(valueNode)) {
          throw new DataError(file, p.line, p.col, `"${name}" must be a number, text, true/false or null`);
        }
        if (!headers.has(name)) headers.set(name, { name, ...posOf(keyNode) });
        cells.push({ header: name, value: isScalar(valueNode) ? valueNode.value : null, line: p.line, col: p.col });
      }
    };
    add(itemNode);
    return { file, line, cells };
  });
  return { file, headers: [...headers.values()], rows };
}
