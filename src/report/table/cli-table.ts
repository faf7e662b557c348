// cli-table3, with two fixes. First, it measures every line of every cell with string-width on each draw (twice
// per line when padding), which strips ANSI codes and runs an emoji regex each time: a table of 300,000 results
// spent most of its time there. It gets the memoised measure of width.ts instead. Second, version 0.6.5 builds, for every line of every cell it draws, a truncated preview of
// the whole cell for a debug message it prints only when debugging; truncating is quadratic in the cell's length
// when the text is wide (Chinese) or has several lines, so a report of long wrapped cells — English ones above
// all — took minutes (upstream: cli-table/cli-table3#362). The cell's text is hidden from `draw` while it draws:
// by then its lines are laid out, and the preview is all `draw` reads the text for.
import type TableType from 'cli-table3';
import { createRequire } from 'node:module';
import { memoisedWidth } from './width.js';

const require = createRequire(import.meta.url);
// cli-table3 reads string-width once, when it loads: put the memoised one in its place first.
const tableRequire = createRequire(require.resolve('cli-table3'));
const widthModule = tableRequire.resolve('string-width');
const width = memoisedWidth(tableRequire('string-width') as (text: string) => number);
const cached = tableRequire.cache[widthModule];
if (cached && !(cached.exports as { memoised?: boolean }).memoised) cached.exports = Object.assign(width, { default: width, memoised: true });
const Table = tableRequire('cli-table3') as typeof TableType;

interface DrawableCell {
  content: string;
  draw(lineNum: unknown, spanningCell?: unknown): string;
}

const Cell = require('cli-table3/src/cell.js') as { prototype: DrawableCell };
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
