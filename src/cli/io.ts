// The CLI's file access: reading standards and data, writing output files whole or not at all.
import fs from 'node:fs';
import path from 'node:path';
import { loadStandardText } from '../standard/load.js';
import { builtinPath, isBuiltinFileName, STANDARDS_DIR } from '../standard/builtins.js';
import type { Standard } from '../standard/types.js';
import { decode, type EncodingChoice } from '../data/encoding.js';
import { readCsv } from '../data/csv.js';
import { readJson } from '../data/json.js';
import type { RawTable } from '../data/records.js';
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

/** A built-in id, or a path to a rule file. */
export function readStandard(ref: string): Standard {
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
    const file = builtinPath(ref);
    return loadStandardText(fs.readFileSync(file, 'utf8'), path.relative(process.cwd(), file) || file, `built-in:${ref}`);
  }
  assertFile(ref);
  return loadStandardText(fs.readFileSync(ref, 'utf8'), ref);
}

export type InputFormat = 'csv' | 'json';

function assertFile(file: string): void {
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new UsageError(say(`${file}: 是文件夹，不是文件`, `${file}: is a folder, not a file`));
}

export function readTable(file: string, opts: { inputFormat?: InputFormat; encoding: EncodingChoice }): RawTable {
  const name = file === '-' ? '<stdin>' : file;
  if (file !== '-') assertFile(file);
  const format = opts.inputFormat ?? formatFromExtension(file);
  const bytes = file === '-' ? fs.readFileSync(0) : fs.readFileSync(file);
  const { text, encoding } = decode(bytes, opts.encoding);
  const table = format === 'json' ? readJson(text, name) : readCsv(text, name);
  return { ...table, encoding };
}

function formatFromExtension(file: string): InputFormat {
  if (file === '-') throw new UsageError(say('从标准输入（“-”）读取时需要 --input-format csv|json', 'reading stdin ("-") needs --input-format csv|json'));
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  if (ext === '.json') return 'json';
  throw new UsageError(
    say(
      ext ? `${file}: 无法从扩展名“${ext}”判断格式；请用 --input-format csv|json` : `${file}: 没有扩展名，无法判断格式；请用 --input-format csv|json`,
      `${file}: cannot tell the format from "${ext || 'no extension'}"; use --input-format csv|json`,
    ),
  );
}
