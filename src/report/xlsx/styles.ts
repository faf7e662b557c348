// The workbook's look: status fills, the header row, number formats. Each style is one shared object, so the
// streaming writer registers it once (exceljs keys its style table by object identity) however many cells use it.
import type { Style } from 'exceljs';
import type { Change } from '../../engine/compare.js';
import type { Status } from '../../engine/types.js';

type CellStyle = Partial<Style>;

const FONT = { name: 'Calibri', size: 11 } as const;

function filled(fill: string, font: string, bold = false): CellStyle {
  return {
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill}` } },
    font: { ...FONT, bold, color: { argb: `FF${font}` } },
  };
}

/** pass green, fail red, missing amber, manual blue, pending slate, waived purple, n/a grey; the cell holds the
 *  status word as well, so the colour is never the only sign. */
export const STATUS_STYLE: Record<Status, CellStyle> = {
  pass: filled('C6EFCE', '006100'),
  fail: filled('FFC7CE', '9C0006', true),
  missing: filled('FFE699', '7F6000'),
  manual: filled('BDD7EE', '1F4E78'),
  pending: filled('D5DCE4', '333F4F'),
  waived: filled('E4D4F4', '5B2C83'),
  na: filled('E7E6E6', '595959'),
};

export const CHANGE_STYLE: Record<Change, CellStyle> = {
  'newly-passing': filled('C6EFCE', '006100', true),
  improved: filled('C6EFCE', '006100'),
  unchanged: filled('E7E6E6', '595959'),
  regressed: filled('FFC7CE', '9C0006'),
  'newly-failing': filled('FFC7CE', '9C0006', true),
  added: filled('BDD7EE', '1F4E78'),
  removed: filled('FFE699', '7F6000'),
};

export const HEADER_STYLE: CellStyle = {
  ...filled('D9E1F2', '000000', true),
  alignment: { vertical: 'middle', wrapText: true },
  border: { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } },
};

export const TITLE_STYLE: CellStyle = { font: { ...FONT, size: 14, bold: true } };
export const LABEL_STYLE: CellStyle = { font: { ...FONT, bold: true } };

/**
 * Numbers stay numbers in the metric's own unit, with the unit in the next column: a rate of 88.1% is the
 * number 88.1 beside the unit "%", never 0.881 with Excel's % format — so a value, its target and its gap read
 * alike whatever the unit, and the column sums and filters as the data gives it. Whole numbers show with
 * thousands separators; fractions with up to three decimals (the cell keeps full precision).
 */
export const INTEGER_STYLE: CellStyle = { numFmt: '#,##0' };
export const DECIMAL_STYLE: CellStyle = { numFmt: '#,##0.0##' };
/** A signed change (value or gap): + for up, − for down. */
export const INTEGER_DELTA_STYLE: CellStyle = { numFmt: '+#,##0;-#,##0;0' };
export const DECIMAL_DELTA_STYLE: CellStyle = { numFmt: '+#,##0.0##;-#,##0.0##;0' };

export function numberStyle(n: number, signed = false): CellStyle {
  if (Number.isInteger(n)) return signed ? INTEGER_DELTA_STYLE : INTEGER_STYLE;
  return signed ? DECIMAL_DELTA_STYLE : DECIMAL_STYLE;
}
