// Deadlines as the documents write them (2019年12月, 2020年上半年, 到2025年, 每年, 未注明) and dates to judge by
// (--as-of 2020-03; a year alone means its end).

/** A month: deadlines and --as-of dates are month-precise. */
export interface Month {
  year: number;
  month: number;
}

export type When = { kind: 'month'; at: Month } | { kind: 'every-year' } | { kind: 'unknown' };

/** A clause's deadline: the text as written, what it means, and the sub-task that sets it (if any). */
export interface Due {
  text: string;
  when: When;
  task?: string;
  /** Set when the deadline is a year stage's own (its year's end), not one the rule file gave the clause. */
  stage?: number;
}

export function parseDeadline(text: string): When {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
  if (/^(每年|每年度|年度|常年)$/.test(s)) return { kind: 'every-year' };
  let m = /^(?:到|至|于)?(\d{4})年(\d{1,2})月(?:底|前|末)?$/.exec(s);
  if (m) return month(Number(m[1]), Number(m[2]));
  m = /^(?:到|至|于)?(\d{4})年(上|下)半年(?:底|前|末)?$/.exec(s);
  if (m) return month(Number(m[1]), m[2] === '上' ? 6 : 12);
  m = /^(?:到|至|于)?(\d{4})年(?:底|前|末)?$/.exec(s);
  if (m) return month(Number(m[1]), 12);
  m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m) return month(Number(m[1]), Number(m[2]));
  return { kind: 'unknown' };
}

function month(year: number, m: number): When {
  return m >= 1 && m <= 12 ? { kind: 'month', at: { year, month: m } } : { kind: 'unknown' };
}

/** --as-of YYYY or YYYY-MM; undefined when the text is neither. */
export function parseAsOf(text: string): Month | undefined {
  const m = /^(\d{4})(?:-(\d{1,2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const month = m[2] === undefined ? 12 : Number(m[2]);
  return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : undefined;
}

/** Months from `a` to `b` (positive when b is later). */
export function monthsBetween(a: Month, b: Month): number {
  return (b.year - a.year) * 12 + (b.month - a.month);
}

export function formatMonth(m: Month): string {
  return `${m.year}-${String(m.month).padStart(2, '0')}`;
}

/** The latest of several deadlines: a month beats "every year", which beats unknown. */
export function latest(dues: Due[]): Due | undefined {
  let best: Due | undefined;
  for (const d of dues) {
    if (!best) best = d;
    else if (d.when.kind === 'month' && (best.when.kind !== 'month' || monthsBetween(best.when.at, d.when.at) > 0)) best = d;
    else if (d.when.kind === 'every-year' && best.when.kind === 'unknown') best = d;
  }
  return best;
}
