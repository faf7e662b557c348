// Built-in standards ship as rule files in the package's standards/ folder, addressed by id. The build validates
// them and writes their normalised form to dist/builtin/ (precompile.ts); dabiao reads that, and falls back to
// the YAML itself when the rule file is newer than its compiled form (someone edited it without rebuilding).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Standard } from './types.js';

export const STANDARDS_DIR = fileURLToPath(new URL('../../standards/', import.meta.url));
export const BUILT_DIR = fileURLToPath(new URL('../builtin/', import.meta.url));

/** What `standards list` shows, without loading a standard. */
export interface BuiltinSummary {
  id: string;
  title: string;
  titleEn?: string;
  issuer: string;
  date: string;
  indicators: number;
  levels: { name: string; nameEn?: string }[];
  tiers: { id: string; name: string; nameEn?: string }[];
}

export function summaryOf(std: Standard): BuiltinSummary {
  return {
    id: std.id,
    title: std.title,
    titleEn: std.titleEn,
    issuer: std.issuer,
    date: std.document.date,
    indicators: std.indicators.length,
    levels: std.levels.map((l) => ({ name: l.name, nameEn: l.nameEn })),
    tiers: std.tiers.map((t) => ({ id: t.id, name: t.name, nameEn: t.nameEn })),
  };
}

/** Rule files in standards/ are named <id>.yaml; anything else there (fragments, notes) is not a standard. */
export function builtinPath(id: string): string {
  return path.join(STANDARDS_DIR, `${id}.yaml`);
}

export function isBuiltinFileName(name: string): boolean {
  return /^[a-z0-9][a-z0-9-]*\.yaml$/.test(name);
}

function mtime(file: string): number | undefined {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The compiled built-in, or undefined when it is missing or older than its rule file. */
export function compiledBuiltin(id: string): Standard | undefined {
  const json = path.join(BUILT_DIR, `${id}.json`);
  const built = mtime(json);
  const source = mtime(builtinPath(id));
  if (built === undefined || (source !== undefined && source > built)) return undefined;
  return JSON.parse(fs.readFileSync(json, 'utf8')) as Standard;
}

/** The index of compiled built-ins, or undefined when a rule file is newer than the index. */
export function builtinIndex(): BuiltinSummary[] | undefined {
  const file = path.join(BUILT_DIR, 'index.json');
  const built = mtime(file);
  if (built === undefined) return undefined;
  const ids = fs.readdirSync(STANDARDS_DIR).filter(isBuiltinFileName);
  if (ids.some((n) => (mtime(path.join(STANDARDS_DIR, n)) ?? 0) > built)) return undefined;
  const index = JSON.parse(fs.readFileSync(file, 'utf8')) as BuiltinSummary[];
  return index.length === ids.length ? index : undefined;
}
