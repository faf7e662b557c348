// The unit a metric's values are in: its own, or % / ‰ for a percentage.
import type { Metric } from '../standard/types.js';

export function unitOf(metric: Metric | undefined): string | undefined {
  if (!metric) return undefined;
  return metric.type === 'percent' ? (metric.unit ?? '%') : metric.unit;
}
