// Checks what the schema cannot: references between parts of a rule file, and checks that fit their metrics.
import { shape, type RawStandard } from './schema.js';
import type { Check, MetricType } from './types.js';
import { levelLookup } from './levels.js';
import { walkChecks } from './walk.js';
import { didYouMean } from '../util/suggest.js';
import { DEFAULT_GRADE_SCALE, gradeIndex } from './grades.js';
import { fractionValue } from './normalize.js';
import { say, type Message } from '../i18n/message.js';

export interface PathProblem {
  path: PropertyKey[];
  message: Message;
}

const NUMERIC: MetricType[] = ['number', 'percent'];

/**
 * Cross-checks a rule file that failed the schema: list entries that are well-formed on their own are
 * checked, the others are skipped (the schema already reported them).
 */
export function crossCheckWellFormed(raw: unknown): PathProblem[] {
  if (!raw || typeof raw !== 'object') return [];
  const r = raw as Record<string, unknown>;
  const items = <T>(key: string, schema: { safeParse(x: unknown): { success: boolean } }): T[] =>
    holes((Array.isArray(r[key]) ? (r[key] as unknown[]) : []).map((x) => (schema.safeParse(x).success ? x : undefined))) as T[];
  const lenient = {
    levels: items('levels', shape.level),
    tiers: items('tiers', shape.tier),
    classes: items('classes', shape.klass),
    metrics: items('metrics', shape.metric),
    tasks: items('tasks', shape.task),
    places: items('places', shape.place),
    indicators: items('indicators', shape.indicator),
  } as unknown as RawStandard;
  if (lenient.levels.some((l) => !l) || lenient.levels.length === 0) return [];
  try {
    return crossCheck(lenient);
  } catch {
    return [];
  }
}

/** Undefined entries become holes, which forEach / map / flatMap skip. */
function holes<T>(xs: (T | undefined)[]): T[] {
  const out = new Array<T>(xs.length);
  xs.forEach((x, i) => {
    if (x !== undefined) out[i] = x;
  });
  return out;
}

const defined = <T>(xs: T[] | undefined): T[] => (xs ?? []).filter((x) => x !== undefined);

