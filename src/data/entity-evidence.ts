// An entity's evidence texts (a row's evidence column, per metric).
import type { Entity } from './dataset.js';

// A province keeps tens of thousands of townships; most have no evidence cell, and a Map each would cost more
// than their values. They share this one until `setEvidence` gives them their own.
export const NO_EVIDENCE: ReadonlyMap<string, string> = new Map();

export function setEvidence(entity: Entity, key: string, text: string): void {
  if (entity.evidence === NO_EVIDENCE) entity.evidence = new Map([[key, text]]);
  else (entity.evidence as Map<string, string>).set(key, text);
}
