// Reads a rule file: YAML → zod schema → cross-references, collecting every problem with its position.
import { LineCounter, parseDocument } from 'yaml';
import { standardSchema, type RawStandard } from './schema.js';
import { positionOf } from './positions.js';
import { crossCheck, crossCheckWellFormed } from './cross-check.js';
import { normalize } from './normalize.js';
import { lint } from './lint.js';
import type { Standard } from './types.js';

export interface RuleProblem {
  file: string;
  line: number;
  col: number;
  message: string;
}

export class RuleFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: RuleProblem[],
  ) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'RuleFileError';
  }
}

export function formatProblem(p: RuleProblem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.message}`;
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
        return { file, line: pos.line, col: pos.col, message: firstLine(e.message) };
      }),
    );
  }
  const raw: unknown = doc.toJS();
  const at = (path: readonly PropertyKey[], message: string): RuleProblem => ({
    file,
    ...positionOf(doc, counter, path),
    message,
  });

  const parsed = standardSchema.safeParse(raw);
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

function describeIssue(issue: { path: PropertyKey[]; message: string; code: string; keys?: string[] }): string {
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    const key = issue.path[issue.path.length - 1];
    const parent = issue.path.slice(0, -1).map(String).join('.');
    return `${parent ? `${parent}: ` : ''}missing required key "${String(key)}"`;
  }
  if (issue.code === 'invalid_union' && issue.path[issue.path.length - 1] !== undefined && /discriminator|kind/i.test(issue.message + JSON.stringify(issue))) {
    return `${where}unknown check kind; kinds: compare, status, grade, manual, level, na, all, any, either, cases, stages, each, share, count, sum, mean`;
  }
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    return `${where}unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  return `${where}${issue.message}`;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

function dedupe(problems: RuleProblem[]): RuleProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = formatProblem(p);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
