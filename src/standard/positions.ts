// Maps a path inside a parsed YAML document to the line and column a person should look at.
import { isMap, isNode, isSeq, LineCounter, type Document, type Node } from 'yaml';

export interface Position {
  line: number;
  col: number;
}

export function positionOf(
  doc: Document,
  counter: LineCounter,
  path: readonly PropertyKey[],
): Position {
  let node: unknown = doc.contents;
  let best: Node | null = isNode(node) ? node : null;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isNode(p.key) ? (p.key as { value?: unknown }).value : p.key) === key);
      if (!pair) break;
      node = pair.value;
      // A key whose value is empty still has a position of its own.
      best = isNode(pair.value) ? pair.value : isNode(pair.key) ? (pair.key as Node) : best;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      if (!isNode(node)) break;
      best = node;
    } else {
      break;
    }
  }
  const offset = best?.range?.[0] ?? 0;
  return counter.linePos(offset);
}
