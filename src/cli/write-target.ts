// Where -o writes, and how, so that no output ever costs the user data:
// - never over an input (compared by file identity — device and inode — after following links: a symlink to a
//   data file, or the rule file itself, is refused);
// - a regular file or a new path is written whole or not at all (a temporary file beside it, renamed into place);
//   a symlink is followed and its target replaced, so the link stays a link;
// - a FIFO or a device (/dev/stdout, /dev/null) is written directly, never replaced by a regular file;
// - `-o -` (or no -o) is stdout.
import fs from 'node:fs';
import path from 'node:path';
import type { Sink } from '../report/types.js';
import { UsageError } from './errors.js';
import { say, type Message } from '../i18n/message.js';

export type OutputTarget = { kind: 'stdout' } | { kind: 'replace'; path: string; shown: string } | { kind: 'direct'; path: string; shown: string };

const MAX_LINKS = 40;

/** Decides where `-o` goes, refusing a folder, a missing folder, or any of `inputs`. */
export function outputTarget(output: string | undefined, inputs: readonly string[]): OutputTarget {
  if (output === undefined || output === '-') return { kind: 'stdout' };
  let file = output;
  for (let hops = 0; ; hops++) {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw cannotWrite(output, e);
      const dir = path.dirname(file);
      if (!isFolder(dir)) throw new UsageError(say(`无法写入 ${output}：文件夹 ${dir} 不存在`, `cannot write ${output}: no such folder ${dir}`));
      return { kind: 'replace', path: file, shown: output };
    }
    if (st.isSymbolicLink()) {
      if (hops >= MAX_LINKS) throw new UsageError(say(`无法写入 ${output}：符号链接层数过多`, `cannot write ${output}: too many symbolic links`));
      file = path.resolve(path.dirname(file), fs.readlinkSync(file));
      continue;
    }
    if (st.isDirectory()) throw new UsageError(say(`无法写入 ${output}：它是文件夹`, `cannot write ${output}: it is a folder`));
    const clash = inputs.find((i) => i !== '-' && sameFile(i, st));
    if (clash !== undefined) throw new UsageError(say(`--output ${output} 与输入文件 ${clash} 是同一个文件；dabiao 从不覆盖它读的文件`, `--output ${output} is the same file as the input ${clash}; dabiao never writes over its input`));
    return st.isFile() ? { kind: 'replace', path: file, shown: output } : { kind: 'direct', path: file, shown: output };
  }
}

function isFolder(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function sameFile(input: string, out: fs.Stats): boolean {
  try {
    const st = fs.statSync(input);
    return st.dev === out.dev && st.ino === out.ino;
  } catch {
    return false;
  }
}

function cannotWrite(shown: string, e: unknown): UsageError {
  const code = (e as NodeJS.ErrnoException).code;
  const why: Record<string, Message> = {
    EACCES: say('没有权限', 'permission denied'),
    EPERM: say('没有权限', 'permission denied'),
    ENOSPC: say('设备上没有空间了', 'no space left on the device'),
    EROFS: say('文件系统是只读的', 'read-only file system'),
    EISDIR: say('它是文件夹', 'it is a folder'),
    ENOTDIR: say('文件夹不存在', 'no such folder'),
    ENOENT: say('文件夹不存在', 'no such folder'),
  };
  const w = why[code ?? ''] ?? say((e as Error).message, (e as Error).message);
  return new UsageError(say(`无法写入 ${shown}：${w.zh}`, `cannot write ${shown}: ${w.en}`));
}

/** A sink onto the target, buffered; `commit` makes the output appear, `abort` leaves nothing behind. */
export interface OpenSink {
  sink: Sink;
  commit(): void;
  abort(): void;
}

const BLOCK = 1 << 16;

/**
 * Gathers small writes into blocks of about 64 KB: a report of a million rows is millions of small strings, and a
 * system call each cost more than rendering them. Bytes (a workbook) pass through after the text before them.
 */
function blocks(out: (chunk: string | Uint8Array) => void) {
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (!parts.length) return;
    const text = parts.length === 1 ? parts[0]! : parts.join('');
    parts = [];
    size = 0;
    out(text);
  };
  return {
    write(chunk: string | Uint8Array) {
      if (typeof chunk !== 'string') {
        flush();
        out(chunk);
        return;
      }
      parts.push(chunk);
      size += chunk.length;
      if (size >= BLOCK) flush();
    },
    flush,
  };
}

export function openSink(target: OutputTarget, stdout: (chunk: string | Uint8Array) => void): OpenSink {
  if (target.kind === 'stdout') {
    const out = blocks(stdout);
    // What was rendered before a failure is dropped: the error says what happened.
    return { sink: { write: out.write }, commit: out.flush, abort: () => {} };
  }
  const file = target.kind === 'replace' ? path.join(path.dirname(target.path), `.${path.basename(target.path)}.${process.pid}.tmp`) : target.path;
  let fd: number;
  try {
    fd = fs.openSync(file, target.kind === 'replace' ? 'wx' : 'w');
  } catch (e) {
    throw cannotWrite(target.shown, e);
  }
  let closed = false;
  const writeAll = (chunk: string | Uint8Array) => {
    const block = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let done = 0;
    while (done < block.byteLength) done += fs.writeSync(fd, block, done);
  };
  const guarded = (f: () => void) => {
    try {
      f();
    } catch (e) {
      close();
      if (target.kind === 'replace') fs.rmSync(file, { force: true });
      throw cannotWrite(target.shown, e);
    }
  };
  const close = () => {
    if (!closed) (closed = true), fs.closeSync(fd);
  };
  const out = blocks((chunk) => guarded(() => writeAll(chunk)));
  return {
    sink: {
      write: out.write,
    },
    commit() {
      out.flush();
      guarded(() => {
        if (target.kind === 'replace') fs.fsyncSync(fd);
        close();
        if (target.kind === 'replace') fs.renameSync(file, target.path);
      });
    },
    abort() {
      try {
        close();
      } finally {
        if (target.kind === 'replace') fs.rmSync(file, { force: true });
      }
    },
  };
}

/** Writes a whole text (a template) through the same rules. */
export function writeText(output: string, text: string, inputs: readonly string[], stdout: (chunk: string | Uint8Array) => void): void {
  const out = openSink(outputTarget(output, inputs), stdout);
  out.sink.write(text);
  out.commit();
}
