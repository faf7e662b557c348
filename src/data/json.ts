// JSON text → RawTable. jsonc-parser gives every node its offset, so errors name line and column.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { DataError, type Cell, type RawTable } from './records.js';
import { say, type Message } from '../i18n/message.js';

const ROW_LISTS = ['entities', 'rows', 'data', 'records'];
const NESTED_VALUES = ['values', 'metrics', 'data'];

export function readJson(input: string, file: string): RawTable {
  const text = input.replace(/^\uFEFF/, '');
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const pos = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - lineStarts[lo]! + 1 };
  };
  const fail = (offset: number, message: Message): never => {
    const p = pos(offset);
    throw new DataError(file, p.line, p.col, message);
  };

  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || !root) {
    const e = errors[0];
    // jsonc-parser's error codes (CommaExpected, …) are kept as they are, in both languages.
    const code = e && printParseErrorCode(e.error);
    return fail(e?.offset ?? 0, say(`不是有效的 JSON：${code ?? '文件是空的'}`, `not valid JSON: ${code ?? 'empty file'}`));
  }
  const prop = (obj: Node, key: string) => obj.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];

  let list: Node | undefined = root;
  if (root.type === 'object') {
    list = ROW_LISTS.map((k) => prop(root, k)).find((n) => n?.type === 'array');
    if (!list) fail(root.offset, say(`应为由各行组成的数组，或含“${ROW_LISTS.join('”/“')}”的对象`, `expected an array of rows or an object with "${ROW_LISTS.join('" / "')}"`));
  }
  if (list!.type !== 'array') fail(list!.offset, say('应为由各行组成的数组', 'expected an array of rows'));

  const headers = new Map<string, { name: string; col: number; line: number }>();
  const rows = (list!.children ?? []).map((item) => {
    const { line } = pos(item.offset);
    if (item.type !== 'object') fail(item.offset, say('每一行都应是一个对象', 'each row must be an object'));
    const cells: Cell[] = [];
    const keys = new Set<string>();
    const add = (obj: Node) => {
      for (const pair of obj.children ?? []) {
        const [keyNode, valueNode] = pair.children as [Node, Node];
        const name = String(keyNode.value).trim();
        if (keys.has(name)) fail(keyNode.offset, say(`“${name}”在同一行中出现了两次`, `"${name}" is given twice in one row`));
        keys.add(name);
        if (NESTED_VALUES.includes(name) && valueNode.type === 'object') {
          add(valueNode);
          continue;
        }
        if (valueNode.type === 'object' || valueNode.type === 'array') {
          fail(valueNode.offset, say(`“${name}”应为数字、文本、true/false 或 null`, `"${name}" must be a number, text, true/false or null`));
        }
        if (!headers.has(name)) headers.set(name, { name, ...pos(keyNode.offset) });
        cells.push({ header: name, value: valueNode.value ?? null, ...pos(valueNode.offset) });
      }
    };
    add(item);
    return { file, line, cells };
  });
  if (rows.length === 0) return fail(list!.offset, say('文件中没有数据行', 'the file has no rows'));
  return { file, headers: [...headers.values()], rows };
}
