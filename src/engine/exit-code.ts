// What a run's results mean for a CI job. 0: nothing at or above --fail-on; 1: something is.
import type { Status } from './types.js';

export const FAIL_ON = ['fail', 'missing', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

const TRIPS: Record<FailOn, readonly Status[]> = {
  fail: ['fail'],
  missing: ['fail', 'missing'],
  never: [],
};

export function exitCodeFor(statuses: Iterable<Status>, failOn: FailOn): 0 | 1 {
  const trips = TRIPS[failOn];
  for (const s of statuses) if (trips.includes(s)) return 1;
  return 0;
}
