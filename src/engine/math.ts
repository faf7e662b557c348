// Comparison with a tolerance for binary fractions (1.5 from 150000/100000 must sit exactly on ≥ 1.5), and gaps.
import type { Op, Threshold } from '../standard/types.js';
import type { Gap } from './types.js';

// Far above the error of a few float operations (~1e-16), far below any difference a document means.
const EPS = 1e-12;

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

export function meets(actual: number, op: Op, value: Threshold): boolean {
  if (op === 'between') {
    const [lo, hi] = value as [number, number];
    return meets(actual, '>=', lo) && meets(actual, '<=', hi);
  }
  const v = value as number;
  switch (op) {
    case '>=':
      return actual > v || near(actual, v);
    case '>':
      return actual > v && !near(actual, v);
    case '<=':
      return actual < v || near(actual, v);
    case '<':
      return actual < v && !near(actual, v);
    case '=':
      return near(actual, v);
  }
}

/** How far a failing value is from its target, in the target's unit and as a share of it. */
export function gapOf(actual: number, op: Op, value: Threshold, unit?: string): Gap {
  let target: number;
  if (op === 'between') {
    const [lo, hi] = value as [number, number];
    target = actual < lo ? lo : hi;
  } else {
    target = value as number;
  }
  // 12 significant digits: float noise goes, a real gap of 3e-9 stays.
  const amount = +Math.abs(target - actual).toPrecision(12);
  return { amount, unit, percent: target !== 0 ? +((amount / Math.abs(target)) * 100).toPrecision(12) : undefined };
}

export function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
