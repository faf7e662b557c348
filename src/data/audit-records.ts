// The evidence file (attestations) and the waivers file: records checked against the standard and the data.
// A record that cannot be applied is an error naming its line; one that has expired is left out with a warning.
import type { Standard } from '../standard/types.js';
import type { Attestation, Status, Waiver } from '../engine/types.js';
import { kindLookup } from '../standard/levels.js';
import { walkChecks } from '../standard/walk.js';
import { didYouMean } from '../util/suggest.js';
import { DataError, type DataWarning } from './records.js';
import type { Dataset } from './dataset.js';
import { DataErrors } from './dataset.js';
import { normalizeCell } from './values.js';
import { readRecordFile, type FieldNames, type FileRecord } from './record-file.js';
import { say, type Message } from '../i18n/message.js';

/** A day, as YYYY-MM-DD text (which sorts as dates do). */
export type Day = string;

const COMMON: FieldNames = {
  indicator: ['指标', '指标编号', '编号', 'id'],
  entity: ['对象', '单位', '地区', '名称', '实体'],
  tier: ['目标层级', '层级目标'],
  expires: ['有效期至', '到期', '到期日', '失效日期', 'expiry', 'valid_until'],
};

const EVIDENCE: FieldNames = {
  ...COMMON,
  level: ['层级'],
  item: ['事项', '条款', '数据项', 'metric', 'clause'],
  status: ['结论', '是否达标', '状态', 'met', '达标'],
  evidence: ['依据', '证明材料', '佐证材料', '文件', 'document', 'link'],
  attestedBy: ['attested_by', 'attested by', '核查人', '证明人', '确认人', '认定人'],
  date: ['日期', '核查日期', '认定日期'],
};

const WAIVERS: FieldNames = {
  ...COMMON,
  reason: ['原因', '理由', '说明'],
  approvedBy: ['approved_by', 'approved by', '批准人', '审批人', '批准单位'],
  covers: ['适用', '适用情形', '包括'],
};

/** Date fields as a Chinese message names them. */
const DAY_FIELDS: Record<string, string> = { date: '日期', expires: '有效期' };

const ALL = new Set(['all', '*', '全部', '所有', '全部对象']);
const YES = new Set(['是', '达标', '已达标', '符合', 'yes', 'y', 'true', '1', '√', 'pass', 'met']);
const NO = new Set(['否', '未达标', '不达标', '不符合', 'no', 'n', 'false', '0', '×', 'fail', 'not met']);

