// Errors the CLI turns into one-line messages and exit code 2 (bad usage, bad rule file, bad data), in the user's
// language. Loaded only when something went wrong.
import { RuleFileError, formatProblem } from '../standard/load.js';
import { DataError } from '../data/records.js';
import { DataErrors } from '../data/dataset.js';
import { InputError } from '../data/open.js';
import { EncodingSwitch } from '../data/text-stream.js';
import { say, type Message } from '../i18n/message.js';
import type { Lang } from '../i18n/lang.js';
import { UsageError } from './errors.js';

const IO_ERRORS: Record<string, Message> = {
  ENOENT: say('文件不存在', 'no such file'),
  EACCES: say('没有权限', 'permission denied'),
  EISDIR: say('是文件夹', 'is a directory'),
  ENOTDIR: say('路径中有一段不是文件夹', 'not a directory'),
};

/** The lines to print for an error dabiao understands, in the user's language, or undefined for a bug. */
export function describeError(e: unknown, lang: Lang): string[] | undefined {
  if (e instanceof RuleFileError) return e.problems.map((p) => formatProblem(p, lang));
  if (e instanceof DataErrors) return e.errors.map((x) => x.text(lang));
  if (e instanceof DataError) return [e.text(lang)];
  if (e instanceof UsageError || e instanceof InputError) return [e.detail[lang]];
  if (e instanceof EncodingSwitch) {
    return [say(`${e.file}: 第 ${e.byte} 字节起不是有效的 UTF-8；请用 --encoding gb18030`, `${e.file}: not valid UTF-8 from byte ${e.byte}; give --encoding gb18030`)[lang]];
  }
  const io = e as NodeJS.ErrnoException;
  if (io && typeof io.code === 'string' && 'path' in io) {
    // Another system error keeps the system's own (English) words.
    return [`${io.path}: ${IO_ERRORS[io.code]?.[lang] ?? io.message}`];
  }
  return undefined;
}
