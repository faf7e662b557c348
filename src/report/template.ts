// Blank data sheets: every metric measured at a level, with one row per known entity (or an example row). Items
// a person judges get an evidence column beside them (a 是 there passes only with a document), and a level with
// kinds (村 / 社区) gets a column to say which.
import { stringify } from 'csv-stringify/sync';
import type { Check, Metric, Standard } from '../standard/types.js';
import { levelNameOf } from '../standard/levels.js';
import { walkChecks } from '../standard/walk.js';

/** Metrics whose 是 is a judgement that needs evidence: a manual clause's, or a figure standing in for judged members. */
function judgedMetrics(std: Standard): Set<string> {
  const judged = new Set<string>();
  const needsEvidence = (c: Check) => {
    let found = false;
    walkChecks(c, [], (x) => void (found ||= x.kind === 'manual' && x.requireEvidence === true));
    return found;
  };
  for (const i of std.indicators) {
    for (const tree of [i.check, ...Object.values(i.tiers)]) {
      walkChecks(tree, [], (c) => {
        if (c.kind === 'manual' && c.metric && c.requireEvidence) judged.add(c.metric);
        if ((c.kind === 'each' || c.kind === 'share' || c.kind === 'count') && c.given && needsEvidence(c.check)) judged.add(c.given);
      });
    }
  }
  return judged;
}

interface Column {
  header: string;
  metric?: Metric;
}

function sheet(std: Standard, level: string) {
  const lv = std.levels.find((l) => l.id === level)!;
  const judged = judgedMetrics(std);
  const columns: Column[] = [{ header: 'entity' }, { header: 'level' }, ...(lv.kinds.length ? [{ header: '类型' }] : []), { header: 'parent' }];
  for (const m of std.metrics.filter((x) => x.levels.includes(level))) {
    columns.push({ header: m.label, metric: m });
    if (judged.has(m.key)) columns.push({ header: `${m.label}依据` });
  }
  const parentName = lv.depth > 0 ? (lv.depth === 1 ? std.region : `（所属${levelNameOf(std, std.levels[lv.depth - 1]!.id)}）`) : '';
  const known = std.places.filter((p) => p.level === level);
  const names = lv.depth === 0 ? [std.region] : known.length ? known.map((p) => p.name) : [`（${levelNameOf(std, level)}名称）`];
  const kindHint = lv.kinds.length ? `（${lv.kinds.map((k) => k.name).join('或')}）` : '';
  const rows = names.map((name) => ({ entity: name, level: levelNameOf(std, level), 类型: kindHint, parent: known.find((p) => p.name === name)?.parent ?? parentName }));
  return { columns, rows };
}

export function templateCsv(std: Standard, level: string): string {
  const { columns, rows } = sheet(std, level);
  const records = rows.map((r) => columns.map((c) => (c.metric ? '' : ((r as Record<string, string>)[c.header] ?? ''))));
  return `\uFEFF${stringify([columns.map((c) => c.header), ...records], { record_delimiter: '\r\n' })}`;
}

export function templateJson(std: Standard, level: string): string {
  const { columns, rows } = sheet(std, level);
  const objects = rows.map((r) => Object.fromEntries(columns.map((c) => [c.header, c.metric ? null : ((r as Record<string, string>)[c.header] || undefined)])));
  return `${JSON.stringify(objects, null, 2)}\n`;
}
