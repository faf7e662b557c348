// Errors the CLI turns into one-line messages and exit code 2 (bad usage, bad rule file, bad data).
import { RuleFileError, formatProblem } from '../standard/load.js';
import { DataError } from '../data/records.js';
import { DataErrors } from '../data/dataset.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

/** The lines to print for an error dabiao understands, or undefined for a bug. */
export function describeError(e: unknown): string[] | undefined {
  if (e instanceof RuleFileError) return e.problems.map((p) => formatProblem(p, 'en'));
  if (e instanceof DataErrors) return e.errors.map((x) => x.message);
  if (e instanceof DataError || e instanceof UsageError) return [e.message];
  const io = e as NodeJS.ErrnoException;
  if (io && typeof io.code === 'string' && 'path' in io) {
    const what: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'is a directory', ENOTDIR: 'not a directory' };
    return [`${io.path}: ${what[io.code] ?? io.message}`];
  }
  return undefined;
}
