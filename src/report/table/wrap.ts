// Wraps text to a display width. Chinese characters take two terminal columns (cli-table3's own wrapping counts
// UTF-16 units and would cut them off); runs of Latin letters and digits ("48 小时" → "48", "33.3%") are kept
// whole when they fit, so a number is never split across lines.
import measure from 'string-width';
import { memoisedWidth } from './width.js';

const stringWidth = memoisedWidth(measure);

const TOKEN = /[A-Za-z0-9.,%‰+\-−~–/:()·]+|\s+|./gsu;

export function wrap(text: string, width: number): string {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let w = 0;
    const push = () => {
      out.push(line.trimEnd());
      line = '';
      w = 0;
    };
    for (const token of paragraph.match(TOKEN) ?? []) {
      const tw = stringWidth(token);
      if (w + tw <= width) {
        line += token;
        w += tw;
        continue;
      }
      if (/^\s+$/.test(token)) {
        push();
        continue;
      }
      if (tw <= width) {
        push();
        line = token;
        w = tw;
        continue;
      }
      for (const ch of token) {
        const cw = stringWidth(ch);
        if (w + cw > width && line) push();
        line += ch;
        w += cw;
      }
    }
    out.push(line.trimEnd());
  }
  return out.join('\n');
}
