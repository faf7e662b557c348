// Approved exceptions: an unmet result that a waiver in force covers is reported as `waived`, keeping what it was.
import type { Result, Status, Waiver } from './types.js';

export interface WaiverUse {
  waiver: Waiver;
  /** How many results it turned into `waived`. */
  used: number;
}

/** Marks the results each waiver covers (in place, so results keep their order) and says which waivers were used. */
export function applyWaivers(results: Result[], waivers: Waiver[]): WaiverUse[] {
  const uses = waivers.map((waiver) => ({ waiver, used: 0 }));
  if (uses.length === 0) return uses;
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    const use = uses.find(
      (u) =>
        u.waiver.indicator === r.indicator.id &&
        (u.waiver.entity === undefined || u.waiver.entity === r.entity) &&
        (u.waiver.tier === undefined || u.waiver.tier === r.tier) &&
        u.waiver.covers.includes(r.status as Status),
    );
    if (!use) continue;
    use.used++;
    results[i] = { ...r, status: 'waived', waived: { was: r.status, waiver: use.waiver } };
  }
  return uses;
}
