// Approved exceptions: an unmet result that a waiver in force covers is reported as `waived`, keeping what it was.
import type { Result, Status, Waiver } from './types.js';

export interface WaiverUse {
  waiver: Waiver;
  /** How many results it turned into `waived`. */
  used: number;
}

/** Waivers in force, applied one result at a time; `uses` counts what each waived. */
export function waiverBook(waivers: Waiver[]): { uses: WaiverUse[]; apply(r: Result): Result } {
  const uses = waivers.map((waiver) => ({ waiver, used: 0 }));
  const byIndicator = new Map<string, WaiverUse[]>();
  for (const u of uses) byIndicator.set(u.waiver.indicator, [...(byIndicator.get(u.waiver.indicator) ?? []), u]);
  return {
    uses,
    apply(r) {
      const use = byIndicator
        .get(r.indicator.id)
        ?.find((u) => (u.waiver.entity === undefined || u.waiver.entity === r.entity) && (u.waiver.tier === undefined || u.waiver.tier === r.tier) && u.waiver.covers.includes(r.status as Status));
      if (!use) return r;
      use.used++;
      return { ...r, status: 'waived', waived: { was: r.status, waiver: use.waiver } };
    },
  };
}
