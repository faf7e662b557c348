// Rendering a report to stdout or to -o FILE: written as it is rendered, whole or not at all (write-target.ts).
import type { Report } from '../report/types.js';
import { BINARY, formatters, type Format } from '../report/index.js';
import { UsageError } from './errors.js';
import { say } from '../i18n/message.js';
import { openSink, outputTarget } from './write-target.js';
import type { Terminal } from './terminal.js';

export interface OutputOptions {
  format: Format;
  output?: string;
  color?: boolean;
  failOn?: string;
  allFailures?: boolean;
}

/** Files a run reads: -o may never be one of them. */
export function inputsOf(files: string[], opts: { standard?: string; evidence?: string[]; waivers?: string[] }): string[] {
  const standard = opts.standard && /[\\/]|\.ya?ml$/i.test(opts.standard) ? [opts.standard] : [];
  return [...files, ...standard, ...(opts.evidence ?? []), ...(opts.waivers ?? [])];
}

/** A binary format (an Excel workbook) goes to -o FILE, or to stdout only when stdout is a file or a pipe. */
export function refuseBinaryToTerminal(format: Format, output: string | undefined, stdoutIsTTY: boolean): void {
  if (BINARY.has(format) && (!output || output === '-') && stdoutIsTTY) {
    throw new UsageError(
      say(
        `--format ${format} 输出的是二进制文件，不能显示在终端里：请加 -o 文件.${format}（或把标准输出重定向到文件）`,
        `--format ${format} writes a binary file, not text for the terminal: add -o FILE.${format} (or redirect stdout to a file)`,
      ),
    );
  }
}

export async function writeReport(report: Report, opts: OutputOptions, term: Terminal, inputs: string[]): Promise<void> {
  const render = (await formatters[opts.format]())[report.kind] as ((r: Report, o: object, s: object) => void | Promise<void>) | undefined;
  if (!render) throw new UsageError(say(`--format ${opts.format} 不能输出 ${report.kind} 报告`, `--format ${opts.format} cannot render a ${report.kind} report`));
  refuseBinaryToTerminal(opts.format, opts.output, term.stdoutIsTTY ?? false);
  const target = outputTarget(opts.output, inputs);
  const out = openSink(target, term.stdout);
  try {
    const failOn = opts.failOn === 'fail' || opts.failOn === 'missing' || opts.failOn === 'never' ? opts.failOn : undefined;
    await render(report, { lang: term.lang, color: target.kind === 'stdout' && (opts.color ?? true) && term.color, width: term.width, failOn, allFailures: opts.allFailures }, out.sink);
  } catch (e) {
    out.abort();
    throw e;
  }
  out.commit();
}