/** YYYY-MM-DD, YYYY-MM (its last day), YYYY年M月D日 → a day; undefined when unreadable. */
export function parseDay(text: string): Day | undefined {
  const s = normalizeCell(text);
  const m = /^(\d{4})[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?$/.exec(s);
  if (!m) return undefined;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  if (mo < 1 || mo > 12) return undefined;
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const d = m[3] === undefined ? last : Number(m[3]);
  if (d < 1 || d > last) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

interface Checked<T> {
  records: T[];
  /** Records left out because they expired (or postdate the day judged). */
  expired: T[];
  warnings: DataWarning[];
}

/**
 * Reads an evidence file. `day` is the day judged: the end of --as-of, else today. Errors (a record without
 * evidence or attester, an unknown indicator or entity) are thrown together, each naming its line.
 */
export function readAttestations(text: string, file: string, std: Standard, names: KnownNames | undefined, day: Day): Checked<Attestation> {
  const resolve = resolver(std, names, file);
  const out: Checked<Attestation> = { records: [], expired: [], warnings: [] };
  for (const r of readRecordFile(text, file, EVIDENCE, ['evidence', 'attestations', 'records', '依据'])) {
    const indicator = resolve.indicator(r);
    const where = resolve.where(r, true);
    const met = resolve.status(r);
    const evidence = resolve.required(r, 'evidence', say('依据（文件名称、文号或链接）', 'evidence text (a document name, number or link)'));
    const by = resolve.required(r, 'attestedBy', say('核查人（attestedBy / 核查人）', 'who attests it (attestedBy / 核查人)'));
    const date = resolve.day(r, 'date');
    const expires = resolve.day(r, 'expires');
    const item = indicator && r.fields.item ? resolve.item(indicator, r) : undefined;
    if (!indicator || !where || met === undefined || !evidence || !by) continue;
    const a: Attestation = { file, line: r.line, indicator, ...where, item, met, evidence, by, date, expires };
    if (expires && expires < day) {
      out.expired.push(a);
      out.warnings.push({ file, line: r.line, message: say(`${indicator} 的依据已于 ${expires} 过期，已忽略`, `evidence for ${indicator} expired on ${expires}; ignored`) });
    } else if (date && date > day) {
      out.expired.push(a);
      out.warnings.push({
        file,
        line: r.line,
        message: say(`${indicator} 的依据日期为 ${date}，晚于评判日（${day}），已忽略`, `evidence for ${indicator} is dated ${date}, after the day judged (${day}); ignored`),
      });
    } else out.records.push(a);
  }
  resolve.done();
  return out;
}

/** Reads a waivers file: every field is required, and an expired waiver is left out with a warning. */
export function readWaivers(text: string, file: string, std: Standard, names: KnownNames | undefined, day: Day): Checked<Waiver> {
  const resolve = resolver(std, names, file);
  const out: Checked<Waiver> = { records: [], expired: [], warnings: [] };
  for (const r of readRecordFile(text, file, WAIVERS, ['waivers', 'exceptions', 'records', '豁免'])) {
    const indicator = resolve.indicator(r);
    const where = resolve.where(r, false);
    const reason = resolve.required(r, 'reason', say('原因（reason / 原因）', 'the reason (reason / 原因)'));
    const by = resolve.required(r, 'approvedBy', say('批准人（approvedBy / 批准人）', 'who approved it (approvedBy / 批准人)'));
    const expires = resolve.required(r, 'expires', say('有效期（expires / 有效期至）', 'an expiry date (expires / 有效期至)')) && resolve.day(r, 'expires');
    const tier = resolve.tier(r);
    const covers = resolve.covers(r);
    if (!indicator || !where || !reason || !by || !expires || !covers) continue;
    const w: Waiver = { file, line: r.line, indicator, entity: where.entity, tier, reason, by, expires, covers };
    if (expires < day) {
      out.expired.push(w);
      out.warnings.push({
        file,
        line: r.line,
        message: say(`${indicator}${w.entity ? `（${w.entity}）` : ' '}的豁免已于 ${expires} 过期，已忽略`, `waiver for ${indicator}${w.entity ? ` (${w.entity})` : ''} expired on ${expires}; ignored`),
      });
    } else out.records.push(w);
  }
  resolve.done();
  return out;
}

/** The entities the data holds, by name: those kept, and the bottom-level rows streamed past (by hash). */
export interface KnownNames {
  has(name: string): boolean;
  /** Names to suggest from when one is not found. */
  hints(): Iterable<string>;
}

export function knownNames(dataset: Dataset, streamed?: { has(name: string): boolean }): KnownNames {
  const kept = new Set(dataset.entities.map((e) => e.name));
  return { has: (n) => kept.has(n) || Boolean(streamed?.has(n)), hints: () => kept };
}

/** `names` undefined: entity names are not checked (a first reading, before the data is read). */
function resolver(std: Standard, names: KnownNames | undefined, file: string) {
  const errors: DataError[] = [];
  const err = (line: number, col: number | undefined, message: Message) => {
    if (errors.length < 20) errors.push(new DataError(file, line, col, message));
  };
  const ids = std.indicators.map((i) => i.id);
  const kinds = kindLookup(std.levels);
  return {
    indicator(r: FileRecord): string | undefined {
      const f = r.fields.indicator;
      if (!f) return void err(r.line, undefined, say('没有填指标（indicator / 指标）', 'no indicator (indicator / 指标)'));
      const hit = ids.find((id) => id.toLowerCase() === f.text.toLowerCase());
      if (!hit) {
        const hint = didYouMean(f.text, ids);
        err(f.line, f.col, say(`指标“${f.text}”不在 ${std.id} 中${hint.zh}`, `indicator "${f.text}" is not in ${std.id}${hint.en}`));
      }
      return hit;
    },
    where(r: FileRecord, levels: boolean): { entity?: string; level?: string } | undefined {
      const e = r.fields.entity;
      const l = levels ? r.fields.level : undefined;
      if (e && !ALL.has(e.text.toLowerCase())) {
        if (names && !names.has(e.text)) {
          const hint = didYouMean(e.text, [...names.hints()]);
          return void err(e.line, e.col, say(`对象“${e.text}”不在数据中${hint.zh}`, `entity "${e.text}" is not in the data${hint.en}`));
        }
        return { entity: e.text };
      }
      if (l) {
        const found = kinds(l.text);
        if (!found) {
          const levels = std.levels.map((x) => x.name);
          return void err(l.line, l.col, say(`未知层级“${l.text}”；层级有：${levels.join('、')}`, `unknown level "${l.text}"; levels: ${levels.join(' / ')}`));
        }
        return { level: found.level.id };
      }
      if (!e) {
        return void err(
          r.line,
          undefined,
          say(`没有填对象（entity / 对象；全部对象填“all”${levels ? '，或填层级' : ''}）`, `no entity (entity / 对象; "all" for every entity${levels ? ', or a level' : ''})`),
        );
      }
      return {};
    },
    status(r: FileRecord): boolean | undefined {
      const f = r.fields.status;
      if (!f) return void err(r.line, undefined, say('没有填结论（status / 结论：是或否）', 'no status (status / 结论: 是 or 否)'));
      const s = normalizeCell(f.text).toLowerCase();
      if (YES.has(s)) return true;
      if (NO.has(s)) return false;
      err(f.line, f.col, say(`结论“${f.text}”不是“是”或“否”`, `status "${f.text}" is not 是 or 否`));
      return undefined;
    },
    required(r: FileRecord, field: string, what: Message): string | undefined {
      const f = r.fields[field];
      if (!f) err(r.line, undefined, say(`没有填${what.zh}`, `no ${what.en}`));
      return f?.text;
    },
    day(r: FileRecord, field: string): Day | undefined {
      const f = r.fields[field];
      if (!f) return undefined;
      const d = parseDay(f.text);
      if (!d) err(f.line, f.col, say(`${DAY_FIELDS[field] ?? field}“${f.text}”不是日期（YYYY-MM-DD）`, `${field} "${f.text}" is not a date (YYYY-MM-DD)`));
      return d;
    },
    tier(r: FileRecord): string | undefined {
      const f = r.fields.tier;
      if (!f) return undefined;
      const t = std.tiers.find((x) => x.id === f.text || x.name === f.text);
      if (!t) {
        const tiers = std.tiers.map((x) => x.id);
        err(f.line, f.col, say(`目标层级“${f.text}”不在 ${std.id} 中；目标层级有：${tiers.join('、')}`, `tier "${f.text}" is not in ${std.id}; tiers: ${tiers.join(', ')}`));
      }
      return t?.id;
    },
    covers(r: FileRecord): Status[] | undefined {
      const f = r.fields.covers;
      if (!f) return ['fail'];
      const words: Record<string, Status> = { fail: 'fail', 未达标: 'fail', missing: 'missing', 缺数据: 'missing', 缺少数据: 'missing', manual: 'manual', 待核查: 'manual' };
      const out = new Set<Status>(['fail']);
      for (const w of f.text.split(/[,，、;；\s]+/).filter(Boolean)) {
        const s = words[w.toLowerCase()];
        if (!s) return void err(f.line, f.col, say(`适用情形“${w}”：请填 fail（未达标）、missing（缺数据）或 manual（待核查）`, `covers "${w}": give fail, missing or manual`));
        out.add(s);
      }
      return [...out];
    },
    item(indicator: string, r: FileRecord): string | undefined {
      const f = r.fields.item!;
      const ind = std.indicators.find((i) => i.id === indicator)!;
      const items = new Map<string, string>();
      for (const tree of [ind.check, ...Object.values(ind.tiers)]) {
        walkChecks(tree, [], (c) => {
          if (c.kind !== 'manual' || !c.metric) return;
          const m = std.metrics.find((x) => x.key === c.metric)!;
          for (const n of [m.key, m.label, ...m.aliases, ...(c.label ? [c.label] : [])]) items.set(n, m.key);
        });
      }
      const key = items.get(f.text);
      if (!key) {
        const hint = didYouMean(f.text, items.keys());
        err(
          f.line,
          f.col,
          say(
            `“${f.text}”不是 ${indicator} 中由人判定的条款${hint.zh}；针对整个指标时，事项留空`,
            `"${f.text}" is not a clause a person judges in ${indicator}${hint.en}; leave item empty for the whole indicator`,
          ),
        );
      }
      return key;
    },
    done() {
      if (errors.length) throw new DataErrors(errors);
    },
  };
}
