// What a run's results mean for a CI job. 0: nothing at or above --fail-on; 1: something is.
import type { Status } from './types.js';

export const FAIL_ON = ['fail', 'missing', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

const TRIPS: Record<FailOn, readonly Status[]> = {
  fail: ['fail'],
  missing: ['fail', 'missing'],
  never: [],
};

/** From the run's count of results per status. */
export function exitCodeFor(totals: Record<Status, number>, failOn: FailOn): 0 | 1 {
  return TRIPS[failOn].some((s) => totals[s] > 0) ? 1 : 0;
}
