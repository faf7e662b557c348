import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { memoisedWidth } from '../src/report/table/width.js';

// The memoised measure must agree with string-width on every kind of text a report draws, first time and again.
const TEXTS: [string, number][] = [
  ['', 0],
  ['WZ-K01', 6],
  ['88.1% ≥ 90%', 11],
  ['温州市', 6],
  ['差 2 项（8.3%）', 15],
  ['\u001b[31m不达标\u001b[39m', 6],
  ['▲市文广新局', 11], // ▲ is East Asian ambiguous: one column, as terminals draw it by default
];

describe('memoisedWidth', () => {
  const width = memoisedWidth(stringWidth);
  it.each(TEXTS)('%j is %i columns wide, as string-width says, measured twice', (text, columns) => {
    expect(stringWidth(text)).toBe(columns);
    expect(width(text)).toBe(columns);
    expect(width(text)).toBe(columns);
  });

  it('measures a text once, and printable ASCII not at all', () => {
    const seen: string[] = [];
    const counted = memoisedWidth((t) => (seen.push(t), stringWidth(t)));
    for (let i = 0; i < 3; i++) counted('街道') + counted('street 12');
    expect(seen).toEqual(['街道']);
  });
});