export function crossCheck(std: RawStandard): PathProblem[] {
  const problems: PathProblem[] = [];
  const report = (path: PropertyKey[], message: Message) => problems.push({ path, message });
  const level = levelLookup(std.levels);
  const metrics = new Map(defined(std.metrics).map((m) => [m.key, m]));
  const tiers = new Set(defined(std.tiers).map((t) => t.id));
  const classes = new Set(defined(std.classes).map((c) => c.id));
  const tasks = new Set(defined(std.tasks).map((t) => t.id));

  const unique = (items: { path: PropertyKey[]; value: string }[], what: Message) => {
    const seen = new Set<string>();
    for (const { path, value } of defined(items)) {
      if (seen.has(value)) report(path, say(`${what.zh}“${value}”重复`, `duplicate ${what.en} "${value}"`));
      seen.add(value);
    }
  };
  unique(std.levels.map((l, i) => ({ path: ['levels', i, 'id'], value: l.id })), say('层级 id', 'level id'));
  unique(std.tiers.map((t, i) => ({ path: ['tiers', i, 'id'], value: t.id })), say('目标层级 id', 'tier id'));
  unique(std.metrics.map((m, i) => ({ path: ['metrics', i, 'key'], value: m.key })), say('数据项 key', 'metric key'));
  unique(std.indicators.map((x, i) => ({ path: ['indicators', i, 'id'], value: x.id })), say('指标 id', 'indicator id'));
  unique((std.tasks ?? []).map((t, i) => ({ path: ['tasks', i, 'id'], value: t.id })), say('任务 id', 'task id'));
  unique(
    std.metrics.flatMap((m, i) =>
      [m.label, ...(m.aliases ?? [])].map((value, j) => ({
        path: j === 0 ? ['metrics', i, 'label'] : ['metrics', i, 'aliases', j - 1],
        value,
      })),
    ),
    say('数据项名称或别名', 'metric label or alias'),
  );

  const levelNames = std.levels.flatMap((l) => [l.id, l.name, ...(l.aliases ?? [])]);
  const checkLevel = (path: PropertyKey[], name: string) => {
    if (!level(name)) {
      const hint = didYouMean(name, levelNames);
      report(path, say(`未知层级“${name}”${hint.zh}`, `unknown level "${name}"${hint.en}`));
    }
  };
  const checkMetric = (path: PropertyKey[], key: string, allowed?: MetricType[], role = 'metric') => {
    const m = metrics.get(key);
    if (!m) {
      const hint = didYouMean(key, metrics.keys());
      report(path, say(`未知数据项“${key}”${hint.zh}`, `unknown metric "${key}"${hint.en}`));
    } else if (allowed && !allowed.includes(m.type)) {
      const who = role === 'metric' ? '数据项' : role;
      report(path, say(`${who}“${key}”的类型是 ${m.type}，这里需要 ${allowed.join(' 或 ')}`, `${role} "${key}" is of type ${m.type}; this needs ${allowed.join(' or ')}`));
    }
  };
  const unknown = (what: Message, name: string, hint = say('', '')) => say(`未知${what.zh}“${name}”${hint.zh}`, `unknown ${what.en} "${name}"${hint.en}`);
  const TIER = say('目标层级', 'tier');
  const TASK = say('任务', 'task');

  std.levels.forEach((l, i) => {
    const names = [l.id, l.name, ...(l.aliases ?? [])];
    l.kinds?.forEach((k, j) => {
      for (const n of [k.id, k.name, ...(k.aliases ?? [])]) {
        if (names.includes(n)) report(['levels', i, 'kinds', j], say(`类型“${n}”与它所属的层级同名`, `kind "${n}" has the same name as its level`));
      }
    });
  });
  std.tiers.forEach((t, i) => {
    if (t.inherits && !tiers.has(t.inherits)) report(['tiers', i, 'inherits'], unknown(TIER, t.inherits));
  });
  (std.places ?? []).forEach((p, i) => checkLevel(['places', i, 'level'], p.level));
  std.metrics.forEach((m, i) => {
    m.levels?.forEach((l, j) => checkLevel(['metrics', i, 'levels', j], l));
    if (m.countOf !== undefined) checkLevel(['metrics', i, 'countOf'], m.countOf);
    if (m.scale && m.type !== 'grade') report(['metrics', i, 'scale'], say('只有 grade 类型的数据项才有 scale', 'only grade metrics have a scale'));
    if (m.derive) {
      const r = m.derive.ratio;
      if (!NUMERIC.includes(m.type)) report(['metrics', i, 'type'], say('派生的比率只能是 number 或 percent 类型', 'a derived ratio must be a number or percent'));
      checkMetric(['metrics', i, 'derive', 'ratio', 'numerator'], r.numerator, NUMERIC);
      checkMetric(['metrics', i, 'derive', 'ratio', 'denominator'], r.denominator, NUMERIC);
    }
  });

  std.indicators.forEach((ind, i) => {
    const at = (...rest: PropertyKey[]) => ['indicators', i, ...rest];
    checkLevel(at('level'), ind.level);
    ind.evaluateAt?.forEach((l, j) => checkLevel(at('evaluateAt', j), l));
    if (ind.class !== undefined && !classes.has(ind.class)) report(at('class'), unknown(say('类别', 'class'), ind.class));
    if (ind.metric !== undefined) checkMetric(at('metric'), ind.metric);
    ind.tasks?.forEach((t, j) => {
      if (!tasks.has(t)) report(at('tasks', j), unknown(TASK, t, didYouMean(t, tasks)));
    });
    for (const key of Object.keys(ind.sourceTiers ?? {})) {
      if (!tiers.has(key)) report(at('sourceTiers', key), unknown(TIER, key));
    }
    for (const key of Object.keys(ind.tiers ?? {})) {
      if (!tiers.has(key)) report(at('tiers', key), unknown(TIER, key));
    }
    const trees: [Check, PropertyKey[]][] = [
      [ind.check as Check, at('check')],
      ...Object.entries(ind.tiers ?? {}).map(([k, c]): [Check, PropertyKey[]] => [c as Check, at('tiers', k)]),
    ];
    for (const [tree, path] of trees) {
      walkChecks(tree, path, (c, p) => checkNode(c, [...p]));
    }
  });

  function checkNode(c: Check, path: PropertyKey[]) {
    const between = (op: string, value: unknown) => {
      if (op === 'between' && !Array.isArray(value)) report([...path, 'value'], say('between 需要 [下限, 上限]', 'between needs [low, high]'));
      if (op !== 'between' && Array.isArray(value)) report([...path, 'value'], say(`${op} 只要一个数`, `${op} needs a single number`));
      if (Array.isArray(value) && fractionValue(value[0], 1) > fractionValue(value[1], 1)) report([...path, 'value'], say('between 需要下限 ≤ 上限', 'between needs low ≤ high'));
    };
    if (c.task !== undefined && !tasks.has(c.task)) report([...path, 'task'], unknown(TASK, c.task, didYouMean(c.task, tasks)));
    switch (c.kind) {
      case 'compare': {
        checkMetric([...path, 'metric'], c.metric, NUMERIC);
        between(c.op, c.value);
        const unit = metrics.get(c.metric)?.unit;
        if (c.unit !== undefined && unit !== undefined && c.unit !== unit) {
          report([...path, 'unit'], say(`单位“${c.unit}”与数据项“${c.metric}”的单位“${unit}”不同`, `unit "${c.unit}" differs from metric "${c.metric}"'s unit "${unit}"`));
        }
        break;
      }
      case 'status':
        checkMetric([...path, 'metric'], c.metric, ['boolean']);
        break;
      case 'manual':
        if (c.metric !== undefined) checkMetric([...path, 'metric'], c.metric, ['boolean']);
        if (c.requireEvidence === false && c.evidenceNotRequired === undefined) {
          report(
            [...path, 'requireEvidence'],
            say('manual 检查需要依据；要让没有依据的“是”也通过，请在 evidenceNotRequired 中说明理由', 'a manual check needs evidence; to let a yes pass without it, say why in evidenceNotRequired'),
          );
        }
        if (c.requireEvidence === true && c.evidenceNotRequired !== undefined) {
          report([...path, 'evidenceNotRequired'], say('requireEvidence: true 与 evidenceNotRequired 相互矛盾', 'requireEvidence: true contradicts evidenceNotRequired'));
        }
        break;
      case 'grade': {
        checkMetric([...path, 'metric'], c.metric, ['grade']);
        const scale = metrics.get(c.metric)?.scale ?? DEFAULT_GRADE_SCALE;
        if (gradeIndex(c.atLeast, scale) === undefined) {
          report([...path, 'atLeast'], say(`等级“${c.atLeast}”不在等级序列 ${scale.join(' > ')} 中`, `grade "${c.atLeast}" is not on the scale ${scale.join(' > ')}`));
        }
        break;
      }
      case 'level':
        c.is.forEach((l, j) => checkLevel([...path, 'is', j], l));
        break;
      case 'stages':
        c.stages.forEach((s, j) => {
          if (j > 0 && s.year <= c.stages[j - 1]!.year) report([...path, 'stages', j, 'year'], say('各阶段的年份必须逐个增大', 'stage years must increase'));
        });
        break;
      case 'each':
        checkLevel([...path, 'level'], c.level);
        if (c.given) checkMetric([...path, 'given'], c.given, ['boolean', 'percent'], 'given');
        break;
      case 'share':
        checkLevel([...path, 'level'], c.level);
        between(c.op, c.value);
        if (c.given) checkMetric([...path, 'given'], c.given, ['percent'], 'given');
        break;
      case 'count':
        checkLevel([...path, 'level'], c.level);
        between(c.op, c.value);
        if (c.given) checkMetric([...path, 'given'], c.given, ['number'], 'given');
        break;
      case 'sum':
      case 'mean':
        checkLevel([...path, 'level'], c.level);
        checkMetric([...path, 'metric'], c.metric, NUMERIC);
        between(c.op, c.value);
        if (c.given) checkMetric([...path, 'given'], c.given, NUMERIC, 'given');
        break;
      default:
        break;
    }
  }

  return problems;
}
