// Deadlines against --as-of: an unmet clause whose deadline is still ahead is not yet due (pending); one whose
// deadline has passed is overdue, by so many months. Without --as-of every target is judged as final.
import type { Due, Month } from '../standard/deadlines.js';
import { formatMonth, monthsBetween } from '../standard/deadlines.js';
import type { Outcome } from './types.js';

export function gate(o: Outcome, due: Due | undefined, asOf: Month | undefined): Outcome {
  if (!asOf || !due || due.when.kind !== 'month') return o;
  if (o.status !== 'fail' && o.status !== 'missing' && o.status !== 'manual') return o;
  const months = monthsBetween(due.when.at, asOf);
  const base = { deadline: due.text, month: formatMonth(due.when.at), task: due.task };
  if (months < 0) {
    return {
      ...o,
      status: 'pending',
      due: { ...base, state: 'not-yet-due', months: -months, was: o.status },
      reasons: [...o.reasons, { code: 'not-yet-due', deadline: due.text, month: base.month, task: due.task }],
    };
  }
  return { ...o, due: { ...base, state: 'overdue', months } };
}
