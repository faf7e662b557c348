// Built-in standards ship as rule files in the package's standards/ folder, addressed by id.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const STANDARDS_DIR = fileURLToPath(new URL('../../standards/', import.meta.url));

/** Rule files in standards/ are named <id>.yaml; anything else there (fragments, notes) is not a standard. */
export function builtinPath(id: string): string {
  return path.join(STANDARDS_DIR, `${id}.yaml`);
}

export function isBuiltinFileName(name: string): boolean {
  return /^[a-z0-9][a-z0-9-]*\.yaml$/.test(name);
}
