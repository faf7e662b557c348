// cli-table3, with one fix. Version 0.6.5 builds, for every line of every cell it draws, a truncated preview of
// the whole cell for a debug message it prints only when debugging; truncating is quadratic in the cell's length
// when the text is wide (Chinese) or has several lines, so a report of long wrapped cells — English ones above
// all — took minutes (upstream: cli-table/cli-table3#362). The cell's text is hidden from `draw` while it draws:
// by then its lines are laid out, and the preview is all `draw` reads the text for.
import Table from 'cli-table3';
import { createRequire } from 'node:module';

interface DrawableCell {
  content: string;
  draw(lineNum: unknown, spanningCell?: unknown): string;
}

const Cell = createRequire(import.meta.url)('cli-table3/src/cell.js') as { prototype: DrawableCell };
const draw = Cell.prototype.draw;
if (!(draw as { previewless?: boolean }).previewless) {
  const previewless = function (this: DrawableCell, lineNum: unknown, spanningCell?: unknown): string {
    const content = this.content;
    this.content = '';
    try {
      return draw.call(this, lineNum, spanningCell);
    } finally {
      this.content = content;
    }
  };
  Cell.prototype.draw = Object.assign(previewless, { previewless: true });
}

export default Table;
