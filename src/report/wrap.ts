// Wraps text to a display width. Chinese characters take two terminal columns; cli-table3's own wrapping
// counts UTF-16 units and would cut them off.
import stringWidth from 'string-width';

export function wrap(text: string, width: number): string {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let w = 0;
    for (const ch of paragraph) {
      const cw = stringWidth(ch);
      if (w + cw > width && line) {
        out.push(line);
        line = '';
        w = 0;
      }
      line += ch;
      w += cw;
    }
    out.push(line);
  }
  return out.join('\n');
}
