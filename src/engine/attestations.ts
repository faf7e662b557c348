// Finding the evidence-file record that settles a clause an entity is judged on.
import type { Entity } from '../data/dataset.js';
import type { Attestation } from './types.js';

/** The most specific record for an indicator's clause at an entity: by name over by level over all; one clause over all. */
export function attestationIndex(records: Attestation[]): (indicator: string, entity: Entity, item: string | undefined) => Attestation | undefined {
  const byIndicator = new Map<string, Attestation[]>();
  for (const r of records) {
    const list = byIndicator.get(r.indicator);
    if (list) list.push(r);
    else byIndicator.set(r.indicator, [r]);
  }
  const rank = (r: Attestation, entity: Entity, item: string | undefined): number => {
    if (r.item !== undefined && r.item !== item) return -1;
    const who = r.entity !== undefined ? (r.entity === entity.name ? 3 : -1) : r.level !== undefined ? (r.level === entity.level ? 2 : -1) : 1;
    return who < 0 ? -1 : who * 2 + (r.item !== undefined ? 1 : 0);
  };
  return (indicator, entity, item) => {
    let best: Attestation | undefined;
    let bestRank = -1;
    for (const r of byIndicator.get(indicator) ?? []) {
      const k = rank(r, entity, item);
      if (k > bestRank) (best = r), (bestRank = k);
    }
    return best;
  };
}

