// Blank data sheets: every metric measured at a level, with one row per known entity (or an example row).
import type { Standard } from '../standard/types.js';
import { levelNameOf } from '../standard/levels.js';

function sheet(std: Standard, level: string) {
  const depth = std.levels.find((l) => l.id === level)!.depth;
  const metrics = std.metrics.filter((m) => m.levels.includes(level));
  const parentName = depth > 0 ? (depth === 1 ? std.region : `（所属${levelNameOf(std, std.levels[depth - 1]!.id)}）`) : '';
  const known = std.places.filter((p) => p.level === level);
  const names = depth === 0 ? [std.region] : known.length ? known.map((p) => p.name) : [`（${levelNameOf(std, level)}名称）`];
  const rows = names.map((name) => ({ name, level: levelNameOf(std, level), parent: known.find((p) => p.name === name)?.parent ?? parentName }));
  return { metrics, rows };
}

export function templateCsv(std: Standard, level: string): string {
  const { metrics, rows } = sheet(std, level);
  const header = ['entity', 'level', 'parent', ...metrics.map((m) => m.label)];
  const body = rows.map((r) => [r.name, r.level, r.parent, ...metrics.map(() => '')]);
  return `\uFEFF${[header, ...body].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function templateJson(std: Standard, level: string): string {
  const { metrics, rows } = sheet(std, level);
  return `${JSON.stringify(rows.map((r) => ({ entity: r.name, level: r.level, parent: r.parent || undefined, ...Object.fromEntries(metrics.map((m) => [m.label, null])) })), null, 2)}\n`;
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
