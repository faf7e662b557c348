// The CLI's access to rule files: a built-in standard by id, or a rule file by path.
import fs from 'node:fs';
import path from 'node:path';
import { builtinPath, compiledBuiltin, isBuiltinFileName, STANDARDS_DIR } from '../standard/builtins.js';
import type { Standard } from '../standard/types.js';
import { UsageError } from './errors.js';
import { didYouMean } from '../util/suggest.js';
import { say } from '../i18n/message.js';

export function builtinIds(): string[] {
  return fs
    .readdirSync(STANDARDS_DIR)
    .filter(isBuiltinFileName)
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
}

/**
 * A built-in id, or a path to a rule file. A built-in is read in the form the build validated and normalised
 * (`compiled: false` reads and validates its YAML instead, as validate-standard does); the rule-file parser and
 * schema are loaded only when a YAML file is read.
 */
export async function readStandard(ref: string, { compiled = true } = {}): Promise<Standard> {
  const looksLikePath = /[\\/]|\.ya?ml$/i.test(ref);
  if (!looksLikePath) {
    const ids = builtinIds();
    if (!ids.includes(ref)) {
      const hint = didYouMean(ref, ids);
      throw new UsageError(
        say(
          `未知标准“${ref}”${hint.zh}；内置标准有：${ids.join('、')}（也可给出 .yaml 规则文件的路径）`,
          `unknown standard "${ref}"${hint.en}; built-in: ${ids.join(', ')} (or give a path to a .yaml rule file)`,
        ),
      );
    }
    const built = compiled ? compiledBuiltin(ref) : undefined;
    if (built) return built;
    const file = builtinPath(ref);
    const { loadStandardText } = await import('../standard/load.js');
    return loadStandardText(fs.readFileSync(file, 'utf8'), path.relative(process.cwd(), file) || file, `built-in:${ref}`);
  }
  assertFile(ref);
  const { loadStandardText } = await import('../standard/load.js');
  return loadStandardText(fs.readFileSync(ref, 'utf8'), ref);
}

function assertFile(file: string): void {
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new UsageError(say(`${file}: 是文件夹，不是文件`, `${file}: is a folder, not a file`));
}
