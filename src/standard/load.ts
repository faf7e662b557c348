// Reads a rule file: YAML → zod schema → cross-references, collecting every problem with its position.
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { SCHEMA_MESSAGES, standardSchema, type RawStandard } from './schema.js';
import { positionOf } from './positions.js';
import { crossCheck, crossCheckWellFormed } from './cross-check.js';
import { normalize } from './normalize.js';
import { lint } from './lint.js';
import type { Standard } from './types.js';
import { say, type Message } from '../i18n/message.js';
import type { Lang } from '../i18n/lang.js';

export interface RuleProblem {
  file: string;
  line: number;
  col: number;
  message: Message;
}

export class RuleFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: RuleProblem[],
  ) {
    super(problems.map((p) => formatProblem(p, 'en')).join('\n'));
    this.name = 'RuleFileError';
  }
}

export function formatProblem(p: RuleProblem, lang: Lang): string {
  return `${p.file}:${p.line}:${p.col}: ${p.message[lang]}`;
}

/** Parses and validates a rule file's text. Throws RuleFileError listing every problem found. */
export function loadStandardText(text: string, file: string, origin = file): Standard {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new RuleFileError(
      file,
      doc.errors.map((e) => {
        const pos = counter.linePos(e.pos[0]);
        // The yaml library's explanation stays as it wrote it, in English.
        const why = firstLine(e.message);
        return { file, line: pos.line, col: pos.col, message: say(`YAML 语法错误：${why}`, why) };
      }),
    );
  }
  const raw: unknown = doc.toJS();
  const at = (path: readonly PropertyKey[], message: Message): RuleProblem => ({
    file,
    ...positionOf(doc, counter, path),
    message,
  });

  // With the input in each issue, the Chinese of zod's own messages can be made for it (describeIssue).
  const parsed = standardSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      // Point at the offending key itself rather than at the object holding it.
      const keys = (issue as { keys?: string[] }).keys;
      const path = issue.code === 'unrecognized_keys' && keys?.length ? [...issue.path, keys[0]!] : issue.path;
      return at(path, describeIssue(issue));
    });
    // Cross-references are still checked among the parts that are well-formed, so one run shows everything.
    const partial = crossCheckWellFormed(raw).map((p) => at(p.path, p.message));
    throw new RuleFileError(file, dedupe([...problems, ...partial]).sort((a, b) => a.line - b.line || a.col - b.col));
  }
  const problems = crossCheck(parsed.data).map((p) => at(p.path, p.message));
  if (problems.length > 0) throw new RuleFileError(file, problems);
  const standard = normalize(parsed.data as RawStandard, origin);
  standard.warnings = lint(parsed.data).map((p) => at(p.path, p.message));
  return standard;
}

const CHECK_KINDS = 'compare, status, grade, manual, level, na, all, any, either, cases, stages, each, share, count, sum, mean';
const zodChinese = z.locales.zhCN().localeError;

function describeIssue(issue: z.core.$ZodIssue): Message {
  const at = (path: PropertyKey[]) => (path.length > 0 ? say(`${path.map(String).join('.')}：`, `${path.map(String).join('.')}: `) : say('', ''));
  const where = at(issue.path);
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    const key = String(issue.path[issue.path.length - 1]);
    const parent = at(issue.path.slice(0, -1));
    return say(`${parent.zh}缺少必填的键“${key}”`, `${parent.en}missing required key "${key}"`);
  }
  if (issue.code === 'invalid_union' && issue.path[issue.path.length - 1] !== undefined && /discriminator|kind/i.test(issue.message + JSON.stringify(issue))) {
    return say(`${where.zh}未知的检查类型（kind）；可用的有：${CHECK_KINDS.split(', ').join('、')}`, `${where.en}unknown check kind; kinds: ${CHECK_KINDS}`);
  }
  if (issue.code === 'unrecognized_keys') {
    return say(
      `${where.zh}未知的键${issue.keys.map((k) => `“${k}”`).join('、')}`,
      `${where.en}unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
    );
  }
  // zod's own words: its English as before, its Chinese locale's for Chinese; the schema's own messages from schema.ts.
  const own = SCHEMA_MESSAGES.find((m) => m.en === issue.message);
  const chinese = own?.zh ?? zodText(zodChinese(issue as Parameters<typeof zodChinese>[0])) ?? issue.message;
  return say(`${where.zh}${chinese}`, `${where.en}${issue.message}`);
}

function zodText(r: string | { message: string } | undefined | null): string | undefined {
  return typeof r === 'string' ? r : (r?.message ?? undefined);
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

function dedupe(problems: RuleProblem[]): RuleProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = formatProblem(p, 'en');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
